import OpsReport

/// Modification status rows against the table's printed total (`total_row_mismatch`).
enum ModificationStatusRules {
    static func check(_ report: Report, _ ev: Evidence) -> [Finding] {
        let totalPointer = "/modification_status/total"
        guard let m = report.modificationStatus, !m.rows.isEmpty, m.total != nil || ev.text(totalPointer) != nil else { return [] }
        let terms = m.rows.enumerated().map { i, r in
            let p = Pointer.make("modification_status", "rows", i, "count")
            return Slot(pointer: p, label: r.status, value: r.count, text: ev.text(p))
        }
        let check = SumCheck(code: FindingCode.totalRowMismatch, quantity: .count, totalName: "modification status total",
                             termsPhrase: "the statuses", terms: terms,
                             total: Slot(pointer: totalPointer, label: "Modification status total", value: m.total, text: ev.text(totalPointer)))
        return check.run(ev).findings
    }
}
