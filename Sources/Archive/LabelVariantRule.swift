import OpsReport

/// `label_variant` (warning): a row label that at most two reports print, when at least three
/// times as many other reports print a label that differs from it by a few OCR-style edits (`clo` for `CIO`, `Pana Correspondence`
/// for `Panel & Board Correspondence`). Such a label would otherwise start a monthly series of its
/// own in the database. The suggestion is the closest label printed by at least two other reports.
public enum LabelVariantRule {
    /// Labelled rows of a report: (table, row index, label). The label's JSON Pointer is
    /// `pointer(table, row)`, made only for the labels that are reported.
    static func labels(of r: Report) -> [(table: String, row: Int, label: String)] {
        var out: [(String, Int, String)] = []
        for (i, row) in (r.drivers?.rows ?? []).enumerated() { out.append(("drivers", i, row.driver)) }
        for (i, row) in (r.helpdesk?.rows ?? []).enumerated() { out.append(("helpdesk", i, row.category)) }
        for (i, row) in (r.website?.rows ?? []).enumerated() { out.append(("website", i, row.metric)) }
        for (i, row) in (r.partyStatistics?.rows ?? []).enumerated() { out.append(("party_statistics", i, row.measure)) }
        return out
    }

    /// The JSON Pointer of a row label: `/helpdesk/rows/5/category`.
    static func pointer(_ table: String, _ row: Int) -> String {
        let key = ["drivers": "driver", "helpdesk": "category", "website": "metric", "party_statistics": "measure"][table] ?? "label"
        return "/\(table)/rows/\(row)/\(key)"
    }

    /// A rare label and the common label it is closest to.
    struct Match {
        var index: Int
        var table: String
        var pointer: String
        var label: String
        var best: String
        var distance: Double
        var printedBy: Int
        var others: Int
    }

    /// Every report's rare labels (printed by at most two reports) that are within `maxDistance`
    /// edits per character (case-insensitive) of a label printed by at least three times as many
    /// reports (and by two or more); the closest such label (ties: the more printed, then the
    /// first in code-point order). Time and memory grow with the archive times the number of
    /// distinct labels, not with the archive squared: each label is counted once per report, and
    /// each rare label is compared once with the common labels of its table.
    static func matches(_ reports: [Report], maxDistance: Double = 0.45) -> [Match] {
        struct Key: Hashable { var table: String; var label: String }
        var printedBy: [Key: (count: Int, last: Int)] = [:]
        for (i, r) in reports.enumerated() {
            for l in labels(of: r) {
                let k = Key(table: l.table, label: l.label)
                if let e = printedBy[k] { if e.last != i { printedBy[k] = (e.count + 1, i) } } else { printedBy[k] = (1, i) }
            }
        }
        var common: [String: [(label: String, count: Int)]] = [:]
        for (k, e) in printedBy where e.count >= 2 { common[k.table, default: []].append((k.label, e.count)) }
        var closest: [Key: (label: String, distance: Double, count: Int)?] = [:]
        var out: [Match] = []
        for (i, r) in reports.enumerated() {
            for l in labels(of: r) where !l.label.isEmpty {
                let k = Key(table: l.table, label: l.label)
                let mine = printedBy[k]?.count ?? 0
                guard mine <= 2 else { continue }
                if closest[k] == nil {
                    let best = (common[l.table] ?? []).filter { $0.label != l.label && $0.count >= max(2, 3 * mine) }
                        .map { (label: $0.label, distance: distance(l.label, $0.label), count: $0.count) }
                        .min { ($0.distance, -$0.count, $0.label) < ($1.distance, -$1.count, $1.label) }
                    closest[k] = .some(best.flatMap { $0.distance <= maxDistance * Double(max(l.label.count, $0.label.count)) ? $0 : nil })
                }
                guard let best = closest[k] ?? nil else { continue }
                out.append(Match(index: i, table: l.table, pointer: pointer(l.table, l.row), label: l.label, best: best.label,
                                 distance: best.distance, printedBy: mine, others: best.count))
            }
        }
        return out
    }

    /// The rows whose label is flagged, per report index, as the prefix of their JSON Pointers
    /// (`/helpdesk/rows/5/` for the label at `/helpdesk/rows/5/category`): the rows
    /// `SeriesConsolidation` leaves out.
    static func flaggedRows(_ reports: [Report]) -> [Int: Set<String>] {
        var out: [Int: Set<String>] = [:]
        for m in matches(reports) {
            guard let slash = m.pointer.lastIndex(of: "/") else { continue }
            out[m.index, default: []].insert(String(m.pointer[...slash]))
        }
        return out
    }

    /// Findings for every report's rare labels (see `matches`): one `label_variant` warning per
    /// labelled row, at the label's pointer, with the common label as suggestion.
    public static func findings(_ reports: [Report], maxDistance: Double = 0.45) -> [Finding] {
        matches(reports, maxDistance: maxDistance).map { m in
            let r = reports[m.index]
            return Finding(
                code: "label_variant", severity: .warning, pointer: m.pointer, printed: m.label, expected: .string(m.best),
                message: "\(CrossReportRules.describe(r)) report: the \(m.table.replacingOccurrences(of: "_", with: " ")) row label '\(m.label)' is printed by \(m.printedBy == 1 ? "no other report" : "one other report"); \(m.others) reports print '\(m.best)', \(Int(m.distance)) edit(s) away",
                suggestion: Suggestion(value: .string(m.best), confidence: .medium, rationale: "closest label printed by \(m.others) other reports"),
                page: r.provenance[m.pointer]?.page, bbox: r.provenance[m.pointer]?.bbox,
                report: r.source.file.isEmpty ? (r.period ?? "?") : r.source.file)
        }
    }

    /// Case-insensitive Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Double {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty || y.isEmpty { return Double(max(x.count, y.count)) }
        var prev = Array(0...y.count), cur = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count { cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)) }
            swap(&prev, &cur)
        }
        return Double(prev[y.count])
    }
}
