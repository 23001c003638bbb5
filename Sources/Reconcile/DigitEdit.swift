/// Classifies how a printed number could be an OCR or typing slip for another value.
enum DigitEdit {
    /// A plausible change from the printed text to the implied value. Lower rank = more likely.
    struct Explanation: Equatable {
        var rank: Int
        var rationale: String
    }

    /// Digit pairs OCR engines (and tired typists) commonly confuse.
    static let confusedDigits: Set<String> = ["14", "17", "38", "56", "68", "08", "89", "35", "27"]

    /// How `printed` could be a slip for `implied`, or `nil` when no single OCR-plausible change
    /// (confusable glyph, transposed neighbours, misplaced decimal point, one digit substituted,
    /// dropped or added digit) turns one into the other.
    static func explain(printed: String, implied: Int, as q: Quantity) -> Explanation? {
        let clean = q.cleanValue(printed)
        if clean == nil, let r = Confusables.readings(of: printed, as: q).first(where: { $0.value == implied }) {
            return Explanation(rank: 0, rationale: r.rationale)
        }
        guard let value = clean ?? Confusables.readings(of: printed, as: q).first?.value, value != implied else { return nil }
        let p = Array(q.format(value).filter(\.isASCIIDigit)), e = Array(q.format(implied).filter(\.isASCIIDigit))
        if q == .hundredths, trimmedZeros(p) == trimmedZeros(e) {
            return Explanation(rank: 1, rationale: "misplaced decimal point")
        }
        if p.count == e.count {
            let diff = p.indices.filter { p[$0] != e[$0] }
            if diff.count == 2, diff[1] == diff[0] + 1, p[diff[0]] == e[diff[1]], p[diff[1]] == e[diff[0]] {
                let i = diff[0]
                return Explanation(rank: 1, rationale: "transposed digits \(e[i])\(e[i + 1])/\(p[i])\(p[i + 1])")
            }
            if diff.count == 1 {
                let a = p[diff[0]], b = e[diff[0]]
                let pair = String([min(a, b), max(a, b)])
                return Explanation(rank: confusedDigits.contains(pair) ? 2 : 3, rationale: "digit \(a) printed for \(b)")
            }
            return nil
        }
        if p.count + 1 == e.count, dropsOne(e, to: p) { return Explanation(rank: 3, rationale: "dropped digit (\(String(p)) for \(String(e)))") }
        if p.count == e.count + 1, dropsOne(p, to: e) { return Explanation(rank: 3, rationale: "extra digit (\(String(p)) for \(String(e)))") }
        return nil
    }

    private static func trimmedZeros(_ d: [Character]) -> String {
        var s = String(d)
        while s.hasPrefix("0") { s.removeFirst() }
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// Whether deleting one element of `long` gives `short`.
    private static func dropsOne(_ long: [Character], to short: [Character]) -> Bool {
        long.indices.contains { i in var l = long; l.remove(at: i); return l == short }
    }
}
