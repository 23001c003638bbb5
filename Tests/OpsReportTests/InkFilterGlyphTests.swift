import XCTest
import PDFLayout
import TableLayout

/// `InkFilter.trimInvisibleGlyphs` on words built glyph by glyph, with a page whose ink is known:
/// a glyph a person cannot see leaves the word, and where it leaves the gap a person sees
/// between two values the word becomes two words (the rule words are built by,
/// `Word.glyphGapSplit`), whether or not poppler's box for the hidden glyph reaches under the
/// next visible one.
final class InkFilterGlyphTests: XCTestCase {
    /// One glyph: its text, its own box's x0 and x1 (PDF points), and whether it leaves ink.
    typealias Glyph = (text: Character, x0: Double, x1: Double, inked: Bool)

    static let size = 8.0
    static let y0 = 100.0, y1 = 109.0

    /// A word of `glyphs` at `size` pt, with glyph starts and edges as `PageReader` records them.
    func word(_ glyphs: [Glyph]) -> Word {
        var w = Word(text: String(glyphs.map(\.text)), bbox: BBox(x0: glyphs[0].x0, y0: Self.y0, x1: glyphs.map(\.x1).max()!, y1: Self.y1),
                     fontSize: Self.size, fontName: "Helvetica", page: 1)
        w.glyphStarts = glyphs.map(\.x0)
        w.glyphEdges = glyphs.map(\.x1)
        return w
    }

    /// The rendered page: black (0) in a box holding part of an inked glyph's middle, else white.
    func darkest(_ glyphs: [Glyph]) -> (BBox) -> UInt8 {
        let ink = glyphs.filter(\.inked).map { g in (g.x0 + 0.3 * (g.x1 - g.x0), g.x1 - 0.3 * (g.x1 - g.x0)) }
        return { box in ink.contains { $0.0 < box.x1 && $0.1 > box.x0 } ? 0 : 255 }
    }

    /// Glyphs `text` of `advance` pt each from `x`, all inked unless listed in `hidden`.
    func run(_ text: String, from x: Double, advance: Double = 4.45, hidden: Set<Int> = []) -> [Glyph] {
        text.enumerated().map { i, c in (c, x + Double(i) * advance, x + Double(i + 1) * advance, !hidden.contains(i)) }
    }

    func trimmed(_ glyphs: [Glyph]) -> [String] {
        InkFilter.trimInvisibleGlyphs([word(glyphs)], check: { _ in true }, darkest: darkest(glyphs)).words.map(\.text)
    }

    /// A hidden digit between two cells (`263`, then `9` unseen, then `1` of the next column
    /// 2 pt further): two words, for every gap wider than the word-splitting gap.
    func testAHiddenGlyphBetweenTwoValuesLeavesTwoWords() {
        for gap in [1.5, 2.0, 3.0, 6.0] {
            let a = run("263", from: 100)
            let hidden: Glyph = ("9", a[2].x1, a[2].x1 + gap, false)   // poppler cuts its box at the next glyph
            let b = run("1", from: a[2].x1 + gap)
            XCTAssertEqual(trimmed(a + [hidden] + b), ["263", "1"], "gap \(gap)")
        }
    }

    /// poppler's box for the hidden glyph may keep its whole advance and reach under the next
    /// visible glyph (drawn over it): that glyph's ink does not make the hidden one visible.
    func testAHiddenGlyphWhoseBoxReachesUnderTheNextValue() {
        let a = run("104", from: 200)
        let hidden: Glyph = ("9", a[2].x1, a[2].x1 + 5.0, false)
        let b = run("208", from: a[2].x1 + 3.0)
        XCTAssertEqual(trimmed(a + [hidden] + b), ["104", "208"])
    }

    /// Hidden glyphs at the ends of a word are cut and the rest stays one word; a word with no
    /// inked glyph is dropped; a glyph too narrow to judge (its box, outside its neighbours',
    /// narrower than `TableSettings.minFreeInk`) is kept.
    func testHiddenGlyphsAtTheEndsAndGlyphsTooNarrowToJudge() {
        XCTAssertEqual(trimmed(run("4264", from: 50, hidden: [0, 3])), ["26"])
        XCTAssertEqual(trimmed(run("12", from: 50, hidden: [0, 1])), [])
        XCTAssertEqual(trimmed(run("12", from: 50)), ["12"])
        let a = run("42", from: 50)
        let under: Glyph = ("7", a[1].x1, a[1].x1 + 4, false)   // under the next glyph but for 0.5 pt
        let b = run("64", from: a[1].x1 + 0.5)
        XCTAssertEqual(trimmed(a + [under] + b), ["42764"])
    }

    /// Boxes and glyph edges of the parts follow their own glyphs.
    func testPartsKeepTheirGlyphBoxes() {
        let a = run("263", from: 100)
        let hidden: Glyph = ("9", a[2].x1, a[2].x1 + 2, false)
        let b = run("11", from: a[2].x1 + 2)
        let words = InkFilter.trimInvisibleGlyphs([word(a + [hidden] + b)], check: { _ in true }, darkest: darkest(a + [hidden] + b)).words
        XCTAssertEqual(words.map(\.text), ["263", "11"])
        XCTAssertEqual(words[1].bbox.x0, b[0].x0, accuracy: 1e-9)
        XCTAssertEqual(words[1].glyphEdges, b.map(\.x1))
        XCTAssertEqual(words[1].glyphStarts, b.map(\.x0))
        XCTAssertEqual(words[0].bbox.x1, a[2].x1, accuracy: 1e-9)
    }
}
