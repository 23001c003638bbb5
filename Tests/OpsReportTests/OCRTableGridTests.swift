import XCTest
@testable import OCR

/// `TableGrid.find` on generated lattices of a scanned page: a filled header band on top (its
/// edges count as rules), the rule under the band found only in pieces (header text and the
/// scanner break it; the pieces need not reach the table's edges) and the inner column rules
/// starting below the band, as on the corpus scans. However the rules arrive, the band and the
/// body are one table: its first row boundary is the band's top, so the header cells are read.
final class OCRTableGridTests: XCTestCase {
    static let scale = 300.0 / 72
    static let cases = 300

    func testAHeaderBandAndTheBodyUnderItsBrokenRuleAreOneTable() {
        var rng = SeededRandom(seed: 13)
        for n in 0..<Self.cases {
            var xs = [200]
            for _ in 0..<Int.random(in: 2...14, using: &rng) { xs.append(xs.last! + Int.random(in: 60...300, using: &rng)) }
            let top = Int.random(in: 100...900, using: &rng), bandHeight = Int.random(in: 60...140, using: &rng)
            var ys = [top, top + bandHeight]
            for _ in 0..<Int.random(in: 2...14, using: &rng) { ys.append(ys.last! + Int.random(in: 50...110, using: &rng)) }
            let left = xs.first!, right = xs.last!, bottom = ys.last!
            let band = PixelRect(x0: left, y0: top, x1: right + 1, y1: top + bandHeight + 1)

            func rule(_ p: Int, _ a: Int, _ b: Int) -> Rule { Rule(position: p, start: a, end: b, thickness: 3, lo: p - 1, hi: p + 1) }
            var horizontal = [rule(top, left, right)]
            // The rule under the band in pieces, cut at chosen column rules, ends pulled in.
            let inner = Array(xs.dropFirst().dropLast())
            let cuts = inner.filter { _ in rng.chance(0.3) }
            var edges = [left] + cuts + [right]
            edges = Array(Set(edges)).sorted()
            for (a, b) in zip(edges, edges.dropFirst()) where b - a > 40 {
                let a1 = a + Int.random(in: 0...min(60, (b - a) / 3), using: &rng), b1 = b - Int.random(in: 0...min(60, (b - a) / 3), using: &rng)
                horizontal.append(rule(ys[1], a1, b1))
            }
            for y in ys.dropFirst(2) { horizontal.append(rule(y, left, right)) }
            var vertical = [rule(left, top, bottom), rule(right, top, bottom)]
            for x in inner { vertical.append(rule(x, ys[1] + 1, bottom)) }
            horizontal.shuffle(using: &rng); vertical.shuffle(using: &rng)

            let grids = TableGrid.find(horizontal: horizontal, vertical: vertical, bands: [band], scale: Self.scale)
            let label = "case \(n) (seed 13): \(xs.count - 1) columns, \(ys.count - 1) rows, rule under the band in \(edges.count - 1) piece(s)"
            XCTAssertEqual(grids.count, 1, label)
            XCTAssertEqual(grids.first?.rows, ys, label)
            XCTAssertEqual(grids.first?.columns, xs, label)
        }
    }
}
