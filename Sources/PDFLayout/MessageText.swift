/// Text of names (file paths, labels) as they go into messages: quoted, with control characters
/// escaped, so that a file name holding a newline cannot forge an extra `error:` line and a
/// terminal escape cannot act.
public enum MessageText {
    /// `name` in double quotes when it holds a character that needs it (space, quote, backslash,
    /// a control character, or none at all), with `\n`, `\t`, `\r`, `\"`, `\\` and `\u{…}`
    /// escapes; otherwise as it is. E.g. `a\nb.pdf` → `"a\nb.pdf"`.
    public static func quoted(_ name: String) -> String {
        let needsQuotes = name.isEmpty || name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == " " || $0 == "\"" || $0 == "\\" || (0x80...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }
        return needsQuotes ? "\"" + escaped(name) + "\"" : name
    }

    /// `text` with every control character (C0, DEL, C1, line and paragraph separators) escaped,
    /// and `"` and `\` escaped: one line whatever it holds.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) || s == "\u{2028}" || s == "\u{2029}" {
                    out += "\\u{" + String(s.value, radix: 16) + "}"
                } else { out.unicodeScalars.append(s) }
            }
        }
        return out
    }

    /// `text` as one line: control characters escaped, but quotes and backslashes kept as they
    /// are (for whole messages whose names are already quoted).
    public static func oneLine(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            if s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) || s == "\u{2028}" || s == "\u{2029}" {
                switch s { case "\n": out += "\\n"; case "\t": out += "\\t"; case "\r": out += "\\r"; default: out += "\\u{" + String(s.value, radix: 16) + "}" }
            } else { out.unicodeScalars.append(s) }
        }
        return out
    }
}
