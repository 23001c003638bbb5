import OpsReport

/// Meeting dates: values that are not real dates (`impossible_date`), damaged ordinals
/// (`ocr_ordinal`) or glyphs (`ocr_confusable`) in the printed date, dates outside the report
/// month (`date_outside_period`); and damaged ordinals in any other printed text (info).
enum DateRules {
    static func check(_ report: Report, _ ev: Evidence) -> [Finding] {
        let period = report.period.flatMap(MonthLabel.split)
        var out: [Finding] = []
        var datePointers = Set<String>()
        for (i, m) in (report.meetings ?? []).enumerated() {
            for (j, value) in m.dates.enumerated() {
                let p = Pointer.make("meetings", i, "dates", j)
                datePointers.insert(p)
                out += checkDate(p, value, meeting: m.meeting, period: period, ev)
            }
        }
        for (pointer, prov) in report.provenance.sorted(by: { $0.key < $1.key }) where !datePointers.contains(pointer) {
            for (printed, readings) in DateRepair.damagedOrdinals(in: prov.text, defaultYear: period?.0) where readings.contains(where: \.ordinal) {
                out.append(ev.finding(FindingCode.ocrOrdinal, .info, at: pointer, printed: prov.text, expected: .string(readings[0].text),
                                      message: "Damaged ordinal date in the printed text: '\(printed)' reads as '\(readings[0].text)'"))
            }
        }
        return out
    }

    private static func checkDate(_ p: String, _ value: String, meeting: String, period: (Int, Int)?, _ ev: Evidence) -> [Finding] {
        let printed = ev.text(p)
        if DateRepair.isValidISO(value) {
            var out: [Finding] = []
            if let (y, mo) = period, !value.hasPrefix(String(format: "%04d-%02d", y, mo)) {
                out.append(ev.finding(FindingCode.dateOutsidePeriod, .info, at: p, printed: printed ?? value,
                                      message: "\(meeting) is dated \(value), outside the report month \(String(format: "%04d-%02d", y, mo))"))
            }
            if let t = printed, let r = DateRepair.readings(of: t, defaultYear: period?.0).first, !r.rationale.isEmpty {
                out.append(ev.finding(r.ordinal ? FindingCode.ocrOrdinal : FindingCode.ocrConfusable, .info, at: p, printed: t,
                                      expected: .string(value), message: "\(meeting): printed '\(t)' was read as \(value) (\(r.rationale))"))
            }
            return out
        }
        let source = printed ?? value
        let readings = DateRepair.readings(of: source, defaultYear: period?.0).filter { $0.iso != nil }
        guard let first = readings.first, let iso = first.iso else {
            let why = DateRepair.looksISO(value) ? "\(value) does not exist in the calendar" : "'\(source)' cannot be read as a date"
            return [ev.finding(FindingCode.impossibleDate, .warning, at: p, printed: source, message: "\(meeting): \(why)")]
        }
        let options = Set(readings.compactMap(\.iso))
        let code = first.ordinal ? FindingCode.ocrOrdinal : FindingCode.ocrConfusable
        let rationale = first.rationale.isEmpty ? "the printed date" : first.rationale
        let alt = options.count > 1 ? " (or " + readings.dropFirst().compactMap(\.iso).joined(separator: ", ") + ")" : ""
        return [ev.finding(code, .warning, at: p, printed: source, expected: .string(iso),
                           message: "\(meeting): printed '\(source)' reads as \(iso)\(alt)",
                           suggestion: Suggestion(value: .string(iso), confidence: options.count == 1 ? .high : .medium, rationale: rationale))]
    }
}
