import XCTest
@testable import OpsReport
import PDFLayout
import TableLayout

/// The key-value, meetings and voting-group tables set at 7 to 12 pt with every position in
/// em: the layout stages' tolerances are em and line units (`TableSettings`), so each size
/// reads the same.
final class TableStageScaleTests: XCTestCase {
    static let sizes: [Double] = [7, 8, 9, 10, 11, 12]

    /// Words of `text` from x (em) on the line whose top is y (em), set at `size` pt: glyphs
    /// 0.55 em wide, word spaces 0.28 em, glyph boxes 1.15 em high.
    func phrase(_ text: String, x: Double, y: Double, size: Double, rightEdge: Bool = false) -> [Word] {
        let parts = text.split(separator: " ").map(String.init)
        let total = parts.map { 0.55 * Double($0.count) }.reduce(0, +) + 0.28 * Double(parts.count - 1)
        var cx = rightEdge ? x - total : x
        var out: [Word] = []
        for p in parts {
            let w = 0.55 * Double(p.count)
            out.append(Word(text: p, bbox: BBox(x0: cx * size, y0: y * size, x1: (cx + w) * size, y1: (y + 1.15) * size),
                            fontSize: size, fontName: "Helvetica", page: 1))
            cx += w + 0.28
        }
        return out
    }

    func region(_ words: [Word], size: Double) -> TableRegion {
        let caption = TextLine(words: phrase("Table 9: Something", x: 4, y: 60, size: size), page: 1)
        return TableRegion(caption: caption, segments: [LineBuilder.lines(words)])
    }

    func testKeyValueTableReadsAlikeAtEverySize() throws {
        let drivers = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
        for s in Self.sizes {
            var words = phrase("Driver", x: 12, y: 0, size: s) + phrase("Days", x: 31, y: 0, size: s)
            let rowY = drivers.indices.map { 1.8 + Double($0) * 1.6 }
            for (i, d) in drivers.enumerated() {
                words += phrase(d, x: 12, y: rowY[i], size: s)
                words += phrase(String(format: "%d.%02d", i + 1, i * 7), x: 34, y: rowY[i], size: s, rightEdge: true)
            }
            words += phrase("Core", x: 2, y: rowY[1], size: s)
            words += phrase("Projects", x: 2, y: (rowY[3] + rowY[4]) / 2, size: s)
            words += phrase("Grand Total", x: 2, y: rowY[4] + 1.6, size: s) + phrase("16.70", x: 34, y: rowY[4] + 1.6, size: s, rightEdge: true)
            let t = try XCTUnwrap(KeyValueTableParser.parse(region(words, size: s)), "\(s) pt")
            XCTAssertEqual(t.rows.map(\.label), drivers, "\(s) pt")
            XCTAssertEqual(t.rows.map(\.group), ["Core", "Core", "Core", "Projects", "Projects"], "\(s) pt")
            XCTAssertEqual(t.rows.map { $0.value?.text ?? "" }, ["1.00", "2.07", "3.14", "4.21", "5.28"], "\(s) pt")
            XCTAssertEqual(t.total?.value?.text, "16.70", "\(s) pt")
        }
    }

    func testMeetingsTableReadsAlikeAtEverySize() {
        for s in Self.sizes {
            var words = phrase("Category", x: 2, y: 0, size: s) + phrase("Meeting", x: 12, y: 0, size: s)
                + phrase("Date(s)", x: 30, y: 0, size: s) + phrase("Summary", x: 40, y: 0, size: s)
            let names = [("Change Board", "Meeting 12"), ("Operations Group", "Meeting 3"), ("Panel", "Review")]
            for (k, n) in names.enumerated() {
                let y = 2 + Double(k) * 4
                words += phrase(n.0, x: 12, y: y, size: s) + phrase(n.1, x: 12, y: y + 1.2, size: s)
                words += phrase("0\(k + 1)/12/2017", x: 30, y: y, size: s) + phrase("Agreed the plan", x: 40, y: y, size: s)
            }
            words += phrase("Core", x: 2, y: 2, size: s) + phrase("Other", x: 2, y: 10, size: s)
            let rows = MeetingsParser.parse(region(words, size: s))
            XCTAssertEqual(rows.map(\.meeting), ["Change Board Meeting 12", "Operations Group Meeting 3", "Panel Review"], "\(s) pt")
            XCTAssertEqual(rows.map(\.category), ["Core", "Core", "Other"], "\(s) pt")
            XCTAssertEqual(rows.map { $0.dates.map(\.iso) }, [["2017-12-01"], ["2017-12-02"], ["2017-12-03"]], "\(s) pt")
        }
    }

    func testVotingGroupsReadAlikeAtEverySize() {
        for s in Self.sizes {
            // A table row, and a chart's data label over its number.
            let words = phrase("Large Suppliers", x: 2, y: 0, size: s) + phrase("12", x: 20, y: 0, size: s)
                + phrase("Small Suppliers", x: 2, y: 3, size: s) + phrase("3", x: 5, y: 4.4, size: s)
            let pairs = VotingGroupsParser.parse(region(words, size: s))
            XCTAssertEqual(pairs.map(\.category), ["Large Suppliers", "Small Suppliers"], "\(s) pt")
            XCTAssertEqual(pairs.map(\.count), [12, 3], "\(s) pt")
        }
    }
}
