import Foundation
import OpsReport

/// Findings that need more than one report: pure functions over an archive of reports (no I/O).
///
/// A finding's `report` field names the report it belongs to: its `source.file` when set, else its
/// period. `related` entries that point into another report are written `<period>:<pointer>`.
public enum CrossReportRules {
    /// All cross-report findings: restatements (and a scan's `ocr_misreading`s, see
    /// `OCRMisreadingRule`), party count discontinuities, archive gaps, row
    /// labels that look like OCR variants of other reports' labels, and drivers under an unusual group.
    /// - Parameter valueCounts: see `SeriesConsolidation.consolidate(_:valueCounts:)`.
    public static func all(_ reports: [Report], valueCounts: [Int]? = nil) -> [Finding] {
        OCRMisreadingRule.restatementsAndMisreadings(reports, valueCounts: valueCounts) + partyCountDiscontinuities(reports, valueCounts: valueCounts)
            + archiveGaps(reports) + LabelVariantRule.findings(reports) + DriverGroupRule.findings(reports)
    }

    /// `2017-12`, or `2017-12 scanned` for a variant other than text.
    static func describe(_ r: Report) -> String { (r.period ?? "?") + (r.variant == "text" ? "" : " \(r.variant)") }

    static func label(_ r: Report) -> String { r.source.file.isEmpty ? (r.period ?? "?") : r.source.file }

    /// Most cells a cross-report finding names in `related` (`restatement`, `ocr_misreading`):
    /// the evidence of a value that thousands of reports print would otherwise repeat every one
    /// of them in every finding (output quadratic in the archive). The finding's `relatedCount`
    /// then gives how many there are; the full list is in the database (`related_cells`).
    public static let relatedExamples = 5

    /// `related` and `relatedCount` for evidence of `cells` (best examples first): at most
    /// `relatedExamples` of them, and their number when some are left out.
    static func bounded(_ cells: [String]) -> (related: [String], count: Int?) {
        cells.count > relatedExamples ? (Array(cells.prefix(relatedExamples)), cells.count) : (cells, nil)
    }

    /// `restatement` (warning): for each (table, measure, month) printed by several reports with
    /// different values, one finding on each report whose value differs from the newest report's
    /// (see `SeriesConsolidation.isNewer`). `printed` is that report's value, `expected` the newest
    /// value, `related` the cells of the reports that print the newest value, newest first (at
    /// most `relatedExamples`; `relatedCount` when there are more).
    public static func restatements(_ reports: [Report], valueCounts: [Int]? = nil) -> [Finding] {
        let (cells, ranks) = SeriesConsolidation.consolidation(reports, valueCounts: valueCounts)
        var out: [Finding] = []
        for cell in cells where cell.value.disagree {
            let c = cell.value
            let agreeing = cell.entries.filter { $0.value.value == c.value }
            // Newest first: only the first few are named, so only those are ordered.
            var examples: [(index: Int, value: MonthlyValue)] = []
            for e in agreeing {
                let k = examples.firstIndex { ranks[e.index].isNewer(than: ranks[$0.index]) } ?? examples.count
                if k < relatedExamples { examples.insert(e, at: k); if examples.count > relatedExamples { examples.removeLast() } }
            }
            let related = examples.map { "\(reports[$0.index].period ?? "?"):\($0.value.pointer)" }
            let relatedCount: Int? = agreeing.count > relatedExamples ? agreeing.count : nil
            let newest = MonthlyValue(table: c.table, measure: c.measure, month: c.month, value: c.value, unit: c.unit, pointer: "").text
            let source = describe(reports[c.sourceIndex])
            let expected: JSONValue = c.unit == .days ? .double(Days(hundredths: c.value).doubleValue) : .int(c.value)
            for e in cell.entries where e.value.value != c.value {
                let r = reports[e.index]
                out.append(Finding(
                    code: "restatement", severity: .warning, pointer: e.value.pointer, related: related, relatedCount: relatedCount,
                    printed: e.value.text, expected: expected,
                    message: "\(c.table) \(c.measure) for \(c.month): the \(describe(r)) report prints \(e.value.text) but the newest report that prints it (\(source)) prints \(newest); \(c.reportCount) reports print this value, with \(c.distinctValues) different values",
                    page: r.provenance[e.value.pointer]?.page, bbox: r.provenance[e.value.pointer]?.bbox, report: label(r)))
            }
        }
        return out
    }

