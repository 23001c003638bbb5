import XCTest
import PDFLayout
import TableExport
import TableLayout

/// Every output format of `opsreport tables`, on a table with a spanning cell, a comma, a quote,
/// a pipe and a line break in its texts.
final class TablesExportTests: XCTestCase {
    static let table = DetectedTable(
        page: 2, bbox: BBox(x0: 10, y0: 20, x1: 200, y1: 80), caption: "Table 4: Costs", rowCount: 3, columnCount: 3,
        cells: [DetectedCell(row: 0, col: 1, colSpan: 2, text: "Cost, EUR", bbox: BBox(x0: 60, y0: 20, x1: 190, y1: 30)),
                DetectedCell(row: 1, col: 0, text: "Item", bbox: BBox(x0: 10, y0: 35, x1: 40, y1: 45)),
                DetectedCell(row: 1, col: 1, text: "2019", bbox: BBox(x0: 60, y0: 35, x1: 90, y1: 45)),
                DetectedCell(row: 1, col: 2, text: "2020", bbox: BBox(x0: 150, y0: 35, x1: 190, y1: 45)),
                DetectedCell(row: 2, col: 0, text: "a \"b\" | c", bbox: BBox(x0: 10, y0: 50, x1: 40, y1: 60)),
                DetectedCell(row: 2, col: 2, text: "1.5", bbox: BBox(x0: 170, y0: 50, x1: 190, y1: 60))],
        columnEdges: [10, 50, 120, 200], rowEdges: [20, 32, 47, 80], ruled: false)

    func text(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }

    func testJSONHasPageBoxCaptionAndCellsWithSpans() throws {
        let obj = try JSONSerialization.jsonObject(with: Data(TableExporter.render([Self.table], as: .json))) as! [String: Any]
        let t = (obj["tables"] as! [[String: Any]])[0]
        XCTAssertEqual(t["page"] as? Int, 2)
        XCTAssertEqual(t["caption"] as? String, "Table 4: Costs")
        XCTAssertEqual(t["bbox"] as? [Double], [10, 20, 200, 80])
        let cells = t["cells"] as! [[String: Any]]
        XCTAssertEqual(cells.count, 6)
        XCTAssertEqual(cells[0]["row"] as? Int, 0); XCTAssertEqual(cells[0]["col"] as? Int, 1)
        XCTAssertEqual(cells[0]["row_span"] as? Int, 1); XCTAssertEqual(cells[0]["col_span"] as? Int, 2)
        XCTAssertEqual(cells[0]["text"] as? String, "Cost, EUR")
        XCTAssertEqual(cells[0]["bbox"] as? [Double], [60, 20, 190, 30])
        // No table: an empty list, and a caption-less table writes null.
        let empty = try JSONSerialization.jsonObject(with: Data(TableExporter.render([], as: .json))) as! [String: Any]
        XCTAssertEqual((empty["tables"] as? [Any])?.count, 0)
        var noCaption = Self.table; noCaption.caption = nil
        XCTAssertTrue(text(try TableExporter.render([noCaption], as: .json)).contains("\"caption\" : null"))
    }

    func testJSONLinesOneTableALine() throws {
        let lines = text(try TableExporter.render([Self.table, Self.table], as: .jsonl)).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        for l in lines {
            let t = try JSONSerialization.jsonObject(with: Data(l.utf8)) as! [String: Any]
            XCTAssertEqual((t["cells"] as? [Any])?.count, 6)
        }
    }

    func testCSVAndTSVQuoteAsNeededAndLeaveSpannedFieldsEmpty() throws {
        XCTAssertEqual(text(try TableExporter.render([Self.table], as: .csv)),
                       ",\"Cost, EUR\",\nItem,2019,2020\n\"a \"\"b\"\" | c\",,1.5\n")
        XCTAssertEqual(text(try TableExporter.render([Self.table], as: .tsv)),
                       "\tCost, EUR\t\nItem\t2019\t2020\n\"a \"\"b\"\" | c\"\t\t1.5\n")
    }

    /// A PDF's text that would run as a formula when the CSV is opened in a spreadsheet is escaped
    /// (OWASP CSV injection); signed numbers stay numbers.
    func testCSVEscapesFormulasButKeepsSignedNumbers() throws {
        var t = Self.table
        t.cells[4].text = "=HYPERLINK(\"http://x\")"
        t.cells[5].text = "-1.5"
        XCTAssertEqual(text(try TableExporter.render([t], as: .csv)),
                       ",\"Cost, EUR\",\nItem,2019,2020\n\"'=HYPERLINK(\"\"http://x\"\")\",,-1.5\n")
    }

    func testMarkdownEscapesPipes() throws {
        let md = text(try TableExporter.render([Self.table], as: .md))
        XCTAssertEqual(md, """
        ### Page 2, table 1: Table 4: Costs

        |  | Cost, EUR |  |
        | --- | --- | --- |
        | Item | 2019 | 2020 |
        | a "b" \\| c |  | 1.5 |

        """)
    }

    func testXLSXIsAWorkbookWithOneSheetPerTable() throws {
        var second = Self.table; second.page = 3
        let bytes = try TableExporter.render([Self.table, second], as: .xlsx)
        XCTAssertEqual(Array(bytes.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a zip file")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("t.xlsx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        // Read it back with Python's zipfile: sheet names, merged range, strings.
        let script = """
        import sys, zipfile, re
        z = zipfile.ZipFile(sys.argv[1])
        wb = z.read('xl/workbook.xml').decode()
        print(re.findall(r'<sheet name="([^"]+)"', wb))
        s1 = z.read('xl/worksheets/sheet1.xml').decode()
        print(re.findall(r'<mergeCell ref="([^"]+)"', s1))
        ss = z.read('xl/sharedStrings.xml').decode()
        print(sorted(set(re.findall(r'<t[^>]*>([^<]*)</t>', ss))))
        """
        let r = try CLI.run("/usr/bin/env", ["python3", "-c", script, path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(out, ["['p2-t1', 'p3-t1']", "['B3:C3']",
                             "['1.5', '2019', '2020', 'Cost, EUR', 'Item', 'Table 4: Costs', 'a \"b\" | c']"])
    }
}
