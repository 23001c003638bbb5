import XCTest
import PDFLayout
import TableLayout

/// A table set in one page column beside running text in the other: the gutter is found beside
/// the table (its right edge, the other column's left edge), not in the gap between two column
/// groups of the table, whose rows would then be cut in two. Generated over group gaps, font
/// sizes and line pitches (the table's rows and the text's lines rarely share a baseline).
final class PageColumnTableTests: XCTestCase {
    static let prose = "research examining the prevalence of risk factors among population groups at early ages and the initiation and progression of hypertension is needed because such disparities exist in the prevalence of chronic disease across the states"
        .split(separator: " ").map(String.init)

    /// `gutter`: points between the table's right edge and the running text (1–2 em of the text).
    func page(groupGap: Double, size: Double, prosePitch: Double, gutter: Double) -> (TablePDFBuilder, rows: Int) {
        var b = TablePDFBuilder()
        let top = 120.0, pitch = size * 1.35, rows = 18
        b.text("Table 6. Number of deaths and rates, by state", x: 50, baseline: top - 14, size: size + 1)
        // Two groups of two value columns (No., Rate) after the label column.
        let first = [150.0, 185.0], second = [185 + groupGap + 35, 185 + groupGap + 70]
        let header = ["No.", "Rate"]
        for (k, right) in (first + second).enumerated() { b.text(header[k % 2], x: right - Double(header[k % 2].count) * 0.5 * size, baseline: top, size: size) }
        b.text("State", x: 50, baseline: top, size: size)
        for r in 0..<rows {
            let y = top + pitch * Double(r + 1)
            b.text("State \(Character(UnicodeScalar(65 + r)!))", x: 50, baseline: y, size: size)
            for (k, right) in (first + second).enumerated() {
                b.number(String(100 + 37 * r + 11 * k), right: right, baseline: y, size: size)
            }
        }
        // The right page column: running text from the table's top to below its bottom.
        var word = 0
        var y = top - 14
        while y < top + pitch * Double(rows + 3) {
            var x = second[1] + gutter, line: [String] = []
            while x < 560 {
                let w = Self.prose[word % Self.prose.count]
                line.append(w); word += 1
                x += (Double(w.count) * 0.5 + 0.28) * (size + 2)
            }
            b.text(line.joined(separator: " "), x: second[1] + gutter, baseline: y, size: size + 2)
            y += prosePitch
        }
        return (b, rows)
    }

    func testATableInOnePageColumnIsNotCutAtItsColumnGroups() throws {
        var n = 0
        for groupGap in [8.0, 14.0] {
            for size in [6.5, 7.5] {
                for (prosePitch, gutter) in [(11.0, 10.0), (12.5, 16.0)] {
                    let (b, rows) = page(groupGap: groupGap, size: size, prosePitch: prosePitch, gutter: gutter)
                    let doc = try PDFDocument(path: try b.write(named: "column-table-\(n).pdf"))
                    n += 1
                    let tables = try TableDetector.tables(in: doc)[0].tables
                    let label = "gap \(groupGap), \(size) pt, text pitch \(prosePitch), gutter \(gutter)"
                    let table = tables.first { $0.cells.contains { $0.text == "State A" } }
                    XCTAssertEqual(table?.columnCount, 5, "\(label): \(tables.map(\.grid))")
                    XCTAssertEqual(table?.grid.filter { $0.first??.hasPrefix("State ") == true }.count, rows, label)
                    XCTAssertFalse(table?.cells.contains { $0.text.contains("prevalence") } ?? true, "\(label): the running text is not in the table")
                }
            }
        }
    }
}
