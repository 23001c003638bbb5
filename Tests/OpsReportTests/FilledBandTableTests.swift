import XCTest
import PDFLayout
import TableLayout

/// Tables whose structure is drawn with fills, not rules: white text on a coloured header band
/// (or on coloured cells) is read, and the edge of a band separates rows as a rule does. White
/// text on white paper stays unread. Generated over fill colours, font sizes and band styles.
final class FilledBandTableTests: XCTestCase {
    static let rows = [["Alpha", "1.1"], ["Beta", "0.3"], ["Gamma", "0.44"], ["Delta", "2.88"]]

    /// A two-column table: a header band filled with grey `fill` holding white `Program` and
    /// `Budget`, then the data rows right under it with no rule between. `cellBands`: the
    /// label cells are filled too (white labels on the fill, a white gap between rows), as
    /// annual reports draw them. `hidden`: a white word drawn on white paper after the table.
    func table(fill: Double, size: Double, cellBands: Bool, hidden: Bool) -> TablePDFBuilder {
        var b = TablePDFBuilder()
        let left = 90.0, valueRight = 420.0, top = 200.0, pitch = size * 2.2, bandWidth = 360.0
        func band(_ y: Double, width: Double) {
            b.append("\(fill) g \(left - 6) \(b.height - y - pitch + 2) \(width) \(pitch - 2) re f 0 g")
        }
        band(top, width: bandWidth)
        b.append("1 g")
        b.text("Program", x: left, baseline: top + pitch * 0.62, size: size)
        b.text("Budget", x: valueRight - 3 * size, baseline: top + pitch * 0.62, size: size)
        b.append("0 g")
        for (i, row) in Self.rows.enumerated() {
            let y = top + pitch * Double(i + 1)
            if cellBands { band(y, width: 240) }
            if cellBands { b.append("1 g") }
            b.text(row[0], x: left, baseline: y + pitch * 0.62, size: size)
            if cellBands { b.append("0 g") }
            b.number(row[1].replacingOccurrences(of: ".", with: ""), right: valueRight, baseline: y + pitch * 0.62, size: size)
        }
        if hidden {
            b.append("1 g")
            b.text("Secret", x: left, baseline: top + pitch * 7, size: size)
            b.text("99", x: valueRight - 2 * size, baseline: top + pitch * 7, size: size)
            b.append("0 g")
        }
        return b
    }

    func testFilledHeaderBandsAndCellsAreReadAndSeparateRows() throws {
        var cases = 0
        for fill in [0.15, 0.35, 0.5] {
            for size in [8.0, 10.0, 12.0] {
                for cellBands in [false, true] {
                    let doc = try PDFDocument(path: try table(fill: fill, size: size, cellBands: cellBands, hidden: cases % 2 == 0)
                        .write(named: "band-\(cases).pdf"))
                    let tables = try TableDetector.tables(in: doc)[0].tables
                    let label = "fill \(fill), \(size) pt, cell bands \(cellBands)"
                    XCTAssertEqual(tables.count, 1, label)
                    let want = [["Program", "Budget"]] + Self.rows.map { [$0[0], $0[1].replacingOccurrences(of: ".", with: "")] }
                    XCTAssertEqual(tables.first?.grid.map { $0.map { $0 ?? "" } }, want, label)
                    XCTAssertFalse(tables.flatMap(\.cells).contains { $0.text.contains("Secret") }, "\(label): white on white is not read")
                    cases += 1
                }
            }
        }
    }
}