    /// One report per period: the newest by `SeriesConsolidation.isNewer` (a text variant over a
    /// scan, then the more complete report). Sorted by period.
    static func canonicalByPeriod(_ reports: [Report], valueCounts: [Int]? = nil) -> [(period: String, index: Int)] {
        var best: [String: Int] = [:]
        let ranks = reports.indices.map { SeriesConsolidation.Rank(reports[$0], index: $0, valueCount: valueCounts?[$0]) }
        for (i, r) in reports.enumerated() {
            guard let p = r.period else { continue }
            if let b = best[p], !ranks[i].isNewer(than: ranks[b]) { continue }
            best[p] = i
        }
        return best.map { ($0.key, $0.value) }.sorted { $0.period < $1.period }
    }

    /// `party_count_discontinuity` (warning): for each two reports of consecutive months whose
    /// narratives both give the number of Parties, checks
    /// `parties(M) == parties(M−1) + accessions(M) − withdrawals(M) − expulsions(M)`, the three
    /// movements read from the later report's party statistics column for month M (a missing
    /// row counts as 0; no check when the column M is absent). One finding on the later report at
    /// `/narrative/parties` with the expected number.
    public static func partyCountDiscontinuities(_ reports: [Report], valueCounts: [Int]? = nil) -> [Finding] {
        let canon = canonicalByPeriod(reports, valueCounts: valueCounts)
        var out: [Finding] = []
        for (a, b) in zip(canon, canon.dropFirst()) where MonthArithmetic.next(a.period) == b.period {
            let prev = reports[a.index], cur = reports[b.index]
            guard let before = prev.narrative.parties, let now = cur.narrative.parties,
                  let ps = cur.partyStatistics, let col = ps.months.firstIndex(of: b.period) else { continue }
            var related = ["\(a.period):/narrative/parties"]
            func movement(_ prefix: String) -> Int? {
                guard let i = ps.rows.firstIndex(where: { $0.measure.lowercased().hasPrefix(prefix) }) else { return 0 }
                related.append("/party_statistics/rows/\(i)/counts/\(col)")
                return col < ps.rows[i].counts.count ? ps.rows[i].counts[col] : nil
            }
            guard let acc = movement("accession"), let wd = movement("withdraw"), let ex = movement("expul") else { continue }
            // Overflow-safe: values beyond any real count are not compared (never a trap).
            guard [before, now, acc, wd, ex].allSatisfy({ $0.magnitude <= 1 << 50 }) else { continue }
            let expected = before + acc - wd - ex
            guard expected != now else { continue }
            out.append(Finding(
                code: "party_count_discontinuity", severity: .warning, pointer: "/narrative/parties", related: related,
                printed: String(now), expected: .int(expected),
                message: "\(b.period): the report gives \(now) Parties, but \(a.period) gave \(before) and \(b.period) had \(acc) accession(s), \(wd) withdrawal(s) and \(ex) expulsion(s), which make \(expected)",
                page: cur.provenance["/narrative/parties"]?.page, bbox: cur.provenance["/narrative/parties"]?.bbox, report: label(cur)))
        }
        return out
    }

    /// `archive_gap` (warning): one finding per month between the first and the last report's
    /// period for which there is no report. `pointer` is empty, `expected` the missing month,
    /// `report` `nil`; `related` names the reports either side.
    public static func archiveGaps(_ reports: [Report]) -> [Finding] {
        let periods = Set(reports.compactMap(\.period).filter { MonthArithmetic.isMonth($0) })
        guard let first = periods.min(), let last = periods.max() else { return [] }
        var out: [Finding] = []
        var m = first
        var before = first
        while m < last {
            if periods.contains(m) { before = m }
            else {
                var after = m
                while !periods.contains(after) { after = MonthArithmetic.next(after)! }
                out.append(Finding(code: "archive_gap", severity: .warning, pointer: "", related: ["\(before):", "\(after):"],
                                   expected: .string(m),
                                   message: "No report for \(m) in the archive (between the \(before) and \(after) reports)"))
            }
            m = MonthArithmetic.next(m)!
        }
        return out
    }
}

/// `YYYY-MM` arithmetic.
public enum MonthArithmetic {
    /// `true` for `YYYY-MM` with a month 01…12.
    public static func isMonth(_ s: String) -> Bool {
        let p = s.split(separator: "-")
        guard p.count == 2, p[0].count == 4, p[1].count == 2, Int(p[0]) != nil, let m = Int(p[1]) else { return false }
        return (1...12).contains(m)
    }
    /// The month after `s` (`2017-12` → `2018-01`); `nil` if `s` is not `YYYY-MM`.
    public static func next(_ s: String) -> String? {
        guard isMonth(s) else { return nil }
        let p = s.split(separator: "-")
        var y = Int(p[0])!, m = Int(p[1])! + 1
        if m == 13 { m = 1; y += 1 }
        return String(format: "%04d-%02d", y, m)
    }
}
