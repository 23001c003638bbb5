import Foundation
import GRDB
import OpsReport

/// A converted file of the archive, as the audit page lists it.
public struct ArchivedReport: Equatable, Sendable {
    public var id: Int64
    /// The batch's name of the file (path relative to the batch folder).
    public var name: String
    /// Absolute path of the PDF when it was converted.
    public var file: String
    public var sha256: String
    /// The report JSON the batch wrote, with provenance.
    public var jsonPath: String?
    public var period: String?
    public var pages: Int?
}

/// One month of a consolidated series (`monthly_series`), with what the audit marks on it.
public struct AuditSeriesMonth: Equatable, Sendable {
    public var table: String
    public var measure: String
    /// `YYYY-MM`.
    public var month: String
    public var value: Double
    /// `days` or `count`.
    public var unit: String
    /// The report that printed the value kept (`reports.id`) and the value's JSON Pointer there.
    public var sourceReportId: Int64
    public var sourcePointer: String
    /// Reports printing this month, and distinct values among them.
    public var reportCount: Int
    public var distinctValues: Int
    /// Some reports print another value (`n_values > 1`).
    public var disputed: Bool
    /// A `restatement` finding is about this month of this series.
    public var restated: Bool
}

extension ArchiveStore {
    /// The converted reports, by period then name.
    /// - Throws: a database error.
    public func archivedReports() throws -> [ArchivedReport] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, name, file, sha256, json_path, period, pages FROM reports
                 WHERE status = 'converted' ORDER BY period, name
                """).map {
                ArchivedReport(id: $0["id"], name: $0["name"], file: $0["file"], sha256: $0["sha256"], jsonPath: $0["json_path"],
                               period: $0["period"], pages: $0["pages"])
            }
        }
    }

    /// Every finding stored for report `id`, its own and the archive's (cross-report) ones.
    /// - Throws: a database error.
    public func findings(reportId id: Int64) throws -> [Finding] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM findings WHERE report_id = ? ORDER BY scope DESC, id", arguments: [id]).map(Self.finding)
        }
    }

    /// Archive findings that belong to no report (e.g. `archive_gap`).
    /// - Throws: a database error.
    public func unattachedFindings() throws -> [Finding] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM findings WHERE report_id IS NULL ORDER BY id").map(Self.finding)
        }
    }

    /// Every month of every consolidated series, ordered by table, measure, month.
    /// - Throws: a database error.
    public func auditSeries() throws -> [AuditSeriesMonth] {
        try dbQueue.read { db in
            let restated = Set(try Row.fetchAll(db, sql: """
                SELECT DISTINCT mv.table_name, mv.measure, mv.month FROM findings f
                  JOIN monthly_values mv ON mv.report_id = f.report_id AND mv.pointer = f.pointer
                 WHERE f.code = 'restatement'
                """).map { "\($0[0] as String? ?? "")\u{1F}\($0[1] as String? ?? "")\u{1F}\($0[2] as String? ?? "")" })
            return try Row.fetchAll(db, sql: """
                SELECT table_name, measure, month, value, unit, source_report_id, source_pointer, n_reports, n_values, disagree
                  FROM monthly_series WHERE month IS NOT NULL ORDER BY table_name, measure, month
                """).map { r in
                let key = "\(r["table_name"] as String)\u{1F}\(r["measure"] as String)\u{1F}\(r["month"] as String)"
                return AuditSeriesMonth(table: r["table_name"], measure: r["measure"], month: r["month"], value: r["value"],
                                        unit: r["unit"], sourceReportId: r["source_report_id"], sourcePointer: r["source_pointer"],
                                        reportCount: r["n_reports"], distinctValues: r["n_values"],
                                        disputed: (r["disagree"] as Int? ?? 0) != 0, restated: restated.contains(key))
            }
        }
    }
}
