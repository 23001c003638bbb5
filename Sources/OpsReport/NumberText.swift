import Foundation

/// Normalises printed numbers.
public enum NumberText {
    /// NFKC-normalises `text` and maps dash and minus variants (U+2010…U+2015, U+2212) to "-".
    public static func normalise(_ text: String) -> String {
        var s = text.precomposedStringWithCompatibilityMapping.replacingOccurrences(of: "\u{00A0}", with: " ")
        for d in ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE63}", "\u{FF0D}"] {
            s = s.replacingOccurrences(of: d, with: "-")
        }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `text` is a printed count or amount: digits with optional thousands separators
    /// and decimals (`4,979`, `448.12`, `0`), or a dash standing for zero.
    public static func isNumeric(_ text: String) -> Bool {
        let t = normalise(text)
        if isZeroDash(t) { return true }
        return parseDecimal(t) != nil
    }

    /// A lone dash printed for zero (`-`, `–`, `—`).
    public static func isZeroDash(_ t: String) -> Bool { normalise(t) == "-" || normalise(t) == "--" }

    /// Parses a whole count: `"1,224"` → 1224, `"-"` → 0. `nil` when the text is not exactly a
    /// well-formed count (letters, misplaced separators, decimals).
    public static func parseInt(_ text: String) -> Int? {
        var t = normalise(text)
        if t.contains(" ") {
            // Thousands groups separated by a (non-breaking) space: "12 345".
            let g = t.split(separator: " ")
            guard g.count >= 2, g.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            t = g.joined(separator: ",")
        }
        if isZeroDash(t) { return 0 }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ",") }), t.first!.isNumber else { return nil }
        if t.contains(",") {
            let groups = t.split(separator: ",", omittingEmptySubsequences: false)
            guard groups[0].count >= 1, groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return Int(t.replacingOccurrences(of: ",", with: ""))
    }

    /// Parses days with up to two decimals: `"448.12"`, `"5.30"`, `"-"` (0). `nil` otherwise.
    public static func parseDays(_ text: String) -> Days? {
        let t = normalise(text)
        if isZeroDash(t) { return Days(hundredths: 0) }
        guard parseDecimal(t) != nil else { return nil }
        return Days(parsing: t)
    }

    static func parseDecimal(_ t: String) -> Double? {
        guard !t.isEmpty, t.first!.isNumber, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }) else { return nil }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        if parts.count == 2, parts[1].isEmpty || parts[1].contains(",") { return nil }
        guard parseInt(String(parts[0])) != nil else { return nil }
        return Double(t.replacingOccurrences(of: ",", with: ""))
    }

    /// Whether the text looks like a damaged number: mostly digits with a few OCR-confusable
    /// letters or stray punctuation (`S7`, `23.`, `bi`, `2:`). Used to keep such cells in
    /// their column instead of treating them as label text.
    public static func isNumberLike(_ text: String) -> Bool {
        let t = normalise(text)
        guard !t.isEmpty, t.count <= 8 else { return false }
        let confusable = Set("OoDQlIi|!SsBZGTgbt.,:;'\"")
        let digits = t.filter(\.isNumber).count
        let others = t.filter { !$0.isNumber }
        guard others.allSatisfy({ confusable.contains($0) }) else { return false }
        return digits >= 1 || (t.count <= 3 && others.contains { "OoSBlI|".contains($0) })
    }
}
