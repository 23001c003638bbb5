/// Joins the lines of a wrapped cell as a person reads them.
public enum WrappedText {
    /// Joins `parts` (top to bottom) with single spaces, except after a hyphen that ends a
    /// line ("Sub-" + "Committees" → "Sub-Committees"; "Working Group -" keeps its spaced dash).
    public static func join(_ parts: [String]) -> String {
        var out = ""
        for p in parts.map({ $0.trimmingWhitespace }) where !p.isEmpty {
            if out.isEmpty { out = p; continue }
            if out.hasSuffix("-") && !out.hasSuffix(" -") { out += p } else { out += " " + p }
        }
        return out
    }
}

extension String {
    /// The string without leading and trailing Unicode whitespace.
    public var trimmingWhitespace: String {
        // Fast path: nothing to trim at either end (ASCII check on the bytes).
        if let f = utf8.first, let l = utf8.last, f > 0x20, f < 0x80, l > 0x20, l < 0x80 { return self }
        var s = Substring(self)
        while let f = s.unicodeScalars.first, f.properties.isWhitespace { s = s.dropFirst() }
        while let l = s.unicodeScalars.last, l.properties.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
