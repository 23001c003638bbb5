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

/// One month of a consolidated series (`monthly_series`), with what the audit marks on it. The
/// series point's fields (`table`, `measure`, `month`, `value`, `unit`, `sourceReportId`,
/// `reportCount`, `distinctValues`, …) read through.
@dynamicMemberLookup
public struct AuditSeriesMonth: Equatable, Sendable {
    public var point: SeriesPoint
    /// The JSON Pointer of the value kept, in its source report.
    public var sourcePointer: String
    /// A `restatement` finding is about this month of this series.
    public var restated: Bool
    /// Some reports print another value (`n_values > 1`).
    public var disputed: Bool { point.disagree }

    public subscript<T>(dynamicMember keyPath: KeyPath<SeriesPoint, T>) -> T { point[keyPath: keyPath] }
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
                SELECT * FROM monthly_series WHERE month IS NOT NULL ORDER BY table_name, measure, month
                """).map { r in
                let key = "\(r["table_name"] as String)\u{1F}\(r["measure"] as String)\u{1F}\(r["month"] as String)"
                return AuditSeriesMonth(point: Self.seriesPoint(r), sourcePointer: r["source_pointer"], restated: restated.contains(key))
            }
        }
    }
}
