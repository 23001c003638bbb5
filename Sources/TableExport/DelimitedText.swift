import CSV
import Foundation
import TableLayout

/// CSV and TSV of one table (CSV.swift's `CSVWriter`): one record per grid row, one field per
/// grid column; a spanning cell's text in its top-left field, the fields it covers empty. Text that
/// would start a spreadsheet formula is escaped (`SpreadsheetCell`); plain numbers are kept.
public enum DelimitedText {
    /// The table as delimited text ending in a newline; empty for no table.
    public static func render(_ table: DetectedTable?, delimiter: String) -> [UInt8] {
        guard let table else { return [] }
        let stream = OutputStream.toMemory()
        stream.open()
        guard let writer = try? CSVWriter(stream: stream, delimiter: delimiter) else { return [] }
        for row in table.grid { try? writer.write(row: row.map { SpreadsheetCell.escaped($0 ?? "") }) }
        writer.stream.close()
        var bytes = Array(stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data())
        if bytes.last != 0x0A { bytes.append(0x0A) }
        return bytes
    }
}
