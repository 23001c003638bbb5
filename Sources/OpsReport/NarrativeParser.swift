import PDFLayout
import TableLayout

/// Reads the figures quoted in running text.
public enum NarrativeParser {
    /// A narrative figure with the cell it was printed in.
    public struct Figure { public var text: String; public var cell: Cell }

    /// Scans the document's words (case-insensitive) for:
    /// - resource days: "resource days … was 448.12" (the first number after "was" within the
    ///   sentence);
    /// - telephone / email: "152 telephone enquiries", "934 email enquiries";
    /// - parties / voting groups: "283 Parties to the SEC representing 223 Voting Groups".
    /// Numbers may carry OCR look-alike letters (`O`, `l`, `I`, `S`, `|`); the reconciler judges them.
    public static func parse(_ words: [Word]) -> [String: Figure] {
        var out: [String: Figure] = [:]
        let lower = words.map { NumberText.normalise($0.text).lowercased() }
        func isNumberish(_ i: Int) -> Bool {
            guard i >= 0, i < words.count, let f = lower[i].unicodeScalars.first else { return false }
            return (f.value >= 48 && f.value <= 57) || ("oils|".unicodeScalars.contains(f) && lower[i].count > 1 && lower[i].contains(where: \.isNumber))
        }
        func take(_ key: String, _ i: Int) {
            guard out[key] == nil, isNumberish(i) else { return }
            var t = NumberText.normalise(words[i].text)
            while t.hasSuffix(".") || t.hasSuffix(",") || t.hasSuffix(":") { t.removeLast() }
            out[key] = Figure(text: t, cell: Cell(words: [words[i]]))
        }
        func word(_ i: Int) -> String { i >= 0 && i < lower.count ? lower[i] : "" }
        for i in words.indices {
            // Each pattern is a keyword followed by its context words; `where` clauses bind only
            // the last pattern of a case, so every keyword has a case of its own.
            let next = word(i + 1)
            switch lower[i] {
            case "telephone" where next.hasPrefix("enquir"): take("telephone_enquiries", i - 1)
            case "email" where next.hasPrefix("enquir"): take("email_enquiries", i - 1)
            case "e-mail" where next.hasPrefix("enquir"): take("email_enquiries", i - 1)
            case "parties" where next == "to" && word(i + 3).hasPrefix("sec"): take("parties", i - 1)
            case "representing" where word(i + 2) == "voting" && word(i + 3).hasPrefix("group"): take("voting_groups", i + 1)
            case "resource" where next == "days":
                var j = i + 2
                while j < min(words.count, i + 16), !word(j).hasSuffix(".") || isNumberish(j) {
                    if word(j) == "was" { take("resource_days_total", j + 1); break }
                    j += 1
                }
            default: break
            }
        }
        return out
    }
}
