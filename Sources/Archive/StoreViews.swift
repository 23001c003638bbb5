import GRDB

/// The current definition of the `monthly_series` view (migration `v2`; `v1` had a simpler one).
///
/// Per (`table_name`, `measure`, `month`): the `value` of the newest report that prints it, with
/// `source_report_id`, `source_period`, `source_pointer`, `n_reports`, `n_values` (distinct
/// values), `disagree` (0/1), `min_value`, `max_value`.
///
/// - Which values take part: every non-NULL value of `monthly_values` of a converted report,
///   except the values of a row whose label (`measure`) is empty, and the values of a row whose
///   label the cross-report rule `label_variant` flags for that report (a `findings` row of the
///   report with code `label_variant` whose pointer is the row's label pointer, e.g.
///   `/helpdesk/rows/5/category` for the values `/helpdesk/rows/5/counts/N`). Such labels are
///   OCR damage (`Pana Correspondence`, `clo`) and would otherwise start series of their own. The
///   long-form tables and `monthly_values` keep those values; only the consolidation leaves them out.
/// - Which report is the newest: the later `period`; for the same period a `text` variant before
///   a scan, then fewer `missing_sections`, then more values in `monthly_values`, then the larger
///   `file` path. `SeriesConsolidation` implements the same rules in Swift.
enum StoreViews {
    /// Letters stripped from the end of a label pointer to get its row prefix (`/helpdesk/rows/5/`).
    static let labelKeyLetters = "abcdefghijklmnopqrstuvwxyz_"

    static let monthlySeries = """
        CREATE VIEW monthly_series AS
            WITH flagged AS (
                SELECT f.report_id, rtrim(f.pointer, '\(labelKeyLetters)') AS row_prefix
                  FROM findings f
                 WHERE f.code = 'label_variant' AND f.report_id IS NOT NULL AND f.pointer LIKE '/%/rows/%/%'
            ),
            counts AS (
                SELECT report_id, COUNT(*) AS n_printed FROM monthly_values WHERE value IS NOT NULL GROUP BY report_id
            ),
            v AS (
                SELECT mv.*, r.period AS report_period,
                       ROW_NUMBER() OVER (PARTITION BY mv.table_name, mv.measure, mv.month
                                          ORDER BY r.period DESC, (r.variant = 'text') DESC,
                                                   COALESCE(json_array_length(r.missing_sections), 0) ASC,
                                                   c.n_printed DESC, r.file DESC) AS rn
                  FROM monthly_values mv
                  JOIN reports r ON r.id = mv.report_id
                  JOIN counts c ON c.report_id = mv.report_id
                 WHERE mv.value IS NOT NULL AND r.status = 'converted' AND mv.measure <> ''
                   AND NOT EXISTS (SELECT 1 FROM flagged g
                                    WHERE g.report_id = mv.report_id AND substr(mv.pointer, 1, length(g.row_prefix)) = g.row_prefix)
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
             WHERE v.rn = 1
        """

    /// Migration `v2`: `monthly_series` leaves out empty and `label_variant` labels and breaks
    /// ties by completeness (see the type's documentation).
    static func registerV2(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2") { db in
            try db.execute(sql: "DROP VIEW IF EXISTS monthly_series")
            try db.execute(sql: monthlySeries)
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS findings_code ON findings(code, report_id)")
        }
    }
}
