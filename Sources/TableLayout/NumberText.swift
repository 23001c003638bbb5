import Foundation

/// Reads printed numbers: counts and two-decimal amounts, thousands separators of every kind
/// (comma, no-break, thin and figure spaces), minus and dash variants, `-` or `–` alone as zero.
public enum NumberText {
    /// Largest amount read (in units, e.g. days): beyond it a report's JSON could not hold it
    /// and read it back exactly.
    public static let maxAmount = 1e15

    /// NFKC-normalises `text` and maps dash and minus variants (U+2010…U+2015, U+2212) to "-".
    public static func normalise(_ text: String) -> String {
        // Fast path: printable ASCII needs neither NFKC nor dash mapping; with spaces or tabs
        // (the only ASCII in `.whitespaces`) only the trimming.
        if text.utf8.allSatisfy({ $0 >= 0x21 && $0 < 0x7F }) { return text }
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) {
            let u = text.utf8, blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            guard let first = u.firstIndex(where: { !blank($0) }), let last = u.lastIndex(where: { !blank($0) }) else { return "" }
            return String(text[first...last])
        }
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
        if t.utf8.count >= 2, t.utf8.first == 0x2D { return parseDecimal(String(t.dropFirst())) != nil }
        return parseDecimal(t) != nil
    }

    /// A lone dash printed for zero (`-`, `–`, `—`).
    public static func isZeroDash(_ t: String) -> Bool { let n = normalise(t); return n == "-" || n == "--" }

    /// Parses a whole count: `"1,224"` → 1224, `"12 345"` → 12345, `"-"` → 0. `nil` when the
    /// text is not exactly a well-formed count (letters, misplaced separators, decimals).
    /// A leading minus (`-5`, `−5` with U+2212, `–5` with an en dash) makes the count negative.
    public static func parseInt(_ text: String) -> Int? {
        let t = normalise(text)
        if isZeroDash(t) { return 0 }
        let u = Array(t.utf8)
        if u.count >= 2, u[0] == 0x2D { return parseGrouped(Array(u.dropFirst())).map { -$0 } }
        return parseGrouped(u)
    }

    /// Digits with optional thousands separators ("," or one space) in groups of three.
    static func parseGrouped(_ u: [UInt8]) -> Int? {
        guard let first = u.first, first >= 0x30 && first <= 0x39, u.count <= 18 else { return nil }
        var value = 0, groupLen = 0, sawSeparator = false, firstGroup = 0
        var prevSep: UInt8 = 0
        for c in u {
            if c >= 0x30 && c <= 0x39 {
                value = value * 10 + Int(c - 0x30); groupLen += 1
            } else if c == 0x2C || c == 0x20 {
                if sawSeparator { guard groupLen == 3, c == prevSep else { return nil } } else { firstGroup = groupLen }
                guard groupLen > 0 else { return nil }
                sawSeparator = true; prevSep = c; groupLen = 0
            } else {
                return nil
            }
        }
        if sawSeparator { guard groupLen == 3, firstGroup >= 1, firstGroup <= 3 else { return nil } }
        return value
    }

    /// Parses an amount with up to two decimals, in hundredths: `"448.12"` → 44812, `"5.3"` →
    /// 530, `"-"` → 0, `"−1.50"` → −150. `nil` otherwise (letters, three decimals).
    public static func parseHundredths(_ text: String) -> Int? {
        let t = normalise(text)
        if isZeroDash(t) { return 0 }
        var u = Array(t.utf8)
        let negative = u.count >= 2 && u[0] == 0x2D
        if negative { u.removeFirst() }
        let dot = u.firstIndex(of: 0x2E)
        guard let whole = parseGrouped(Array(u[..<(dot ?? u.count)])) else { return nil }
        var frac = 0
        if let dot {
            let f = u[(dot + 1)...]
            guard (1...2).contains(f.count), f.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            frac = f.reduce(0) { $0 * 10 + Int($1 - 0x30) } * (f.count == 1 ? 10 : 1)
        }
        // Overflow guard (18 digits × 100 exceeds Int): such a cell is not an amount.
        let (h, overflow) = whole.multipliedReportingOverflow(by: 100)
        // Nor beyond what a report JSON can hold and read back (`maxAmount`).
        guard !overflow, h <= Int.max - frac, Double(h + frac) / 100 <= maxAmount else { return nil }
        return (negative ? -1 : 1) * (h + frac)
    }

    static func parseDecimal(_ t: String) -> Double? {
        let u = Array(t.utf8)
        let dot = u.firstIndex(of: 0x2E)
        guard let whole = parseGrouped(Array(u[..<(dot ?? u.count)])) else { return nil }
        guard let dot else { return Double(whole) }
        let f = u[(dot + 1)...]
        guard !f.isEmpty, f.count <= 6, f.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Double(whole) + Double(f.reduce(0) { $0 * 10 + Int($1 - 0x30) }) / pow(10, Double(f.count))
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
