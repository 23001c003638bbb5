import PDFLayout
import TableLayout

/// Reads the figures quoted in running text.
public enum NarrativeParser {
    /// A narrative figure with the cell it was printed in.
    public struct Figure { public var text: String; public var cell: Cell }

    /// Patterns (case-insensitive, over the document text joined by spaces):
    /// - resource days: "resource days in <month year> was 448.12"
    /// - telephone / email: "152 telephone enquiries", "934 email enquiries"
    /// - parties / voting groups: "283 Parties to the SEC representing 223 Voting Groups"
    public static func parse(_ index: TextIndex) -> [String: Figure] {
        var out: [String: Figure] = [:]
        let t = index.text
        func take(_ key: String, _ match: (Substring, Range<String.Index>)?) {
            guard let (v, r) = match, out[key] == nil else { return }
            var s = String(v)
            while s.hasSuffix(".") || s.hasSuffix(",") { s.removeLast() }
            let words = index.words(for: r)
            guard !words.isEmpty else { return }
            out[key] = Figure(text: s, cell: Cell(words: words))
        }
        let num = #"([0-9OoIlS|][0-9OoIlS|,.]*)"#
        if let m = try? Regex(#"(?i)resource\s+days\b[^.]{0,80}?\bwas\s+"# + num).firstMatch(in: t), let g = m.output[1].substring, let r = m.output[1].range { take("resource_days_total", (g, r)) }
        if let m = try? Regex(num + #"\s+telephone\s+enquir"#).ignoresCase().firstMatch(in: t), let g = m.output[1].substring, let r = m.output[1].range { take("telephone_enquiries", (g, r)) }
        if let m = try? Regex(num + #"\s+e-?mail\s+enquir"#).ignoresCase().firstMatch(in: t), let g = m.output[1].substring, let r = m.output[1].range { take("email_enquiries", (g, r)) }
        if let m = try? Regex(num + #"\s+Parties\s+to\s+the\s+SEC"#).ignoresCase().firstMatch(in: t), let g = m.output[1].substring, let r = m.output[1].range { take("parties", (g, r)) }
        if let m = try? Regex(#"representing\s+"# + num + #"\s+Voting\s+Groups"#).ignoresCase().firstMatch(in: t), let g = m.output[1].substring, let r = m.output[1].range { take("voting_groups", (g, r)) }
        return out
    }
}
