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
        if let h = report.helpdesk, !knownMonths(h.months, "helpdesk") { report.helpdesk = nil }
        if let w = report.website, !knownMonths(w.months, "website") { report.website = nil }
        if let s = report.partyStatistics, !knownMonths(s.months, "party_statistics") { report.partyStatistics = nil }
        var r = report
        r.visitNumbers(count: { v, pointer, sign in if sign == .nonNegative { count(&v, pointer) } }, days: { d, pointer in days(&d, pointer) })
        report = r
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
