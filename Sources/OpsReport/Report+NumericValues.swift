extension Report {
    /// Whether a count may be negative: party statistics may hold a change between months
    /// ("Net Change"); every other count, and every number of days, may not.
    public enum Sign: Sendable { case nonNegative, signed }

    /// Visits every number of the report that a table or the narrative prints, in document
    /// order, with its JSON Pointer (RFC 6901): `count` for counts (with whether they may be
    /// negative), `days` for numbers of days. Either may change the value (e.g. set it aside
    /// as `nil`). Months, labels, dates and provenance are not visited.
    public mutating func visitNumbers(count: (inout Int?, String, Sign) -> Void, days: (inout Days?, String) -> Void) {
        func counts(_ a: inout [Int?], _ pointer: String, _ sign: Sign = .nonNegative) {
            for i in a.indices { count(&a[i], "\(pointer)/\(i)", sign) }
        }
        days(&narrative.resourceDaysTotal, "/narrative/resource_days_total")
        count(&narrative.telephoneEnquiries, "/narrative/telephone_enquiries", .nonNegative)
        count(&narrative.emailEnquiries, "/narrative/email_enquiries", .nonNegative)
        count(&narrative.parties, "/narrative/parties", .nonNegative)
        count(&narrative.votingGroups, "/narrative/voting_groups", .nonNegative)
        if drivers != nil {
            for i in drivers!.rows.indices { days(&drivers!.rows[i].days, "/drivers/rows/\(i)/days") }
            days(&drivers!.grandTotal, "/drivers/grand_total")
        }
        if helpdesk != nil {
            for i in helpdesk!.rows.indices { counts(&helpdesk!.rows[i].counts, "/helpdesk/rows/\(i)/counts") }
            counts(&helpdesk!.total, "/helpdesk/total")
        }
        if website != nil {
            for i in website!.rows.indices { counts(&website!.rows[i].values, "/website/rows/\(i)/values") }
        }
        if partyStatistics != nil {
            for i in partyStatistics!.rows.indices { counts(&partyStatistics!.rows[i].counts, "/party_statistics/rows/\(i)/counts", .signed) }
        }
        if votingGroups != nil {
            for i in votingGroups!.indices { count(&votingGroups![i].count, "/voting_groups/\(i)/count", .nonNegative) }
        }
        if modificationStatus != nil {
            for i in modificationStatus!.rows.indices { count(&modificationStatus!.rows[i].count, "/modification_status/rows/\(i)/count", .nonNegative) }
            count(&modificationStatus!.total, "/modification_status/total", .nonNegative)
        }
    }
}
