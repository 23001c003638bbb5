import GRDB
import OpsReport

/// Where each stored value was printed: migration `v3-provenance` adds the table
/// `provenance(report_id, pointer, page, x0, y0, x1, y1)` (the report's `provenance`: 1-based
/// page and bounding box in PDF points, origin top-left, y down, keyed by JSON Pointer), filled
/// with the report's values. `values.csv` and `findings.csv` take their page and box from it.
/// Reports stored before this migration have no rows there; they were converted by an older
/// tool version and are converted again by the next batch.
enum StoreProvenance {
    static func register(_ m: inout DatabaseMigrator) {
        m.registerMigration("v3-provenance") { db in
            try db.execute(sql: """
                CREATE TABLE provenance (
                    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                    pointer TEXT NOT NULL,
                    page INTEGER NOT NULL,
                    x0 REAL NOT NULL, y0 REAL NOT NULL, x1 REAL NOT NULL, y1 REAL NOT NULL,
                    PRIMARY KEY (report_id, pointer)
                ) WITHOUT ROWID
                """)
        }
    }

    /// Stores `report.provenance` for report `id`.
    static func insert(_ db: Database, _ id: Int64, _ report: Report) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO provenance VALUES (?, ?, ?, ?, ?, ?, ?)")
        for (pointer, p) in report.provenance {
            try statement.execute(arguments: [id, pointer, p.page, p.bbox.x0, p.bbox.y0, p.bbox.x1, p.bbox.y1])
        }
    }
}
