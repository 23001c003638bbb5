import XCTest
import PDFLayout
import TableLayout

/// `TableDetector` on PDFs generated here with known cells (no outside data).
final class TablesDetectionTests: XCTestCase {
    func detect(_ b: TablePDFBuilder, _ name: String) throws -> [PageTables] {
        let doc = try PDFDocument(path: try b.write(named: name))
        return try TableDetector.tables(in: doc)
    }

    func assertCells(_ t: DetectedTable, _ expected: [(Int, Int, Int, String)], file: StaticString = #filePath, line: UInt = #line) {
        let got = t.cells.map { "\($0.row),\($0.col),\($0.colSpan): \($0.text)" }
        let want = expected.map { "\($0.0),\($0.1),\($0.2): \($0.3)" }
        XCTAssertEqual(got, want, file: file, line: line)
    }

    func testUnruledTableWithSpanningHeadersWrappedLabelAndCaption() throws {
        let pages = try detect(TableFixtures.unruled(), "unruled.pdf")
        XCTAssertEqual(pages.count, 1)
        let tables = pages[0].tables
        XCTAssertEqual(tables.count, 1, "the paragraph under the table is not a table")
        let t = tables[0]
        XCTAssertEqual(t.page, 1)
        XCTAssertEqual(t.caption, "Table 1: Fruit sales by region")
        XCTAssertEqual(t.rowCount, 5); XCTAssertEqual(t.columnCount, 5)
        XCTAssertFalse(t.ruled)
        assertCells(t, TableFixtures.unruledCells)
        // Boxes are in the words' space (top-left origin): the table lies between its caption and the prose.
        XCTAssertGreaterThan(t.bbox.y0, 100); XCTAssertLessThan(t.bbox.y1, 250)
        XCTAssertEqual(t.bbox.x0, 72, accuracy: 1)
    }

    func testRuledGridJoinsTheLinesOfOneCell() throws {
        let pages = try detect(TableFixtures.ruled(), "ruled.pdf")
        let tables = pages[0].tables
        XCTAssertEqual(tables.count, 1)
        XCTAssertTrue(tables[0].ruled, "rows cut by the rules")
        XCTAssertNil(tables[0].caption)
        assertCells(tables[0], TableFixtures.ruledCells)
        XCTAssertEqual(pages[0].rulings.filter(\.horizontal).count, 5)
        XCTAssertEqual(pages[0].rulings.filter { !$0.horizontal }.count, 4)
    }

    func testTwoTablesOnAPageAndAPageOfProse() throws {
        let pages = try detect(TableFixtures.twoTablesAndProse(), "two.pdf")
        XCTAssertEqual(pages.map(\.tables.count), [2, 0])
        assertCells(pages[0].tables[0], TableFixtures.unruledCells)
        assertCells(pages[0].tables[1], TableFixtures.ruledCells)
    }

    func testTypewriterDoubleSpacesAreNotColumnsButWideGapsAre() throws {
        let tables = try detect(TableFixtures.typewriter(), "typewriter.pdf")[0].tables
        XCTAssertEqual(tables.count, 1, "\(tables.map(\.grid))")
        XCTAssertEqual(tables.first?.grid, [["Age", "Males", "Females"], ["0-4", "1,204", "1,187"], ["5-9", "1,311", "1,290"], ["10-14", "1,350", "1,298"]])
    }

    func testRulingLinesAreFoundWhereDrawnAndNotInText() throws {
        var b = TablePDFBuilder()
        b.rule(x0: 100, y0: 200, x1: 400, y1: 200)
        b.rule(x0: 150, y0: 250, x1: 150, y1: 450, width: 0.5)
        b.text("IIIIIIIIIIIIIIIIIIIIIIIIIIIIIIII ________", x: 100, baseline: 500, size: 14)
        let doc = try PDFDocument(path: try b.write(named: "rules.pdf"))
        let page = try doc.page(1)
        let bitmap = try doc.render(page: 1, scale: DetectionSettings.standard.renderScale)
        let rules = RulingLines.find(in: bitmap, em: 10, words: page.words)
        let h = rules.filter(\.horizontal), v = rules.filter { !$0.horizontal }
        XCTAssertTrue(h.contains { abs($0.at - 200) < 1 && abs($0.from - 100) < 1.5 && abs($0.to - 400) < 1.5 }, "\(h)")
        XCTAssertTrue(v.contains { abs($0.at - 150) < 1 && abs($0.from - 250) < 1.5 && abs($0.to - 450) < 1.5 }, "\(v)")
        XCTAssertFalse(rules.contains { $0.bbox.midY > 480 && $0.bbox.midY < 505 && !$0.horizontal }, "glyph stems are not rules")
    }
}
