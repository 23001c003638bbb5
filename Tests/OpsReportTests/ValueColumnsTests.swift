import XCTest
import PDFLayout
import TableLayout

/// `ValueColumns.columns` when a table has fewer value columns than header cells (columns of
/// empty cells): every value must land in the column of the header it is printed under.
/// Generated over header widths, value alignments and widths, so a boundary rule tuned to one
/// layout fails here (seed 2970 of the layout variants: `25` left-aligned under a wide
/// `September` was cut in two by a boundary midway between header centres).
final class ValueColumnsTests: XCTestCase {
    func word(_ text: String, x0: Double, width: Double, y0: Double) -> Word {
        Word(text: text, bbox: BBox(x0: x0, y0: y0, x1: x0 + width, y1: y0 + 10), fontSize: 10, page: 1)
    }

    enum Alignment: CaseIterable { case left, centre, right }

    func testValuesOfSparseColumnsStayUnderTheirHeaders() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {   // a fixed xorshift sequence: the same cases on every run
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
        for case_ in 0..<400 {
            let alignment = Alignment.allCases[next(3)]
            let columns = 6 + next(7)
            var x = 150.0
            var heads: [Word] = []
            for j in 0..<columns {
                let width = 18.0 + Double(next(40))
                heads.append(word("H\(j)", x0: x, width: width, y0: 100))
                x += width + 1.5 + Double(next(3))
            }
            // Only some columns hold values (the others are all empty cells); a value may be
            // wider than half its header, up to the header's width.
            let filled = (0..<columns).filter { _ in next(2) == 0 }
            guard filled.count >= 2, filled.count < columns else { continue }
            var values: [Word] = []
            var lines: [TextLine] = []
            var owner: [Int] = []
            for row in 0..<4 {
                var ws: [Word] = []
                for j in filled where next(4) != 0 || row == 0 {
                    let h = heads[j].bbox
                    let width = min(h.width, 6.0 * Double(1 + next(3)))
                    let x0: Double
                    switch alignment {
                    case .left: x0 = h.x0 + 0.2
                    case .right: x0 = h.x1 - width - 0.2
                    case .centre: x0 = h.midX - width / 2
                    }
                    let w = word(String(repeating: "7", count: Int(width / 6)), x0: x0, width: width, y0: 120 + 14 * Double(row))
                    ws.append(w); values.append(w); owner.append(j)
                }
                if !ws.isEmpty { lines.append(TextLine(words: ws, page: 1)) }
            }
            let (spans, _) = ValueColumns.columns(values: values, body: lines, headerCells: heads)
            XCTAssertEqual(spans.count, columns, "case \(case_): one column per header")
            guard spans.count == columns else { continue }
            for (w, j) in zip(values, owner) {
                let inside = spans.indices.filter { spans[$0].x0 <= w.bbox.x0 + 1e-9 && w.bbox.x1 <= spans[$0].x1 + 1e-9 }
                XCTAssertEqual(inside, [j], "case \(case_) (\(alignment)): value at \(w.bbox.x0)–\(w.bbox.x1) under header \(j)")
            }
        }
    }
}
