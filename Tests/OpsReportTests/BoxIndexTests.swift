import XCTest
import PDFLayout
@testable import TableLayout

/// `BoxIndex` answers a superset of the boxes that touch a query, whatever the boxes: the
/// stages that use it (overprint removal) read exactly as comparing every pair would.
final class BoxIndexTests: XCTestCase {
    func touches(_ a: BBox, _ b: BBox) -> Bool {
        a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1
    }

    func testCandidatesHoldEveryTouchingBox() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<50 {
            var index = BoxIndex(cellSize: [4, 16, 50][round % 3])
            var boxes: [BBox] = []
            for i in 0..<300 {
                let x = Double.random(in: -50...700, using: &rng), y = Double.random(in: -50...900, using: &rng)
                var w = Double.random(in: 0...60, using: &rng), h = Double.random(in: 0...20, using: &rng)
                if i % 37 == 0 { w = 5000 }           // wider than the index files by cell
                if i % 53 == 0 { h = -3 }             // inverted
                var b = BBox(x0: x, y0: y, x1: x + w, y1: y + h)
                if i % 71 == 0 { b.x0 = 1e300 }        // hostile coordinate
                if i % 89 == 0 { b.y1 = .nan }
                index.insert(b, id: i)
                boxes.append(b)
            }
            for q in boxes.prefix(100) {
                let got = index.candidates(q)
                XCTAssertEqual(got, Array(Set(got)).sorted(), "each once, in order")
                for (i, b) in boxes.enumerated() where touches(b, q) {
                    XCTAssertTrue(got.contains(i), "box \(b) touches \(q) but is not a candidate")
                }
            }
        }
    }
}
