import Foundation
import OpsReport
import CSV
import TableExport
import GRDB

/// Tidy CSV export of an archive database (CSV.swift's `CSVWriter`), plus its
/// `datapackage.json` (see `DataPackage`). Each file is written to a temporary name and renamed.
///
/// Files (UTF-8, comma, header row, `\n` line ends, empty field = missing):
/// - `values.csv`: one printed number per row: `report, period, table, measure, month, value, unit, pointer,
///   page, bbox_x0, bbox_y0, bbox_x1, bbox_y1` (where it was printed: 1-based page, box in PDF points,
///   origin top-left, y down).
/// - `series.csv`: the consolidated monthly series: `table, measure, month, value, unit,
///   source_report, source_period, n_reports, n_values, disagree, min_value, max_value`.
/// - `reports.csv`: one row per input file: `report, file, sha256, tool_version, status, reason,
///   message, period, reference, title, variant, pages`.
/// - `findings.csv`: `report, period, scope, code, severity, pointer, page, bbox_x0, bbox_y0, bbox_x1,
///   bbox_y1, printed, expected, suggestion_value, suggestion_confidence, suggestion_rationale, related,
///   related_count, message` (values as plain text, lists joined with `; `: `related` pointers,
///   a list `expected` or `suggestion_value`;
///   `related_count` their full number when `related` names only a few).
/// - `meetings.csv`: `report, period, category, meeting, date`.
public enum CSVExport {
    /// A CSV file: its name and its columns (used by the data package too).
    public struct Table {
        public var name: String
        public var columns: [String]
        public var sql: String
    }

    /// The exported tables, in order.
    public static let tables: [Table] = [
        Table(name: "values", columns: ["report", "period", "table", "measure", "month", "value", "unit", "pointer",
                                        "page", "bbox_x0", "bbox_y0", "bbox_x1", "bbox_y1"], sql: """
            SELECT r.name, r.period, v.table_name, v.measure, v.month, v.value, v.unit, v.pointer,
                   p.page, p.x0, p.y0, p.x1, p.y1
              FROM monthly_values v JOIN reports r ON r.id = v.report_id
              LEFT JOIN provenance p ON p.report_id = v.report_id AND p.pointer = v.pointer
             WHERE r.status = 'converted'
             ORDER BY r.name, v.table_name, v.measure, v.month, v.pointer
            """),
        Table(name: "series", columns: ["table", "measure", "month", "value", "unit", "source_report", "source_period",
                                        "n_reports", "n_values", "disagree", "min_value", "max_value"], sql: """
            SELECT s.table_name, s.measure, s.month, s.value, s.unit, r.name, s.source_period, s.n_reports, s.n_values,
                   CASE s.disagree WHEN 1 THEN 'true' ELSE 'false' END, s.min_value, s.max_value
              FROM monthly_series s JOIN reports r ON r.id = s.source_report_id
             ORDER BY s.table_name, s.measure, s.month
            """),
        Table(name: "reports", columns: ["report", "file", "sha256", "tool_version", "status", "reason", "message", "period",
                                         "reference", "title", "variant", "pages"], sql: """
            SELECT name, file, sha256, tool_version, status, reason, message, period, reference, title, variant, pages
              FROM reports ORDER BY name, id
            """),
        // Plain text, not JSON: `expected` and `suggestion_value` as printed (`Core`, `1149`),
        // `related` as pointers joined with "; " (as any list value); page and box from the finding, else from
        // the provenance of its pointer.
        Table(name: "findings", columns: ["report", "period", "scope", "code", "severity", "pointer", "page",
                                          "bbox_x0", "bbox_y0", "bbox_x1", "bbox_y1", "printed", "expected",
                                          "suggestion_value", "suggestion_confidence", "suggestion_rationale", "related", "related_count", "message"], sql: """
            SELECT r.name, r.period, f.scope, f.code, f.severity, f.pointer, COALESCE(f.page, p.page),
                   COALESCE(json_extract(f.bbox, '$[0]'), p.x0), COALESCE(json_extract(f.bbox, '$[1]'), p.y0),
                   COALESCE(json_extract(f.bbox, '$[2]'), p.x1), COALESCE(json_extract(f.bbox, '$[3]'), p.y1),
                   f.printed,
                   CASE WHEN json_type(f.expected) = 'array' THEN (SELECT group_concat(j.value, '; ') FROM json_each(f.expected) j)
                        ELSE json_extract(f.expected, '$') END,
                   CASE WHEN json_type(f.suggestion, '$.value') = 'array' THEN (SELECT group_concat(j.value, '; ') FROM json_each(f.suggestion, '$.value') j)
                        ELSE json_extract(f.suggestion, '$.value') END,
                   json_extract(f.suggestion, '$.confidence'),
                   json_extract(f.suggestion, '$.rationale'),
                   (SELECT group_concat(j.value, '; ') FROM json_each(f.related) j), f.related_count, f.message
              FROM findings f LEFT JOIN reports r ON r.id = f.report_id
              LEFT JOIN provenance p ON p.report_id = f.report_id AND p.pointer = f.pointer
             ORDER BY r.name, f.scope, f.id
            """),
        Table(name: "meetings", columns: ["report", "period", "category", "meeting", "date"], sql: """
            SELECT r.name, r.period, m.category, m.meeting, m.date
              FROM meetings m JOIN reports r ON r.id = m.report_id
             ORDER BY r.name, m.row_index, m.date_index
            """),
    ]

