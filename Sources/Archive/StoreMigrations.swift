import GRDB

/// The archive database schema, as GRDB migrations. Each migration runs once, in order, in its own
/// transaction; `ArchiveStore` applies them when it opens a database.
///
/// Schema (v1):
/// - `reports`: one row per input file path (`file`, absolute, unique) with `name` (path relative to
///   the batch folder), `sha256`, `tool_version`, `status` (`converted` | `failed` | `duplicate`),
///   `reason` (a `FailureReason` raw value) and `message` for failures, `exit_status`/`signal` of
///   the worker, `duplicate_of` (the `reports.id` with the same bytes), `json_path`, and the report's
///   `period`, `reference`, `title`, `variant`, `pages`, `producer`, `schema_version`,
///   `missing_sections` (JSON array), `duration_ms`, `processed_at` (ISO 8601).
/// - Long-form tables, each `report_id` → `reports.id` ON DELETE CASCADE, a `pointer` (JSON
///   Pointer into the report) and the row/column position:
///   `narrative(measure, value)`, `driver_days(row_index, grp, driver, is_total, days_hundredths, days)`,
///   `helpdesk_emails(row_index, col_index, month, category, is_total, count)`,
///   `website_statistics(row_index, col_index, month, metric, value)`,
///   `party_statistics(row_index, col_index, month, measure, count)`,
///   `voting_groups(row_index, category, count)`,
///   `meetings(row_index, category, meeting, date_index, date)` (one row per date; `date` NULL when
///   none is printed), `modification_status(row_index, status, is_total, count)`.
///   A NULL value is a cell that is present but empty/unreadable.
/// - `findings`: `report_id` (NULL for an archive-level finding), `report` (the finding's
///   `report` label), `scope` (`report` from the
///   report's own findings, `archive` from `CrossReportRules`), and the `Finding` fields (`related`,
///   `expected`, `suggestion`, `bbox` as JSON text).
/// - `pending_conversions(file, sha256, tool_version, json_path, started_at)`: a conversion that
///   was started and not yet committed (crash recovery).
/// - Views: `monthly_values` (every number with its table, measure, month, unit, pointer) and
///   `monthly_series` (see `SeriesConsolidation`): per (table_name, measure, month) the `value` of the
///   newest report that prints it, `source_report_id`, `source_period`, `n_reports`, `n_values`
///   (distinct values), `disagree` (0/1), `min_value`, `max_value`. Since `v2` it leaves out the
///   values of rows with an empty or `label_variant`-flagged label, and prefers the more complete
///   report of a period (see `StoreViews`).
///
/// Later migrations: `v2` (`StoreViews`), `v3-provenance` (`StoreProvenance`), `v4-incremental`
/// (`StoreIncremental`: file identities, `findings.related_count`, `archive_state`, the view
/// `related_cells`).
///
/// `v1` is kept as it was first shipped (databases record which migrations they ran); later
/// changes are new migrations.
public enum StoreMigrations {
    /// The migrator holding every schema version.
    public static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE reports (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    file TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    tool_version TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('converted', 'failed', 'duplicate')),
                    reason TEXT,
                    message TEXT,
                    exit_status INTEGER,
                    signal INTEGER,
                    duplicate_of INTEGER REFERENCES reports(id) ON DELETE SET NULL,
                    json_path TEXT,
                    period TEXT,
                    reference TEXT,
                    title TEXT,
                    variant TEXT,
                    pages INTEGER,
                    producer TEXT,
                    schema_version TEXT,
                    missing_sections TEXT,
                    duration_ms INTEGER,
                    processed_at TEXT NOT NULL
                );
                CREATE INDEX reports_sha ON reports(sha256, tool_version);
                CREATE INDEX reports_period ON reports(period);

                CREATE TABLE narrative (
                    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                    measure TEXT NOT NULL,
                    value NUMERIC,
                    pointer TEXT NOT NULL,
                    PRIMARY KEY (report_id, measure)
                );
                CREATE TABLE driver_days (
                    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                    row_index INTEGER NOT NULL,
                    grp TEXT NOT NULL,
                    driver TEXT NOT NULL,
                    is_total INTEGER NOT NULL DEFAULT 0,
                    days_hundredths INTEGER,
                    days REAL,
                    pointer TEXT NOT NULL,
                    PRIMARY KEY (report_id, row_index)
                );
                CREATE TABLE helpdesk_emails (
                    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                    row_index INTEGER NOT NULL,
                    col_index INTEGER NOT NULL,
                    month TEXT,
                    category TEXT NOT NULL,
                    is_total INTEGER NOT NULL DEFAULT 0,
                    count INTEGER,
                    pointer TEXT NOT NULL,
                    PRIMARY KEY (report_id, row_index, col_index)
                );
                CREATE INDEX helpdesk_month ON helpdesk_emails(month, category);
                CREATE TABLE website_statistics (
                    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                    row_index INTEGER NOT NULL,
                    col_index INTEGER NOT NULL,
                    month TEXT,
                    metric TEXT NOT NULL,
                    value INTEGER,
                    pointer TEXT NOT NULL,
                    PRIMARY KEY (report_id, row_index, col_index)
                );
                CREATE INDEX website_month ON website_statistics(month, metric);
                CREATE TABLE party_statistics (
                    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                    row_index INTEGER NOT NULL,
                    col_index INTEGER NOT NULL,
                    month TEXT,
                    measure TEXT NOT NULL,
                    count INTEGER,
                    pointer TEXT NOT NULL,
                    PRIMARY KEY (report_id, row_index, col_index)
                );
                CREATE INDEX party_month ON party_statistics(month, measure);
                CREATE TABLE voting_groups (
                    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                    row_index INTEGER NOT NULL,
                    category TEXT NOT NULL,
                    count INTEGER,
                    pointer TEXT NOT NULL,
                    PRIMARY KEY (report_id, row_index)
                );
                CREATE TABLE meetings (
                    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                    row_index INTEGER NOT NULL,
                    category TEXT NOT NULL,
                    meeting TEXT NOT NULL,
                    date_index INTEGER NOT NULL,
                    date TEXT,
                    pointer TEXT NOT NULL,
                    PRIMARY KEY (report_id, row_index, date_index)
                );
                CREATE TABLE modification_status (
                    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                    row_index INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    is_total INTEGER NOT NULL DEFAULT 0,
                    count INTEGER,
                    pointer TEXT NOT NULL,
                    PRIMARY KEY (report_id, row_index)
                );
                CREATE TABLE findings (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    report_id INTEGER REFERENCES reports(id) ON DELETE CASCADE,
                    scope TEXT NOT NULL CHECK (scope IN ('report', 'archive')),
                    report TEXT,
                    code TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
                    pointer TEXT NOT NULL,
                    related TEXT NOT NULL,
                    printed TEXT,
                    expected TEXT,
                    message TEXT NOT NULL,
                    suggestion TEXT,
                    page INTEGER,
                    bbox TEXT
                );
                CREATE INDEX findings_report ON findings(report_id);
                CREATE TABLE pending_conversions (
                    file TEXT PRIMARY KEY,
                    sha256 TEXT NOT NULL,
                    tool_version TEXT NOT NULL,
                    json_path TEXT NOT NULL,
                    started_at TEXT NOT NULL
                );

                CREATE VIEW monthly_values AS
                    SELECT h.report_id, 'helpdesk' AS table_name, h.category AS measure, h.month, h.count AS value, 'count' AS unit, h.pointer
                      FROM helpdesk_emails h WHERE h.month IS NOT NULL
                    UNION ALL
                    SELECT w.report_id, 'website', w.metric, w.month, w.value, 'count', w.pointer
                      FROM website_statistics w WHERE w.month IS NOT NULL
                    UNION ALL
                    SELECT p.report_id, 'party_statistics', p.measure, p.month, p.count, 'count', p.pointer
                      FROM party_statistics p WHERE p.month IS NOT NULL
                    UNION ALL
                    SELECT n.report_id, 'narrative', n.measure, r.period, n.value,
                           CASE n.measure WHEN 'resource_days_total' THEN 'days' ELSE 'count' END, n.pointer
                      FROM narrative n JOIN reports r ON r.id = n.report_id WHERE r.period IS NOT NULL
                    UNION ALL
                    SELECT d.report_id, 'drivers', d.driver, r.period, d.days, 'days', d.pointer
                      FROM driver_days d JOIN reports r ON r.id = d.report_id WHERE r.period IS NOT NULL
                    UNION ALL
                    SELECT v.report_id, 'voting_groups', v.category, r.period, v.count, 'count', v.pointer
                      FROM voting_groups v JOIN reports r ON r.id = v.report_id WHERE r.period IS NOT NULL
                    UNION ALL
                    SELECT m.report_id, 'modification_status', m.status, r.period, m.count, 'count', m.pointer
                      FROM modification_status m JOIN reports r ON r.id = m.report_id WHERE r.period IS NOT NULL;

                CREATE VIEW monthly_series AS
                    WITH v AS (
                        SELECT mv.*, r.period AS report_period,
                               ROW_NUMBER() OVER (PARTITION BY mv.table_name, mv.measure, mv.month
                                                  ORDER BY r.period DESC, (r.variant = 'text') DESC, r.file DESC) AS rn
                          FROM monthly_values mv JOIN reports r ON r.id = mv.report_id
                         WHERE mv.value IS NOT NULL AND r.status = 'converted'
                    ),
                    agg AS (
                        SELECT table_name, measure, month, COUNT(DISTINCT report_id) AS n_reports,
                               COUNT(DISTINCT value) AS n_values, MIN(value) AS min_value, MAX(value) AS max_value
                          FROM v GROUP BY table_name, measure, month
                    )
                    SELECT v.table_name, v.measure, v.month, v.value, v.unit, v.report_id AS source_report_id,
                           v.report_period AS source_period, v.pointer AS source_pointer,
                           agg.n_reports, agg.n_values, (agg.n_values > 1) AS disagree, agg.min_value, agg.max_value
                      FROM v JOIN agg USING (table_name, measure, month)
                     WHERE v.rn = 1;
                """)
        }
        StoreViews.registerV2(&m)
        StoreProvenance.register(&m)
        StoreIncremental.register(&m)
        return m
    }
}
