import Foundation
import GRDB

extension ArchiveStore {
    /// The rows recorded for these bytes and tool version under another path than `file`,
    /// converted ones first, then failed ones (rows of `duplicate` files are left out).
    public func records(sha256: String, toolVersion: String, excludingFile file: String) throws -> [FileRecord] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM reports WHERE sha256 = ? AND tool_version = ? AND file <> ? AND status <> 'duplicate'
                 ORDER BY (status = 'converted') DESC, file
                """, arguments: [sha256, toolVersion, file]).map(Self.record)
        }
    }

    /// Moves the row recorded for `oldFile` to `newFile` (a renamed or moved archive folder), in
    /// one transaction: its `file`, `name` and `json_path` change, its values and findings stay,
    /// and findings labelled with the old path are relabelled. A row already recorded for
    /// `newFile` is replaced. With `oldFile == newFile` only the name and JSON path change.
    public func relocate(from oldFile: String, to newFile: String, name: String, jsonPath: String?) throws {
        try dbQueue.write { db in
            if newFile != oldFile { try db.execute(sql: "DELETE FROM reports WHERE file = ?", arguments: [newFile]) }
            try db.execute(sql: "UPDATE reports SET file = ?, name = ?, json_path = ? WHERE file = ?",
                           arguments: [newFile, name, jsonPath, oldFile])
            try db.execute(sql: "UPDATE findings SET report = ? WHERE report = ?", arguments: [newFile, oldFile])
            try db.execute(sql: "DELETE FROM pending_conversions WHERE file = ?", arguments: [oldFile])
        }
    }

    /// Deletes the rows of files that no longer exist, wherever they were, whose bytes (`sha256`)
    /// are among `sha256s` (the files of this run): copies left behind by a renamed or moved folder
    /// (e.g. a `duplicate` row of the old path), now recorded under their new paths. Files in
    /// `current` are kept. Returns the names removed.
    public func forgetMovedFiles(sha256s: Set<String>, current: Set<String>) throws -> [String] {
        try dbQueue.write { db in
            var gone: [String] = []
            for r in try Row.fetchAll(db, sql: "SELECT file, name, sha256 FROM reports") {
                let f: String = r["file"], sha: String = r["sha256"]
                guard sha256s.contains(sha), !current.contains(f), !FileManager.default.fileExists(atPath: f) else { continue }
                try db.execute(sql: "DELETE FROM reports WHERE file = ?", arguments: [f])
                gone.append(r["name"])
            }
            return gone
        }
    }

    /// Forgets the pending conversion of `file` (a conversion abandoned when the batch was
    /// interrupted; its worker was killed before writing the JSON).
    public func abandonConversion(file: String) throws {
        try dbQueue.write { db in try db.execute(sql: "DELETE FROM pending_conversions WHERE file = ?", arguments: [file]) }
    }

    /// Opens the database, tolerating another process that is creating or migrating it at the
    /// same moment: switching a new file to WAL (`PRAGMA journal_mode`) answers `SQLITE_BUSY`
    /// without waiting for the busy timeout. Retried a few times; an error that persists is thrown.
    static func open(path: String, configuration: Configuration, attempts: Int = 8) throws -> DatabaseQueue {
        var attempt = 1
        while true {
            do { return try DatabaseQueue(path: path, configuration: configuration) } catch let e as DatabaseError
                where attempt < attempts && (e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED) {
                attempt += 1
                usleep(useconds_t(20_000 * attempt))
            }
        }
    }

    /// Applies the migrations, tolerating another process that migrates the same new database at
    /// the same moment: GRDB checks which migrations are applied before it takes the write lock,
    /// so the later one can fail with `table … already exists` once the first has committed. Each
    /// retry reads the applied migrations again; an error that persists is thrown.
    static func migrate(_ writer: any DatabaseWriter, attempts: Int = 6) throws {
        var attempt = 1
        while true {
            do { return try StoreMigrations.migrator.migrate(writer) } catch let e as DatabaseError where attempt < attempts {
                _ = e
                attempt += 1
                usleep(useconds_t(20_000 * attempt))
            }
        }
    }
}
