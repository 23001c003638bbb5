import XCTest
import PDFLayout
import TableLayout
@testable import OpsReport

/// The top of a month table's header band: text set close above the month line (a lead
/// sentence ending in a number, a section heading, a page title; an OCR layer keeps stray
/// marks in them) is not header, so every month cell reads exactly as printed and no month
/// is inferred. Generated over months, column pitches, font sizes, gaps and lines above;
/// a spanning year line right above the months stays in the band.
final class HeaderBandTopTests: XCTestCase {
    static let cases = 200
    static let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    func word(_ t: String, _ x: Double, _ y: Double, _ size: Double) -> Word {
        Word(text: t, bbox: BBox(x0: x, y0: y, x1: x + Double(t.count) * 0.55 * size, y1: y + size), fontSize: size, page: 1)
    }

    func testTextSetCloseAboveTheMonthsIsNotHeader() {
        var rng = SeededRandom(seed: 21)
        let prose = ["Statistics", "for", "the", "number", "of", "accessions", "and", "expulsions", "are", "detailed", "below:"]
        for n in 0..<Self.cases {
            let size = rng.pick([7.0, 9.0, 11.0]), count = Int.random(in: 3...12, using: &rng)
            let pitch = size * rng.uniform(3.2...5), labelX = 60.0, firstX = 60 + 12 * size
            let start = Int.random(in: 0..<12, using: &rng), year = Int.random(in: 2015...2030, using: &rng)
            let months = (0..<count).map { i -> (m: Int, y: Int) in ((start + i) % 12, year + (start + i) / 12) }
            var y = 100.0, lines: [TextLine] = []
            // Lines above: prose across the columns (some ending in a number), a stray mark.
            let above = Int.random(in: 1...3, using: &rng)
            for k in 0..<above {
                var x = labelX, ws: [Word] = []
                for t in prose.shuffled(using: &rng).prefix(Int.random(in: 4...prose.count, using: &rng)) {
                    ws.append(word(t, x, y, size)); x = ws.last!.bbox.x1 + 0.3 * size
                }
                if k == above - 1 || rng.chance(0.5) { ws.append(word(rng.pick(["2", "12", "~", "3.1"]), x, y, size)) }
                lines.append(TextLine(words: ws, page: 1))
                y += size * rng.uniform(1.2...1.6)
            }
            let spanning = rng.chance(0.3)
            if spanning {
                // Each year centred over its own months.
                var years: [Word] = []
                for yr in Set(months.map(\.y)).sorted() {
                    let cols = months.indices.filter { months[$0].y == yr }
                    years.append(word("\(yr)", firstX + pitch * Double(cols.first! + cols.last!) / 2, y, size))
                }
                lines.append(TextLine(words: years, page: 1))
                y += size * 1.2
            }
            let header = months.enumerated().map { i, m in
                word(spanning ? Self.names[m.m] : "\(Self.names[m.m])-\(String(m.y).suffix(2))", firstX + pitch * Double(i), y, size)
            }
            lines.append(TextLine(words: header, page: 1))
            y += size * 1.5
            for r in 0..<3 {
                let values = (0..<count).map { i in word("\(10 + r * 7 + i)", firstX + pitch * Double(i), y, size) }
                lines.append(TextLine(words: [word("Row\(r)", labelX, y, size)] + values, page: 1))
                y += size * 1.4
            }
            let last = months[count - 1]
            let period = String(format: "%04d-%02d", last.y, last.m + 1)
            let label = "case \(n) (seed 21): \(count) months from \(Self.names[months[0].m]) \(months[0].y), \(above) line(s) above, spanning year \(spanning)"
            guard let m = MonthMatrixParser.parseSegment(lines, period: period, previous: nil) else { XCTFail("no table: \(label)"); continue }
            XCTAssertEqual(m.months, months.map { String(format: "%04d-%02d", $0.y, $0.m + 1) }, label)
            XCTAssertFalse(m.monthsInferred, label)
            XCTAssertEqual(m.headerCells.map { $0?.text ?? "" }, header.map(\.text), label)
        }
    }
}
