import OpsReport

/// `group_variant` (warning): a driver placed under a group (a spanning label such as `Core`)
/// that at most two reports give it, when at least three times as many reports (and two or more)
/// place it under another group. A scan's text layer can move a spanning label a line up or down
/// (the OCR engine snaps it onto a neighbouring row), which shifts the boundary between groups by
/// a row; one report alone cannot show it, the archive can. The suggestion is the usual group.
public enum DriverGroupRule {
    /// Counts each (driver, group) once per report, so time and memory grow with the archive.
    public static func findings(_ reports: [Report]) -> [Finding] {
        struct Key: Hashable { var driver: String; var group: String }
        var givenBy: [Key: (count: Int, last: Int)] = [:]
        for (i, r) in reports.enumerated() {
            for row in r.drivers?.rows ?? [] where !row.group.isEmpty {
                let k = Key(driver: row.driver, group: row.group)
                if let e = givenBy[k] { if e.last != i { givenBy[k] = (e.count + 1, i) } } else { givenBy[k] = (1, i) }
            }
        }
        var groupsOf: [String: [(group: String, count: Int)]] = [:]
        for (k, e) in givenBy { groupsOf[k.driver, default: []].append((k.group, e.count)) }
        var out: [Finding] = []
        for r in reports {
            for (j, row) in (r.drivers?.rows ?? []).enumerated() where !row.group.isEmpty {
                let mine = givenBy[Key(driver: row.driver, group: row.group)]?.count ?? 0
                // The usual group: the most given other group (ties: the first in code-point order).
                guard mine <= 2,
                      let usual = (groupsOf[row.driver] ?? []).filter({ $0.group != row.group })
                          .max(by: { ($0.count, $1.group) < ($1.count, $0.group) }),
                      usual.count >= max(2, 3 * mine) else { continue }
                let pointer = "/drivers/rows/\(j)/group"
                out.append(Finding(
                    code: "group_variant", severity: .warning, pointer: pointer, related: ["/drivers/rows/\(j)/driver"],
                    printed: row.group, expected: .string(usual.group),
                    message: "\(CrossReportRules.describe(r)) report: driver '\(row.driver)' is under '\(row.group)', but \(usual.count) reports put it under '\(usual.group)'",
                    suggestion: Suggestion(value: .string(usual.group), confidence: .medium, rationale: "the group \(usual.count) other reports give this driver"),
                    page: r.provenance[pointer]?.page, bbox: r.provenance[pointer]?.bbox,
                    report: r.source.file.isEmpty ? (r.period ?? "?") : r.source.file))
            }
        }
        return out
    }
}
