import Plot

/// Escaping of text taken from a PDF or a database before it goes into the page.
///
/// Plot escapes `<` and `>` in text nodes but keeps what looks like an entity (`&lt;`), and it
/// writes attribute values as given. So text first has its `&` escaped (a printed `&lt;` then
/// shows as `&lt;`), and attribute values are escaped here in full.
enum HTMLEscaping {
    /// A text node showing `s` literally.
    static func text<C>(_ s: String) -> Node<C> { .text(s.replacingOccurrences(of: "&", with: "&amp;")) }

    /// `s` as the value of a double-quoted attribute.
    static func attribute(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

extension Node {
    /// An attribute whose value is escaped (see `HTMLEscaping`).
    static func attr(_ name: String, _ value: String) -> Node { .attribute(named: name, value: HTMLEscaping.attribute(value)) }
    /// Escaped text (see `HTMLEscaping`).
    static func safe(_ s: String) -> Node { HTMLEscaping.text(s) }
}
