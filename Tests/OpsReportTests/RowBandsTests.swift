import XCTest
import PDFLayout
import TableLayout

/// `RowBands.build`: which label lines belong to which row, generated over font sizes and line
/// pitches. The family: the tail of a wrapped label broken by a page break stands alone above
/// the first row of the next page; in a table whose wrapped labels print their values on their
/// first line it is no part of that row (seed 3720 of the layout variants read
/// `Correspondence Total`).
final class RowBandsTests: XCTestCase {
    func line(_ text: String, x0: Double, y0: Double, size: Double) -> TextLine {
        let w = Word(text: text, bbox: BBox(x0: x0, y0: y0, x1: x0 + Double(text.count) * 0.5 * size, y1: y0 + 1.15 * size), fontSize: size, page: 2)
        return TextLine(words: [w], page: 2)
    }

    func testALabelTailAboveTheFirstRowOfAPageIsNoPartOfItWhenLabelsAreTopAligned() {
        for size in stride(from: 7.0, through: 12.0, by: 0.5) {
            for pitchRatio in [1.0, 1.1, 1.2] {
                let pitch = pitchRatio * 1.15 * size
                let tail = line("Correspondence", x0: 60, y0: 100, size: size)
                let totalLabel = line("Total", x0: 60, y0: 100 + pitch, size: size)
                let values = line("6,756", x0: 200, y0: 100 + pitch, size: size)
                let topAligned = RowBands.WrapEvidence(top: 3, bottom: 0)
                let rows = RowBands.build(anchors: [values], labels: [tail, totalLabel], prior: topAligned)
                let total = rows.first { $0.anchor != nil }
                XCTAssertEqual(total?.labelLines.map(\.text), ["Total"], "size \(size) pitch \(pitchRatio)")
                XCTAssertEqual(rows.filter { $0.anchor == nil }.flatMap(\.labelLines).map(\.text), ["Correspondence"], "size \(size) pitch \(pitchRatio)")
                // The same lines in a table whose labels are bottom-aligned: one row.
                let bottomAligned = RowBands.build(anchors: [values], labels: [tail, totalLabel], prior: RowBands.WrapEvidence(top: 0, bottom: 3))
                XCTAssertEqual(bottomAligned.count, 1, "size \(size) pitch \(pitchRatio)")
                XCTAssertEqual(bottomAligned.first?.labelLines.map(\.text), ["Correspondence", "Total"])
            }
        }
    }

    /// Top-aligned wrapped labels of one page are their own evidence: a row of two lines with the
    /// values on the first stays whole, and the page's rows keep their lines.
    func testTopAlignedLabelsOfOnePageKeepTheirLines() {
        for size in stride(from: 7.0, through: 12.0, by: 1.0) {
            let h = 1.15 * size, pitch = 1.1 * h
            var anchors: [TextLine] = [], labels: [TextLine] = []
            var y = 100.0
            for r in 0..<4 {
                labels.append(line("Label\(r)", x0: 60, y0: y, size: size))
                anchors.append(line("\(100 + r)", x0: 200, y0: y, size: size))
                labels.append(line("tail\(r)", x0: 60, y0: y + pitch, size: size))
                y += 2 * pitch + 0.5 * h
            }
            let rows = RowBands.build(anchors: anchors, labels: labels)
            XCTAssertEqual(rows.map { $0.labelLines.map(\.text) }, (0..<4).map { ["Label\($0)", "tail\($0)"] }, "size \(size)")
            XCTAssertTrue(rows.allSatisfy { RowBands.alignment(of: $0) == .top })
        }
    }
}
