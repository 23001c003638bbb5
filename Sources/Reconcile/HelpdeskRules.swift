import OpsReport

/// Helpdesk table: every month column against the total row (`total_row_mismatch`), the report
/// month's total against the narrative's email enquiries (`narrative_mismatch`), and rows whose
/// numbers were lost (`row_missing`, values implied by the totals).
enum HelpdeskRules {
    static func check(_ report: Report, _ ev: Evidence) -> [Finding] {
        guard let h = report.helpdesk else { return [] }
        // Columns are defined by the total row; months only name them (a lost or short header
        // is reported by `TableShapeRules`, and the last column is then taken as the report month).
        let n = h.total.count
        guard n > 0 else { return [] }
        let months = h.months.count == n ? h.months : []
        let lost = MissingRowRules.lostRows(h, columns: n, ev)
        guard h.rows.indices.allSatisfy({ lost.contains($0) || h.rows[$0].counts.count == n }) else { return [] }
        if lost.isEmpty, let absent = MissingRowRules.absentRow(h, columns: n, ev) { return [absent] }

        let reportColumn = report.period.flatMap { p in months.isEmpty ? n - 1 : months.firstIndex(of: p) }
        var findings: [Finding] = []
        var resolved: [String: (value: Int, confidence: Suggestion.Confidence)] = [:]
        for i in 0..<n {
            let month = months.isEmpty ? "column \(i + 1)" : MonthLabel.short(months[i])
            let terms = h.rows.enumerated().map { r, row in
                let p = Pointer.make("helpdesk", "rows", r, "counts", i)
                return Slot(pointer: p, label: "\(month) \(row.category)", value: row.counts.count == n ? row.counts[i] : nil,
                            text: ev.text(p), lost: lost.contains(r))
            }
            let tp = Pointer.make("helpdesk", "total", i)
            let witness = i == reportColumn ? report.narrative.emailEnquiries.map {
                Witness(pointer: "/narrative/email_enquiries", value: $0, label: "email enquiries")
            } : nil
            let check = SumCheck(code: FindingCode.totalRowMismatch, quantity: .count, totalName: "\(month) total",
                                 termsPhrase: "its categories", terms: terms,
                                 total: Slot(pointer: tp, label: "\(month) total", value: h.total[i], text: ev.text(tp)),
                                 witness: witness)
            let outcome = check.run(ev)
            findings += outcome.findings
            resolved.merge(outcome.resolved) { a, _ in a }
        }
        for r in lost.sorted() { findings.append(MissingRowRules.lostRow(r, h, columns: n, resolved: resolved, ev)) }
        return findings
    }
}
