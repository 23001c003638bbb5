/// Text of names (file paths, labels) as they go into messages: quoted, with control characters
/// escaped, so that a file name holding a newline cannot forge an extra `error:` line and a
/// terminal escape cannot act.
public enum MessageText {
    /// `name` in double quotes when it holds a character that needs it (space, quote, backslash,
    /// a control character, or none at all), with `\n`, `\t`, `\r`, `\"`, `\\` and `\u{…}`
    /// escapes; otherwise as it is. E.g. `a\nb.pdf` → `"a\nb.pdf"`.
    public static func quoted(_ name: String) -> String {
        let needsQuotes = name.isEmpty || name.unicodeScalars.contains { isControl($0) || $0 == " " || $0 == "\"" || $0 == "\\" }
        return needsQuotes ? "\"" + escaped(name) + "\"" : name
    }

    /// `text` with every control character (C0, DEL, C1, line and paragraph separators) escaped,
    /// and `"` and `\` escaped: one line whatever it holds.
    public static func escaped(_ text: String) -> String { escape(text, quotes: true) }

    /// `text` as one line: control characters escaped, but quotes and backslashes kept as they
    /// are (for whole messages whose names are already quoted).
    public static func oneLine(_ text: String) -> String { escape(text, quotes: false) }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) || s == "\u{2028}" || s == "\u{2029}"
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\"" where quotes: out += "\\\""
            case "\\" where quotes: out += "\\\\"
            default:
                if isControl(s) { out += "\\u{" + String(s.value, radix: 16) + "}" } else { out.unicodeScalars.append(s) }
            }
        }
        return out
    }
}
