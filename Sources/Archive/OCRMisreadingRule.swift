import OpsReport

/// A scan read by OCR against the text reports of the same archive.
///
/// When a scan prints a value for a (table, measure, month) that text reports print too and the
/// values differ, the scan misread it: an `ocr_misreading` finding on the scan, with the text
/// reports' value (the one most of them print) as a suggestion — never a `restatement`, which
/// is kept for text reports that really print different numbers. Restatements among text
/// reports are found without the scans; scans are compared among themselves only for values no
/// text report prints.
public enum OCRMisreadingRule {
    /// Whether a report's values were read by OCR (a scan, with or without a text layer).
    static func isScan(_ r: Report) -> Bool { r.variant != "text" }

    /// `restatement` findings over the text reports, over the scans for values no text report
    /// prints, and `ocr_misreading` findings on scans.
    static func restatementsAndMisreadings(_ reports: [Report], valueCounts: [Int]?) -> [Finding] {
        let text = reports.indices.filter { !isScan(reports[$0]) }, scans = reports.indices.filter { isScan(reports[$0]) }
        guard !scans.isEmpty else { return CrossReportRules.restatements(reports, valueCounts: valueCounts) }
        func pick(_ idx: [Int]) -> ([Report], [Int]?) { (idx.map { reports[$0] }, valueCounts.map { vc in idx.map { vc[$0] } }) }
        let (textReports, textCounts) = pick(text), (scanReports, scanCounts) = pick(scans)
        let consensus = textConsensus(textReports)
        var out = CrossReportRules.restatements(textReports, valueCounts: textCounts)
        var misreadings: [Finding] = []
        // Per scan label (the first scan of that label, as findings name it): the pointers of its
        // values that text reports print too; a scan restatement there is a misreading instead.
        var covered: [String: Set<String>] = [:]
        for r in scanReports {
            var mine = Set<String>()
            for v in SeriesConsolidation.values(of: r) where !v.measure.isEmpty {
                guard let c = consensus[Key(v)] else { continue }
                mine.insert(v.pointer)
                guard c.value != v.value else { continue }
                let expected: JSONValue = v.unit == .days ? .double(Days(hundredths: c.value).doubleValue) : .int(c.value)
                let shown = MonthlyValue(table: v.table, measure: v.measure, month: v.month, value: c.value, unit: v.unit, pointer: "").text
                let related = c.examples.map { "\(textReports[$0.index].period ?? "?"):\($0.pointer)" }
                misreadings.append(Finding(
                    code: "ocr_misreading", severity: .warning, pointer: v.pointer, related: related,
                    relatedCount: c.agreeing > related.count ? c.agreeing : nil, printed: v.text, expected: expected,
                    message: "\(v.table) \(v.measure) for \(v.month): the \(CrossReportRules.describe(r)) report reads \(v.text) but \(c.agreeing) of \(c.total) text report(s) print \(shown): an OCR misreading of the scan",
                    suggestion: Suggestion(value: expected, confidence: c.agreeing == c.total ? .high : .medium,
                                           rationale: "the value the text reports print for the same month"),
                    page: r.provenance[v.pointer]?.page, bbox: r.provenance[v.pointer]?.bbox, report: CrossReportRules.label(r)))
            }
            let label = CrossReportRules.label(r)
            if covered[label] == nil { covered[label] = mine }
        }
        out += CrossReportRules.restatements(scanReports, valueCounts: scanCounts).filter { f in
            guard let mine = covered[f.report ?? ""] else { return true }
            return !mine.contains(f.pointer)
        }
        return out + misreadings
    }

    struct Key: Hashable {
        var table, measure, month: String
        init(_ v: MonthlyValue) { table = v.table; measure = v.measure; month = v.month }
    }

    /// What the text reports print for one (table, measure, month): the value most of them print,
    /// how many do (`agreeing`) out of how many print one (`total`), and the first
    /// `CrossReportRules.relatedExamples` cells printing it (report index, pointer; input order).
    struct Consensus {
        var value: Int
        var agreeing: Int
        var total: Int
        var examples: [(index: Int, pointer: String)]
    }

    /// Per (table, measure, month): the value most text reports print (ties: the larger count of
    /// reports, then the smaller value, so the result does not depend on order).
    static func textConsensus(_ reports: [Report]) -> [Key: Consensus] {
        var seen: [Key: [Int: (count: Int, examples: [(index: Int, pointer: String)])]] = [:]
        for (i, vs) in SeriesConsolidation.consolidatedValues(of: reports).enumerated() {
            for v in vs {
                // Mutated in place (no copy of the inner dictionary per value).
                seen[Key(v), default: [:]][v.value, default: (0, [])].count += 1
                if seen[Key(v)]![v.value]!.examples.count < CrossReportRules.relatedExamples {
                    seen[Key(v)]![v.value]!.examples.append((i, v.pointer))
                }
            }
        }
        return seen.mapValues { byValue in
            let best = byValue.max { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key }!
            return Consensus(value: best.key, agreeing: best.value.count, total: byValue.values.reduce(0) { $0 + $1.count },
                             examples: best.value.examples)
        }
    }
}
