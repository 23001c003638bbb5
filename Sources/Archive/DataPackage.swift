import Foundation

/// The Frictionless Data Package descriptor (`datapackage.json`, Data Package v1 with Table
/// Schema) for the files written by `CSVExport`: field names, types (`string`, `integer`,
/// `number`, `yearmonth`, `date`, `boolean`), descriptions, primary and foreign keys.
public enum DataPackage {
    /// (name, type, description) per column, by table name.
    static let fields: [String: [(String, String, String)]] = [
        "values": [
            ("report", "string", "Input PDF, path relative to the batch folder"),
            ("period", "yearmonth", "Reporting month of the report (YYYY-MM)"),
            ("table", "string", "helpdesk, website, party_statistics, narrative, drivers, voting_groups or modification_status"),
            ("measure", "string", "Row label as printed (helpdesk category or Total, website metric, party measure, driver or Grand Total, narrative key, voting group, modification status)"),
            ("month", "yearmonth", "Month the value is for (YYYY-MM); the report's period for single-month figures"),
            ("value", "number", "The value as printed (count, or days with two decimals); empty when the cell was unreadable"),
            ("unit", "string", "count or days"),
            ("pointer", "string", "JSON Pointer of the value in the report's JSON"),
            ("page", "integer", "1-based page where it was printed"),
            ("bbox_x0", "number", "Left of its bounding box, PDF points from the page's left edge"),
            ("bbox_y0", "number", "Top of its bounding box, PDF points from the page's top edge (y grows downwards)"),
            ("bbox_x1", "number", "Right of its bounding box, PDF points"),
            ("bbox_y1", "number", "Bottom of its bounding box, PDF points"),
        ],
        "series": [
            ("table", "string", "Domain table, as in values.csv"),
            ("measure", "string", "Row label, as in values.csv"),
            ("month", "yearmonth", "Month (YYYY-MM)"),
            ("value", "number", "Value printed by the newest report that prints this month and measure (by period; for the same period text before scan, then fewer missing sections, then more values); rows with an empty or OCR-damaged label (label_variant finding) are left out"),
            ("unit", "string", "count or days"),
            ("source_report", "string", "The report the value is taken from"),
            ("source_period", "yearmonth", "Its period"),
            ("n_reports", "integer", "How many reports print this month and measure (under this label, not counting rows left out)"),
            ("n_values", "integer", "How many different values they print"),
            ("disagree", "boolean", "true when the reports print different values (a restatement)"),
            ("min_value", "number", "Smallest value printed"),
            ("max_value", "number", "Largest value printed"),
        ],
        "reports": [
            ("report", "string", "Input PDF, path relative to the batch folder"),
            ("file", "string", "Absolute path at conversion time"),
            ("sha256", "string", "SHA-256 of the file's bytes"),
            ("tool_version", "string", "opsreport version that processed it"),
            ("status", "string", "converted, failed or duplicate"),
            ("reason", "string", "Why it failed: unreadable, empty, not_pdf, damaged, password_required, wrong_password, no_text_layer, blank, not_a_report, crashed, timed_out, invalid_output, failed, launch_failed"),
            ("message", "string", "The worker's explanation"),
            ("period", "yearmonth", "Reporting month"),
            ("reference", "string", "Document reference, e.g. SECP_52_1201_11"),
            ("title", "string", "Title as printed"),
            ("variant", "string", "text or scanned"),
            ("pages", "integer", "Page count"),
        ],
        "findings": [
            ("report", "string", "Report the finding belongs to (empty for an archive gap)"),
            ("period", "yearmonth", "Its period"),
            ("scope", "string", "report (within one report) or archive (across reports)"),
            ("code", "string", "Finding code, e.g. total_row_mismatch, restatement, archive_gap"),
            ("severity", "string", "info, warning or error"),
            ("pointer", "string", "JSON Pointer of the cell concerned"),
            ("page", "integer", "1-based page where it was printed"),
            ("bbox_x0", "number", "Left of its bounding box, PDF points from the page's left edge"),
            ("bbox_y0", "number", "Top of its bounding box, PDF points from the page's top edge (y grows downwards)"),
            ("bbox_x1", "number", "Right of its bounding box, PDF points"),
            ("bbox_y1", "number", "Bottom of its bounding box, PDF points"),
            ("printed", "string", "The printed text of the cell"),
            ("expected", "string", "The value the evidence implies, as plain text (a number or a label; a list joined with \"; \")"),
            ("suggestion_value", "string", "The proposed correction, as plain text (a list joined with \"; \"); empty when none is proven"),
            ("suggestion_confidence", "string", "high, medium or low"),
            ("suggestion_rationale", "string", "Why the correction is proposed"),
            ("related", "string", "JSON Pointers of the cells forming the evidence, joined with \"; \""),
            ("related_count", "integer", "How many cells form the evidence when related lists only some of them; empty when it lists all"),
            ("message", "string", "Explanation"),
        ],
        "meetings": [
            ("report", "string", "Input PDF"),
            ("period", "yearmonth", "Reporting month"),
            ("category", "string", "Meeting category"),
            ("meeting", "string", "Meeting name"),
            ("date", "date", "Meeting date (YYYY-MM-DD); empty when none is printed"),
        ],
    ]

    static let keys: [String: (primary: [String]?, foreign: [String: Any]?)] = [
        "values": (["report", "pointer"], ["fields": "report", "reference": ["resource": "reports", "fields": "report"]]),
        "series": (["table", "measure", "month"], nil),
        "reports": (["report"], nil),
        "findings": (nil, nil),
        "meetings": (nil, nil),
    ]

    /// The descriptor as pretty-printed JSON with sorted keys.
    /// - Parameter encoding: the CSV files' encoding: `utf-8`, or `utf-8-sig` with a byte order mark.
    public static func descriptor(created: Date = Date(), encoding: String = "utf-8") throws -> Data {
        var resources: [[String: Any]] = []
        for t in CSVExport.tables {
            let f = fields[t.name]!
            precondition(f.map(\.0) == t.columns, "data package fields out of step with \(t.name).csv")
            var schema: [String: Any] = [
                "fields": f.map { ["name": $0.0, "type": $0.1, "description": $0.2] },
                "missingValues": [""],
            ]
            if let pk = keys[t.name]?.primary { schema["primaryKey"] = pk }
            if let fk = keys[t.name]?.foreign { schema["foreignKeys"] = [fk] }
            resources.append([
                "name": t.name, "path": "\(t.name).csv", "profile": "tabular-data-resource",
                "format": "csv", "mediatype": "text/csv", "encoding": encoding,
                "dialect": ["delimiter": ",", "header": true, "doubleQuote": true, "lineTerminator": "\n"],
                "schema": schema,
            ])
        }
        let package: [String: Any] = [
            "profile": "tabular-data-package",
            "name": "secas-operations-reports",
            "title": "SECAS Operations Reports: extracted tables",
            "description": "Values printed in SECAS monthly Operations Reports, extracted by opsreport, one value per row, with the consolidated monthly series and the findings.",
            "created": ISO8601DateFormatter().string(from: created),
            "resources": resources,
        ]
        return try JSONSerialization.data(withJSONObject: package, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
