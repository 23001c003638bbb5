import Foundation
import PDFLayout
import TableLayout

/// JSON of detected tables:
/// `{"tables": [{"page": 1, "bbox": [x0, y0, x1, y1], "caption": "…"|null, "rows": R, "cols": C,
/// "cells": [{"row": 0, "col": 0, "row_span": 1, "col_span": 1, "text": "…", "bbox": […]}]}]}`.
/// Keys are sorted (stable output); pages are 1-based; boxes PDF points, origin top-left, y
/// down, rounded to 0.01 pt.
public enum TableJSON {
    struct Cell: Encodable {
        var row: Int, col: Int, row_span: Int, col_span: Int, text: String, bbox: BBox
    }
    struct Table: Encodable {
        var page: Int, bbox: BBox, caption: String?, rows: Int, cols: Int, cells: [Cell]
        enum CodingKeys: String, CodingKey { case page, bbox, caption, rows, cols, cells }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(page, forKey: .page); try c.encode(bbox, forKey: .bbox)
            try c.encode(caption, forKey: .caption)   // null when none, not left out
            try c.encode(rows, forKey: .rows); try c.encode(cols, forKey: .cols); try c.encode(cells, forKey: .cells)
        }
        init(_ t: DetectedTable) {
            page = t.page; bbox = t.bbox; caption = t.caption; rows = t.rowCount; cols = t.columnCount
            cells = t.cells.map { Cell(row: $0.row, col: $0.col, row_span: $0.rowSpan, col_span: $0.colSpan, text: $0.text, bbox: $0.bbox) }
        }
    }
    struct Document: Encodable { var tables: [Table] }

    static func encoder(pretty: Bool) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// The whole document, pretty-printed, ending in a newline.
    public static func document(_ tables: [DetectedTable]) -> [UInt8] {
        let data = (try? encoder(pretty: true).encode(Document(tables: tables.map(Table.init)))) ?? Data("{\"tables\":[]}".utf8)
        return Array(data) + [0x0A]
    }

    /// One compact table object a line.
    public static func lines(_ tables: [DetectedTable]) -> [UInt8] {
        let e = encoder(pretty: false)
        return tables.flatMap { t in Array((try? e.encode(Table(t))) ?? Data()) + [0x0A] }
    }
}
