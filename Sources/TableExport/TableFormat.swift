import TableLayout

/// The output formats of `opsreport tables`.
public enum TableFormat: String, CaseIterable, Sendable {
    /// One JSON document `{"tables": [...]}` (see `TableJSON`).
    case json
    /// Comma-separated values, one file per table.
    case csv
    /// Tab-separated values, one file per table.
    case tsv
    /// JSON Lines: one table object a line.
    case jsonl
    /// Markdown pipe tables, for reading.
    case md
    /// An Excel workbook, one sheet per table (libxlsxwriter).
    case xlsx

    /// Whether the format holds one table per file (several tables: several files).
    public var onePerTable: Bool { self == .csv || self == .tsv }

    /// File name extension.
    public var fileExtension: String { rawValue }
}

/// Renders tables in a format as bytes.
public enum TableExporter {
    /// The bytes of `tables` in `format`: for `csv`/`tsv` one table (pass one), else all.
    /// - Throws: `TableExportError` when the xlsx workbook cannot be written.
    public static func render(_ tables: [DetectedTable], as format: TableFormat) throws -> [UInt8] {
        switch format {
        case .json: return TableJSON.document(tables)
        case .jsonl: return TableJSON.lines(tables)
        case .csv: return DelimitedText.render(tables.first, delimiter: ",")
        case .tsv: return DelimitedText.render(tables.first, delimiter: "\t")
        case .md: return MarkdownTables.render(tables)
        case .xlsx: return try XLSXWorkbook.render(tables)
        }
    }
}

/// Why an export failed.
public struct TableExportError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
