/// Readings of a damaged printed number: letters OCR commonly produces for digits, stray
/// punctuation, broken separators.
enum Confusables {
    /// One way to read damaged text as a number.
    struct Reading: Equatable {
        /// The value in the check's units (a count, or hundredths of a day).
        var value: Int
        /// What was repaired, e.g. `'S' read for '5'; trailing '|' dropped`.
        var rationale: String
    }

    /// Glyphs OCR confuses with digits, most likely digit first.
    static let glyphs: [Character: [Character]] = [
        "O": ["0"], "o": ["0"], "D": ["0"], "Q": ["0"], "U": ["0"],
        "l": ["1"], "I": ["1"], "|": ["1"], "i": ["1"], "!": ["1"], "j": ["1"], "J": ["1"], "t": ["1", "7"], "L": ["1"],
        "S": ["5", "3", "8"], "s": ["5"], "$": ["5"],
        "B": ["8"], "Z": ["2"], "z": ["2"], "G": ["6"], "b": ["6"], "T": ["7"], "g": ["9"], "q": ["9"], "A": ["4"],
    ]
    /// Characters dropped at either end of a cell (rules, stray punctuation).
    static let edgeGarbage: Set<Character> = [",", ".", "|", ":", ";", "'", "\"", "`", "_", "‘", "’", "“", "”", "!", "*"]

    /// Every plausible reading of `text`, most plausible first, without duplicates. Empty when
    /// the text holds no digit-like glyph or a glyph that is not a known confusion.
    /// Also empty when more than 13 characters could stand for digits: such a value is beyond
    /// `RangeGuard.maxMagnitude` and reading it could overflow.
    static func readings(of text: String, as quantity: Quantity) -> [Reading] {
        guard text.count(where: { $0.isASCIIDigit || glyphs[$0] != nil }) <= 13 else { return [] }
        var notes: [String] = []
        var t = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var strippedTail = "", strippedHead = ""
        // A trailing '|' or '!' after digits is a table rule, not a 1, when digits precede it.
        while let c = t.last, edgeGarbage.contains(c), t.count > 1 { strippedTail = String(c) + strippedTail; t = t.dropLast() }
        while let c = t.first, edgeGarbage.contains(c), t.count > 1, c != "." { strippedHead += String(c); t = t.dropFirst() }
        if !strippedTail.isEmpty { notes.append("trailing '\(strippedTail)' dropped") }
        if !strippedHead.isEmpty { notes.append("leading '\(strippedHead)' dropped") }
        let body = String(t).replacingOccurrences(of: " ", with: "")
        if body.count != t.count { notes.append("space inside the number removed") }
        guard !body.isEmpty else { return [] }

        // Expand letters into digits (cartesian product, capped).
        var variants: [(String, [String])] = [("", [])]
        for c in body {
            if c.isASCIIDigit || c == "," || c == "." {
                variants = variants.map { ($0.0 + String(c), $0.1) }
            } else if let options = glyphs[c] {
                variants = variants.flatMap { v in options.map { (v.0 + String($0), v.1 + ["'\(c)' read for '\($0)'"]) } }
                if variants.count > 16 { return [] }
            } else {
                return []
            }
        }
        guard variants.contains(where: { $0.0.contains(where: \.isASCIIDigit) }) else { return [] }

        var out: [Reading] = []
        for (digits, glyphNotes) in variants {
            for (value, sepNote) in separatorReadings(digits, quantity) {
                let why = (glyphNotes + notes + (sepNote.map { [$0] } ?? [])).joined(separator: "; ")
                if !out.contains(where: { $0.value == value }) { out.append(Reading(value: value, rationale: why)) }
            }
        }
        return out
    }

    /// Readings of digits with commas/points that may be broken separators.
    private static func separatorReadings(_ s: String, _ q: Quantity) -> [(Int, String?)] {
        // Days are printed with two decimals: three or more bare digits lost their point.
        if q == .hundredths, s.count >= 3, s.allSatisfy(\.isASCIIDigit), let raw = Int(s) {
            return [(raw, "decimal point lost"), (raw * 100, nil)]
        }
        if let v = q.cleanValue(s) { return [(v, nil)] }
        var out: [(Int, String?)] = []
        let digitsOnly = s.filter(\.isASCIIDigit)
        guard !digitsOnly.isEmpty, let raw = Int(digitsOnly) else { return [] }
        switch q {
        case .count:
            // "1.224" (point for comma), "1,22,4" (misplaced comma): the digits are the number.
            out.append((raw, "separators in '\(s)' ignored"))
        case .hundredths:
            if let lastSep = s.lastIndex(where: { $0 == "," || $0 == "." }) {
                let frac = s[s.index(after: lastSep)...].filter(\.isASCIIDigit)
                let whole = s[..<lastSep].filter(\.isASCIIDigit)
                if frac.count == 2, let w = Int(whole.isEmpty ? "0" : whole), let f = Int(frac) {
                    out.append((w * 100 + f, "'\(s[lastSep])' read as the decimal point"))
                }
            } else if digitsOnly.count >= 3 {
                out.append((raw, "decimal point lost"))
            }
            if !out.contains(where: { $0.0 == raw * 100 }) { out.append((raw * 100, "separators in '\(s)' ignored")) }
        }
        return out
    }
}