    /// The UTF-8 byte order mark that makes Excel read a CSV file as UTF-8.
    public static let utf8BOM = Data([0xEF, 0xBB, 0xBF])

    /// Writes every table and `datapackage.json` into `directory` (created if needed).
    /// - Parameter bom: start each CSV with the UTF-8 byte order mark (for Excel, which otherwise
    ///   reads non-ASCII text as Windows-1252); the data package then says `utf-8-sig`.
    /// - Throws: `CSVError`, a database error, or a file-system error.
    public static func export(store: ArchiveStore, to directory: String, bom: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try store.dbQueue.read { db in
            for t in tables {
                let data = (bom ? utf8BOM : Data()) + (try render(db, t))
                try AtomicFile.write(data, to: directory + "/\(t.name).csv")
            }
        }
        try AtomicFile.write(DataPackage.descriptor(encoding: bom ? "utf-8-sig" : "utf-8"), to: directory + "/datapackage.json")
    }

    static func render(_ db: Database, _ t: Table) throws -> Data {
        let stream = OutputStream.toMemory()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: t.columns)
        let valueColumns: Set<String> = ["value", "min_value", "max_value"]
        let boxColumns: Set<String> = ["bbox_x0", "bbox_y0", "bbox_x1", "bbox_y1"]
        let cursor = try Row.fetchCursor(db, sql: t.sql)
        while let row = try cursor.next() {
            let unit: String? = t.columns.contains("unit") ? row[t.columns.firstIndex(of: "unit")!] : nil
            let fields = t.columns.indices.map { i -> String in
                let v = row[i] as DatabaseValue
                if valueColumns.contains(t.columns[i]) { return format(v, days: unit == "days") }
                if boxColumns.contains(t.columns[i]), case .double(let d) = v.storage { return String(format: "%.2f", d) }
                switch v.storage {
                case .null: return ""
                case .int64(let n): return String(n)
                case .double(let d): return String(d)
                case .string(let s): return SpreadsheetCell.escaped(s)
                case .blob(let b): return b.base64EncodedString()
                }
            }
            try writer.write(row: fields)
        }
        stream.close()
        var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        data.append(0x0A)
        return data
    }

    /// A number as printed: `1149`; days with two decimals, `223.75`.
    static func format(_ v: DatabaseValue, days: Bool) -> String {
        switch v.storage {
        case .null: return ""
        case .int64(let n): return days ? String(format: "%.2f", Double(n)) : String(n)
        case .double(let d): return days ? String(format: "%.2f", d) : (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d))
        case .string(let s): return SpreadsheetCell.escaped(s)
        case .blob: return ""
        }
    }
}
