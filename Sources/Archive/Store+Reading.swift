import Foundation
import GRDB
import OpsReport
import PDFLayout

extension ArchiveStore {
    static func record(_ r: Row) -> FileRecord {
        FileRecord(id: r["id"], file: r["file"], name: r["name"], sha256: r["sha256"], toolVersion: r["tool_version"],
                   status: r["status"], reason: r["reason"], message: r["message"], jsonPath: r["json_path"], period: r["period"])
    }

    /// The row for `file`, if any.
    public func record(forFile file: String) throws -> FileRecord? {
        try dbQueue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM reports WHERE file = ?", arguments: [file]).map(Self.record) }
    }

    /// All rows, ordered by `name`.
    public func records() throws -> [FileRecord] {
        try dbQueue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM reports ORDER BY name, id").map(Self.record) }
    }

    /// The pending conversion of `file`, if any.
    public func pending(forFile file: String) throws -> PendingConversion? {
        try dbQueue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM pending_conversions WHERE file = ?", arguments: [file]).map {
                PendingConversion(file: $0["file"], sha256: $0["sha256"], toolVersion: $0["tool_version"], jsonPath: $0["json_path"])
            }
        }
    }

    /// The consolidated series for `table` (and `measure`, when given), ordered by measure and month.
    public func series(table: String, measure: String? = nil) throws -> [SeriesPoint] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM monthly_series WHERE table_name = ? AND (? IS NULL OR measure = ?) ORDER BY measure, month
                """, arguments: [table, measure, measure]).map(Self.seriesPoint)
        }
    }

    /// A `monthly_series` row as a point.
    static func seriesPoint(_ r: Row) -> SeriesPoint {
        SeriesPoint(table: r["table_name"], measure: r["measure"], month: r["month"], value: r["value"], unit: r["unit"],
                    sourceReportId: r["source_report_id"], sourcePeriod: r["source_period"], reportCount: r["n_reports"],
                    distinctValues: r["n_values"], disagree: r["disagree"])
    }

    /// Number of findings per severity (all scopes).
    public func findingCounts() throws -> [Finding.Severity: Int] {
        try dbQueue.read { db in
            var out: [Finding.Severity: Int] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT severity, COUNT(*) AS n FROM findings GROUP BY severity") {
                if let s = Finding.Severity(rawValue: r["severity"]) { out[s] = r["n"] }
            }
            return out
        }
    }

    /// The findings stored for the archive (`scope == "archive"`) or for reports (`"report"`).
    public func findings(scope: String) throws -> [Finding] {
        try dbQueue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM findings WHERE scope = ? ORDER BY id", arguments: [scope]).map(Self.finding) }
    }

    static func finding(_ r: Row) -> Finding {
        func decode<T: Decodable>(_ t: T.Type, _ s: String?) -> T? {
            guard let s else { return nil }
            return try? JSONDecoder().decode(T.self, from: Data(s.utf8))
        }
        let related: String = r["related"]
        return Finding(code: r["code"], severity: Finding.Severity(rawValue: r["severity"]) ?? .info, pointer: r["pointer"],
                       related: decode([String].self, related) ?? [], relatedCount: r["related_count"], printed: r["printed"],
                       expected: decode(JSONValue.self, r["expected"]), message: r["message"],
                       suggestion: decode(Suggestion.self, r["suggestion"]), page: r["page"], bbox: decode(BBox.self, r["bbox"]),
                       report: r["report"])
    }

    /// Every converted report, rebuilt from the long-form tables, ordered by `file` (so that the
    /// input order tie-break of `SeriesConsolidation.isNewer` matches the SQL view's).
    ///
    /// The rebuilt report has the stored values, `source` (file, sha256, pages, producer) and its
    /// own (`report`-scope) findings; it has no provenance. Enough for `CrossReportRules`.
    public func loadReports() throws -> [Report] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reports WHERE status = 'converted' ORDER BY file").map { try Self.rebuild(db, $0) }
        }
    }

}
