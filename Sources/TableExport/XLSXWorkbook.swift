import CXLSXWriter
import Foundation
import TableLayout

/// An Excel workbook of detected tables, written by libxlsxwriter: one sheet per table, named
/// `p<page>-t<n>`; a spanning cell is a merged range; the caption, when there is one, goes in
/// the sheet's header row above the grid. libxlsxwriter is loaded (dlopen) at the first
/// workbook, not at start-up (`CXLSXWriter`).
public enum XLSXWorkbook {
    /// The workbook's bytes (written to a temporary file, which is removed).
    /// - Throws: `TableExportError` when libxlsxwriter cannot be loaded, or cannot create or close
    ///   the workbook.
    public static func render(_ tables: [DetectedTable]) throws -> [UInt8] {
        var reason: UnsafePointer<CChar>? = nil
        guard let lxw = ops_xlsxwriter_functions(&reason)?.pointee else {
            let why = reason.map { String(cString: $0) } ?? "libxlsxwriter cannot be loaded"
            throw TableExportError("xlsx output is not available: \(why); install libxlsxwriter4 (scripts/setup.sh does)")
        }
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("opsreport-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        guard let wb = lxw.workbookNew(tmp) else { throw TableExportError("cannot create an xlsx workbook in \(tmp)") }
        var perPage: [Int: Int] = [:]
        for t in tables {
            perPage[t.page, default: 0] += 1
            guard let ws = lxw.workbookAddWorksheet(wb, "p\(t.page)-t\(perPage[t.page]!)") else { continue }
            var offset: UInt32 = 0
            if let caption = t.caption { _ = lxw.worksheetWriteString(ws, 0, 0, caption, nil); offset = 2 }
            for c in t.cells {
                let r0 = UInt32(c.row) + offset, c0 = UInt16(c.col)
                if c.rowSpan > 1 || c.colSpan > 1 {
                    _ = lxw.worksheetMergeRange(ws, r0, c0, r0 + UInt32(c.rowSpan - 1), c0 + UInt16(c.colSpan - 1), c.text, nil)
                } else {
                    _ = lxw.worksheetWriteString(ws, r0, c0, c.text, nil)
                }
            }
        }
        if tables.isEmpty, let ws = lxw.workbookAddWorksheet(wb, "no tables") { _ = lxw.worksheetWriteString(ws, 0, 0, "no tables found", nil) }
        let status = lxw.workbookClose(wb)
        guard status == LXW_NO_ERROR else {
            throw TableExportError("libxlsxwriter could not write the workbook: \(String(cString: lxw.errorText(status)))")
        }
        guard let data = FileManager.default.contents(atPath: tmp) else { throw TableExportError("the xlsx workbook was not written") }
        return Array(data)
    }
}
