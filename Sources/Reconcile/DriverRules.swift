import OpsReport

/// Drivers table: rows against the printed grand total (`grand_total_mismatch`), and the grand
/// total against the narrative's resource days (`narrative_mismatch`). Sums in hundredths.
enum DriverRules {
    static func check(_ report: Report, _ ev: Evidence) -> [Finding] {
        guard let d = report.drivers, !d.rows.isEmpty else { return [] }
        let totalPointer = "/drivers/grand_total"
        guard d.grandTotal != nil || ev.text(totalPointer) != nil || report.narrative.resourceDaysTotal != nil else { return [] }
        let terms = d.rows.enumerated().map { i, r in
            let p = Pointer.make("drivers", "rows", i, "days")
            return Slot(pointer: p, label: r.driver, value: r.days?.hundredths, text: ev.text(p))
        }
        let witness = report.narrative.resourceDaysTotal.map {
            Witness(pointer: "/narrative/resource_days_total", value: $0.hundredths, label: "resource days")
        }
        let check = SumCheck(code: FindingCode.grandTotalMismatch, quantity: .hundredths, totalName: "Grand total",
                             termsPhrase: "the driver rows",
                             terms: terms,
                             total: Slot(pointer: totalPointer, label: "Grand total", value: d.grandTotal?.hundredths, text: ev.text(totalPointer)),
                             witness: witness)
        return check.run(ev).findings
    }
}
