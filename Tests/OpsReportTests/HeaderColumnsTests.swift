import XCTest
import PDFLayout
import TableLayout

/// `HeaderColumns.distinctColumns`: which header words name one column. Generated over header
/// bands of every pitch, so a rule tuned to one spacing would fail here.
final class HeaderColumnsTests: XCTestCase {
    func word(_ text: String, x0: Double, width: Double, y0: Double) -> Word {
        Word(text: text, bbox: BBox(x0: x0, y0: y0, x1: x0 + width, y1: y0 + 9), fontSize: 8, page: 1)
    }

    /// Wrapped headers (`Jun-` over `17`) are one column each; cells of one line printed tighter
    /// than their text (boxes overlapping by up to a third of a word) stay one column each.
    func testStackedWordsJoinAndOverlappingWordsOfOneLineDoNot() {
        for pitch in stride(from: 14.0, through: 40.0, by: 2.0) {
            let width = 16.0   // wider than the pitch below 16 pt: neighbours overlap
            let months = (0..<12).map { word("M\($0)-", x0: 100 + Double($0) * pitch, width: width, y0: 200) }
            let years = (0..<12).map { word("21", x0: 100 + Double($0) * pitch + 3, width: 9, y0: 210) }
            XCTAssertEqual(HeaderColumns.distinctColumns(months + years).count, 12, "pitch \(pitch)")
        }
    }

    /// A month printed whole (`Aug-21`), centred between two lines of wrapped neighbours and
    /// touching them, is a column of its own.
    func testAWholeHeaderTouchingWrappedNeighboursIsItsOwnColumn() {
        let left = word("Jul-", x0: 211.5, width: 15.2, y0: 186), under = word("21", x0: 212.3, width: 11.8, y0: 196)
        let whole = word("Aug-21", x0: 226.4, width: 34, y0: 191)
        let right = word("Sep-", x0: 258.9, width: 21.5, y0: 186), under2 = word("21", x0: 263, width: 11.8, y0: 196)
        let spans = HeaderColumns.distinctColumns([left, under, whole, right, under2])
        XCTAssertEqual(spans.count, 3)
        XCTAssertEqual(spans[1].x0, whole.bbox.x0, accuracy: 1e-9)
        XCTAssertEqual(spans[1].x1, whole.bbox.x1, accuracy: 1e-9)
    }
}
