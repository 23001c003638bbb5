import OpsReport

/// Shape of the month tables (helpdesk, website, party statistics): rows whose cell count
/// differs from the month header (`cell_count_mismatch`), a lost month header, and a header
/// that is not the consecutive months ending at the report period (`month_sequence`).
enum TableShapeRules {
    struct Table {
        var key: String
        var name: String
        var months: [String]
        /// (label, pointer of the values array, values)
        var rows: [(String, String, [Int?])]
        var total: [Int?]?
    }

    static func tables(_ r: Report) -> [Table] {
        var out: [Table] = []
        if let h = r.helpdesk {
            out.append(Table(key: "helpdesk", name: "helpdesk table", months: h.months,
                             rows: h.rows.enumerated().map { ($1.category, Pointer.make("helpdesk", "rows", $0, "counts"), $1.counts) },
                             total: h.total))
        }
        if let w = r.website {
            out.append(Table(key: "website", name: "website table", months: w.months,
                             rows: w.rows.enumerated().map { ($1.metric, Pointer.make("website", "rows", $0, "values"), $1.values) }))
        }
        if let p = r.partyStatistics {
            out.append(Table(key: "party_statistics", name: "party statistics table", months: p.months,
                             rows: p.rows.enumerated().map { ($1.measure, Pointer.make("party_statistics", "rows", $0, "counts"), $1.counts) }))
        }
        return out
    }

    static func check(_ report: Report, _ ev: Evidence) -> [Finding] {
        let all = tables(report)
        return all.flatMap { shape($0, all, report, ev) }
    }

    private static func shape(_ t: Table, _ all: [Table], _ report: Report, _ ev: Evidence) -> [Finding] {
        var out: [Finding] = []
        let n = t.months.count
        let monthsPointer = Pointer.make(t.key, "months")
        let lostAllowed = t.key == "helpdesk" && !(t.total ?? []).isEmpty
        let widths = t.rows.map(\.2.count).filter { !(lostAllowed && $0 == 0) } + (t.total.map { $0.isEmpty ? [] : [$0.count] } ?? [])
        // Every row agrees on a width the header does not have: the header lost (or gained) months.
        if let w = widths.first, w > 0, widths.allSatisfy({ $0 == w }), w != n {
            var suggestion: Suggestion?
            if let other = all.first(where: { $0.key != t.key && $0.months.count == w }) {
                suggestion = Suggestion(value: .array(other.months.map { .string($0) }), confidence: .high,
                                        rationale: "the \(other.name) of the same report has \(w) months")
            } else if let p = report.period, let months = MonthLabel.trailing(w, endingAt: p) {
                suggestion = Suggestion(value: .array(months.map { .string($0) }), confidence: .medium,
                                        rationale: "the \(w) months ending at the report period \(p)")
            }
            let what = n == 0 ? "has no month header" : "has \(n) months in its header"
            out.append(ev.finding(FindingCode.cellCountMismatch, .warning, at: monthsPointer, printed: n == 0 ? nil : t.months.joined(separator: ", "),
                                  expected: .int(w), message: "The \(t.name) \(what) but its rows have \(w) cells", suggestion: suggestion))
            return out
        }
        guard n > 0 else { return out }
        for (label, pointer, values) in t.rows where values.count != n && !(lostAllowed && values.isEmpty) {
            out.append(ev.finding(FindingCode.cellCountMismatch, .error, at: pointer, related: [monthsPointer],
                                  printed: "\(values.count) cells", expected: .int(n),
                                  message: "\(label) has \(values.count) cells but the \(t.name) has \(n) months"))
        }
        if let total = t.total, !total.isEmpty, total.count != n {
            out.append(ev.finding(FindingCode.cellCountMismatch, .error, at: Pointer.make(t.key, "total"), related: [monthsPointer],
                                  printed: "\(total.count) cells", expected: .int(n),
                                  message: "The total row has \(total.count) cells but the \(t.name) has \(n) months"))
        }
        if let p = report.period, let expected = MonthLabel.trailing(n, endingAt: p), t.months != expected {
            let differing = zip(t.months, expected).filter { $0 != $1 }.count
            let consecutive = t.months.compactMap(MonthLabel.split).map { $0.0 * 12 + $0.1 }
            let isRun = consecutive.count == n && zip(consecutive, consecutive.dropFirst()).allSatisfy { $1 == $0 + 1 }
            out.append(ev.finding(FindingCode.monthSequence, isRun ? .info : .warning, at: monthsPointer,
                                  printed: t.months.joined(separator: ", "), expected: .array(expected.map { .string($0) }),
                                  message: isRun ? "The \(t.name)'s months end at \(t.months.last!), not at the report period \(p)"
                                                 : "The \(t.name)'s months are not consecutive: \(differing) of \(n) differ from the months ending at \(p)",
                                  suggestion: isRun ? nil : Suggestion(value: .array(expected.map { .string($0) }),
                                                                       confidence: differing <= 2 ? .high : .medium,
                                                                       rationale: "the \(n) consecutive months ending at the report period")))
        }
        return out
    }
}
