import OpsReport

/// Rows of the helpdesk table whose numbers were lost (present label, no readable cell), and a
/// row absent altogether (every month's total exceeds its categories).
enum MissingRowRules {
    /// Indices of rows with no value and no readable printed text in any cell (a table needs at
    /// least two rows for one of them to count as lost).
    static func lostRows(_ h: Helpdesk, columns n: Int, _ ev: Evidence) -> Set<Int> {
        guard h.rows.count >= 2 else { return [] }
        return Set(h.rows.indices.filter { r in
            guard h.rows[r].counts.allSatisfy({ $0 == nil }) else { return false }
            return (0..<n).allSatisfy { i in
                ev.text(Pointer.make("helpdesk", "rows", r, "counts", i)).map { Confusables.readings(of: $0, as: .count).isEmpty } ?? true
            }
        })
    }

    /// `row_missing` (warning) for lost row `r`, suggesting per month the value the total row
    /// implies (`null` where it cannot be recovered). High confidence only when every month was
    /// recovered from clean cells.
    static func lostRow(_ r: Int, _ h: Helpdesk, columns n: Int,
                        resolved: [String: (value: Int, confidence: Suggestion.Confidence)], _ ev: Evidence) -> Finding {
        let implied = (0..<n).map { resolved[Pointer.make("helpdesk", "rows", r, "counts", $0)] }
        let values = implied.map { $0.map { JSONValue.int($0.value) } ?? .null }
        let known = implied.compactMap { $0 }
        let label = h.rows[r].category
        let shown = implied.map { $0.map { String($0.value) } ?? "?" }.joined(separator: ", ")
        var suggestion: Suggestion?
        if !known.isEmpty {
            let high = known.count == n && known.allSatisfy { $0.confidence == .high }
            suggestion = Suggestion(value: .array(values), confidence: high ? .high : .medium,
                                    rationale: "each month's total minus its other categories" + (high ? "" : " (some months unrecoverable or resting on repaired cells)"))
        }
        let range = h.months.count != n ? "" : " (\(MonthLabel.short(h.months.first!)) to \(MonthLabel.short(h.months.last!)))"
        let msg = known.isEmpty ? "\(label) lost its numbers in every month, and the totals cannot recover them"
                                : "\(label) lost its numbers in every month; the totals imply \(shown)\(range)"
        return ev.finding(FindingCode.rowMissing, .warning, at: Pointer.make("helpdesk", "rows", r, "counts"),
                          related: (0..<n).map { Pointer.make("helpdesk", "total", $0) },
                          expected: .array(values), message: msg, suggestion: suggestion)
    }

    /// `row_missing` (error) at `/helpdesk/rows/-` when every cell and total is known and every
    /// month's total exceeds its categories: a whole category row is absent from the table.
    static func absentRow(_ h: Helpdesk, columns n: Int, _ ev: Evidence) -> Finding? {
        guard n >= 2, h.rows.allSatisfy({ $0.counts.allSatisfy { $0 != nil } }), h.total.allSatisfy({ $0 != nil }) else { return nil }
        let gaps = (0..<n).map { i in h.total[i]! - h.rows.reduce(0) { $0 + $1.counts[i]! } }
        guard gaps.allSatisfy({ $0 > 0 }) else { return nil }
        let shown = gaps.map(String.init).joined(separator: ", ")
        return ev.finding(FindingCode.rowMissing, .error, at: "/helpdesk/rows/-",
                          related: (0..<n).map { Pointer.make("helpdesk", "total", $0) },
                          expected: .array(gaps.map { .int($0) }),
                          message: "Every month's total exceeds the sum of its categories (by \(shown)): a category row is missing from the table",
                          suggestion: Suggestion(value: .array(gaps.map { .int($0) }), confidence: .medium,
                                                 rationale: "each month's total minus its printed categories; the row's label is unknown"))
    }
}
