import Foundation
import GRDB
import OpsReport
import PDFLayout

/// What the database holds about one input file (a `reports` row).
public struct FileRecord: Equatable, Sendable {
    public var id: Int64
    public var file: String
    public var name: String
    public var sha256: String
    public var toolVersion: String
    /// `converted`, `failed` or `duplicate`.
    public var status: String
    /// A `FailureReason` raw value for a failed file.
    public var reason: String?
    public var message: String?
    public var jsonPath: String?
    public var period: String?
}

/// A conversion started but not committed (see `ArchiveStore.beginConversion`).
public struct PendingConversion: Equatable, Sendable {
    public var file: String
    public var sha256: String
    public var toolVersion: String
    public var jsonPath: String
}

/// One point of the consolidated monthly series (a `monthly_series` row).
public struct SeriesPoint: Equatable, Sendable {
    public var table: String
    public var measure: String
    /// `YYYY-MM`.
    public var month: String
    /// The newest report's value: a count, or days (two decimals) for `unit == "days"`.
    public var value: Double
    /// `count` or `days`.
    public var unit: String
    public var sourceReportId: Int64
    public var sourcePeriod: String?
    /// Reports that print this month and measure.
    public var reportCount: Int
    /// Distinct values they print.
    public var distinctValues: Int
    public var disagree: Bool
}

/// The SQLite archive (GRDB): reports, their long-form tables, findings and the consolidated
/// series. See `StoreMigrations` for the schema. Thread-safe: all access goes through one
/// `DatabaseQueue`, and each write method is one transaction.
///
/// By concern: `Store+Writing` (importing reports, failures, archive findings), `Store+Reading`
/// (records, series, findings), `Store+Rebuild` (reports rebuilt from the long-form tables),
/// `Store+CrossChecks` (the compact load of the cross-report pass).
public final class ArchiveStore: @unchecked Sendable {
    /// The underlying queue (for ad-hoc SQL).
    public let dbQueue: DatabaseQueue

    /// Opens (creating if needed) the database at `path` in WAL mode and migrates it; safe when
    /// several processes open the same new database at once (see `migrate`).
    /// - Throws: `DatabaseError` when the file cannot be opened or migrated.
    public init(path: String) throws {
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(10)
        dbQueue = try Self.open(path: path, configuration: config)
        try Self.migrate(dbQueue)
    }

    /// Opens an existing database read-only, without migrating it (for readers such as the audit
    /// page, which must not change their input).
    /// - Throws: `DatabaseError` when the file cannot be opened or is not an archive database
    ///   (no `grdb_migrations` record of `v1`).
    public init(readOnlyPath path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        dbQueue = try DatabaseQueue(path: path, configuration: config)
        let applied = try dbQueue.read { db in
            try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
        }
        guard applied.contains("v1") else {
            throw DatabaseError(resultCode: .SQLITE_NOTADB, message: "no OpsReport archive schema (tables reports, findings, monthly_series)")
        }
    }

    /// A fresh in-memory database (for tests and one-off analyses).
    public init() throws {
        dbQueue = try DatabaseQueue()
        try StoreMigrations.migrator.migrate(dbQueue)
    }

    static let iso: ISO8601DateFormatter = ISO8601DateFormatter()
    static func now() -> String { iso.string(from: Date()) }
    static func json<T: Encodable>(_ v: T) -> String {
        let e = JSONEncoder(); e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: e.encode(v), as: UTF8.self)) ?? "null"
    }
}
