/// The last step of extraction: values the report's schema cannot hold are set aside, each
/// with an error finding, so that a damaged file gives a valid report that says what it could
/// not read instead of no report at all.
///
/// - A negative count or number of days (a damaged cell printing `-4` where only counts stand)
///   becomes unread (`nil`); its printed text stays in `provenance`. Finding `negative_value`.
///   (Party statistics may be negative: a measure can be a change between months.)
/// - A month table whose months are unknown (no legible month header and no report period to
///   infer them from) is left out, its section listed in `missingSections`. Finding
///   `months_unreadable`.
/// - A meeting date not written `YYYY-MM-DD` is dropped. Finding `date_unreadable`. (A
///   well-formed date that is not in the calendar stays: the reconciler flags it, `impossible_date`.)
///
/// Nothing else is changed: `ReportValidation.violations` is empty afterwards for every value
/// field (the source, variant and provenance are the extractor's own).
enum ReportSanitizer {
    static func apply(_ report: inout Report) {
        var notes: [Finding] = []
        func note(_ code: String, _ pointer: String, _ message: String) {
            let p = report.provenance[pointer]
            notes.append(Finding(code: code, severity: .error, pointer: pointer, message: message, page: p?.page, bbox: p?.bbox))
        }
        func count(_ v: inout Int?, _ pointer: String) {
            guard let x = v, x < 0 else { return }
            v = nil
            note("negative_value", pointer, "The cell reads \(x) (printed \"\(report.provenance[pointer]?.text ?? String(x))\"): a count cannot be negative, so the cell is left unread. Check the printed value.")
        }
        func counts(_ a: inout [Int?], _ pointer: String) { for i in a.indices { count(&a[i], "\(pointer)/\(i)") } }
        func days(_ d: inout Days?, _ pointer: String) {
            guard let x = d, x.hundredths < 0 else { return }
            d = nil
            note("negative_value", pointer, "The cell reads \(x) days: a number of days cannot be negative, so the cell is left unread. Check the printed value.")
        }
        func knownMonths(_ months: [String], _ key: String) -> Bool {
            guard months.contains(where: { !ReportValidation.isMonth($0) }) else { return true }
            note("months_unreadable", "/\(key)/months", "The month header of the \(key.replacingOccurrences(of: "_", with: " ")) table is illegible and the report's period is unknown, so its columns cannot be placed in time; the table is left out.")
            if !report.missingSections.contains(key) { report.missingSections.append(key) }
            return false
        }
        days(&report.narrative.resourceDaysTotal, "/narrative/resource_days_total")
        count(&report.narrative.telephoneEnquiries, "/narrative/telephone_enquiries")
        count(&report.narrative.emailEnquiries, "/narrative/email_enquiries")
        count(&report.narrative.parties, "/narrative/parties")
        count(&report.narrative.votingGroups, "/narrative/voting_groups")
        if report.drivers != nil {
            for i in report.drivers!.rows.indices { days(&report.drivers!.rows[i].days, "/drivers/rows/\(i)/days") }
            days(&report.drivers!.grandTotal, "/drivers/grand_total")
        }
        if let h = report.helpdesk, !knownMonths(h.months, "helpdesk") { report.helpdesk = nil }
        if report.helpdesk != nil {
            for i in report.helpdesk!.rows.indices { counts(&report.helpdesk!.rows[i].counts, "/helpdesk/rows/\(i)/counts") }
            counts(&report.helpdesk!.total, "/helpdesk/total")
        }
        if let w = report.website, !knownMonths(w.months, "website") { report.website = nil }
        if report.website != nil {
            for i in report.website!.rows.indices { counts(&report.website!.rows[i].values, "/website/rows/\(i)/values") }
        }
        if let s = report.partyStatistics, !knownMonths(s.months, "party_statistics") { report.partyStatistics = nil }
        if report.votingGroups != nil {
            for i in report.votingGroups!.indices { count(&report.votingGroups![i].count, "/voting_groups/\(i)/count") }
        }
        if report.modificationStatus != nil {
            for i in report.modificationStatus!.rows.indices { count(&report.modificationStatus!.rows[i].count, "/modification_status/rows/\(i)/count") }
            count(&report.modificationStatus!.total, "/modification_status/total")
        }
        if report.meetings != nil {
            for i in report.meetings!.indices {
                let bad = report.meetings![i].dates.enumerated().filter { !ReportValidation.isDate($0.element) }
                for (j, d) in bad { note("date_unreadable", "/meetings/\(i)/dates/\(j)", "The meeting date \"\(d)\" is not a date YYYY-MM-DD; it is left out.") }
                report.meetings![i].dates.removeAll { !ReportValidation.isDate($0) }
            }
        }
        report.findings += notes
    }
}
