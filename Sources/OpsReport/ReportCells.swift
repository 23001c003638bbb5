/// One numeric cell of a report, in the one enumeration that consumers share
/// (`Report.cells`): its JSON Pointer, section, row label, month and value.
public struct ReportCell: Sendable, Equatable {
    /// What `value` counts.
    public enum Unit: String, Sendable {
        /// A whole count (emails, visitors, parties, …).
        case count
        /// Days worked, held in hundredths of a day (`448.12` days → 44812).
        case days
    }
    /// RFC 6901 JSON Pointer of the value in the report JSON (`/helpdesk/rows/3/counts/5`).
    public var pointer: String
    /// The section's JSON key (`helpdesk`, `website`, `party_statistics`, `drivers`,
    /// `narrative`, `voting_groups`, `modification_status`).
    public var section: String
    /// The row label as printed (category, metric, measure, driver, group or status name); the
    /// JSON field name for a narrative figure; the total label for a total.
    public var label: String
    /// The driver's group (drivers only).
    public var group: String?
    /// The column's month `YYYY-MM` (month tables only).
    public var month: String?
    /// Whether the cell is a printed total (helpdesk total row, drivers' grand total,
    /// modification status total).
    public var isTotal: Bool
    /// The value read, `nil` where the cell is empty or could not be read.
    public var value: Int?
    public var unit: Unit
}

extension Report {
    /// Every numeric cell of the report, section by section in JSON order, rows top to bottom
    /// and months left to right.
    public var cells: [ReportCell] {
        var out: [ReportCell] = []
        func add(_ p: String, _ section: String, _ label: String, _ v: Int?, unit: ReportCell.Unit = .count,
                 group: String? = nil, month: String? = nil, total: Bool = false) {
            out.append(ReportCell(pointer: p, section: section, label: label, group: group, month: month, isTotal: total, value: v, unit: unit))
        }
        func month(_ months: [String], _ j: Int) -> String? { j < months.count ? months[j] : nil }
        let n = narrative
        add("/narrative/resource_days_total", "narrative", "resource_days_total", n.resourceDaysTotal?.hundredths, unit: .days)
        add("/narrative/telephone_enquiries", "narrative", "telephone_enquiries", n.telephoneEnquiries)
        add("/narrative/email_enquiries", "narrative", "email_enquiries", n.emailEnquiries)
        add("/narrative/parties", "narrative", "parties", n.parties)
        add("/narrative/voting_groups", "narrative", "voting_groups", n.votingGroups)
        if let d = drivers {
            for (i, row) in d.rows.enumerated() {
                add("/drivers/rows/\(i)/days", "drivers", row.driver, row.days?.hundredths, unit: .days, group: row.group)
            }
            add("/drivers/grand_total", "drivers", "Grand Total", d.grandTotal?.hundredths, unit: .days, total: true)
        }
        if let h = helpdesk {
            for (i, row) in h.rows.enumerated() {
                for (j, v) in row.counts.enumerated() { add("/helpdesk/rows/\(i)/counts/\(j)", "helpdesk", row.category, v, month: month(h.months, j)) }
            }
            for (j, v) in h.total.enumerated() { add("/helpdesk/total/\(j)", "helpdesk", "Total", v, month: month(h.months, j), total: true) }
        }
        if let w = website {
            for (i, row) in w.rows.enumerated() {
                for (j, v) in row.values.enumerated() { add("/website/rows/\(i)/values/\(j)", "website", row.metric, v, month: month(w.months, j)) }
            }
        }
        if let p = partyStatistics {
            for (i, row) in p.rows.enumerated() {
                for (j, v) in row.counts.enumerated() { add("/party_statistics/rows/\(i)/counts/\(j)", "party_statistics", row.measure, v, month: month(p.months, j)) }
            }
        }
        for (i, g) in (votingGroups ?? []).enumerated() { add("/voting_groups/\(i)/count", "voting_groups", g.category, g.count) }
        if let m = modificationStatus {
            for (i, row) in m.rows.enumerated() { add("/modification_status/rows/\(i)/count", "modification_status", row.status, row.count) }
            add("/modification_status/total", "modification_status", "Total", m.total, total: true)
        }
        return out
    }
}
