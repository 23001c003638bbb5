import CXLSXWriter
import Foundation
import TableLayout

/// An Excel workbook of detected tables, written by libxlsxwriter: one sheet per table, named
/// `p<page>-t<n>`; a spanning cell is a merged range; the caption, when there is one, goes in
/// the sheet's header row above the grid.
public enum XLSXWorkbook {
    /// The workbook's bytes (written to a temporary file, which is removed).
    /// - Throws: `TableExportError` when libxlsxwriter cannot create or close the workbook.
    public static func render(_ tables: [DetectedTable]) throws -> [UInt8] {
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("opsreport-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        guard let wb = workbook_new(tmp) else { throw TableExportError("cannot create an xlsx workbook in \(tmp)") }
        var perPage: [Int: Int] = [:]
        for t in tables {
            perPage[t.page, default: 0] += 1
            guard let ws = workbook_add_worksheet(wb, "p\(t.page)-t\(perPage[t.page]!)") else { continue }
            var offset: UInt32 = 0
            if let caption = t.caption { worksheet_write_string(ws, 0, 0, caption, nil); offset = 2 }
            for c in t.cells {
                let r0 = UInt32(c.row) + offset, c0 = UInt16(c.col)
                if c.rowSpan > 1 || c.colSpan > 1 {
                    worksheet_merge_range(ws, r0, c0, r0 + UInt32(c.rowSpan - 1), c0 + UInt16(c.colSpan - 1), c.text, nil)
                } else {
                    worksheet_write_string(ws, r0, c0, c.text, nil)
                }
            }
        }
        if tables.isEmpty, let ws = workbook_add_worksheet(wb, "no tables") { worksheet_write_string(ws, 0, 0, "no tables found", nil) }
        let status = workbook_close(wb)
        guard status == LXW_NO_ERROR else {
            throw TableExportError("libxlsxwriter could not write the workbook: \(String(cString: lxw_strerror(status)))")
        }
        guard let data = FileManager.default.contents(atPath: tmp) else { throw TableExportError("the xlsx workbook was not written") }
        return Array(data)
    }
}
