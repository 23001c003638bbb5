import OpsReport

/// Every numeric cell of a report: its pointer, value and kind.
enum NumericCells {
    struct Cell {
        var pointer: String
        var value: Int?
        var quantity: Quantity
    }

    static func all(_ r: Report) -> [Cell] {
        var out: [Cell] = []
        func add(_ p: String, _ v: Int?, _ q: Quantity = .count) { out.append(Cell(pointer: p, value: v, quantity: q)) }
        let n = r.narrative
        add("/narrative/resource_days_total", n.resourceDaysTotal?.hundredths, .hundredths)
        add("/narrative/telephone_enquiries", n.telephoneEnquiries)
        add("/narrative/email_enquiries", n.emailEnquiries)
        add("/narrative/parties", n.parties)
        add("/narrative/voting_groups", n.votingGroups)
        if let d = r.drivers {
            for (i, row) in d.rows.enumerated() { add(Pointer.make("drivers", "rows", i, "days"), row.days?.hundredths, .hundredths) }
            add("/drivers/grand_total", d.grandTotal?.hundredths, .hundredths)
        }
        if let h = r.helpdesk {
            for (i, row) in h.rows.enumerated() {
                for (j, v) in row.counts.enumerated() { add(Pointer.make("helpdesk", "rows", i, "counts", j), v) }
            }
            for (j, v) in h.total.enumerated() { add(Pointer.make("helpdesk", "total", j), v) }
        }
        if let w = r.website {
            for (i, row) in w.rows.enumerated() {
                for (j, v) in row.values.enumerated() { add(Pointer.make("website", "rows", i, "values", j), v) }
            }
        }
        if let p = r.partyStatistics {
            for (i, row) in p.rows.enumerated() {
                for (j, v) in row.counts.enumerated() { add(Pointer.make("party_statistics", "rows", i, "counts", j), v) }
            }
        }
        for (i, g) in (r.votingGroups ?? []).enumerated() { add(Pointer.make("voting_groups", i, "count"), g.count) }
        if let m = r.modificationStatus {
            for (i, row) in m.rows.enumerated() { add(Pointer.make("modification_status", "rows", i, "count"), row.count) }
            add("/modification_status/total", m.total)
        }
        return out
    }
}
