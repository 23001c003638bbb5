import XCTest
import PDFLayout
@testable import OCR

/// `CellReader.snapped` on generated glyphs: Tesseract's box of a lone glyph can fall short of
/// its ink (and its line's baseline sit above the glyph's foot), and the type size read from
/// that box then makes a value look like a raised footnote marker. Every case draws one glyph
/// shape at a seeded size with a neighbouring word a seeded gap away, hands `snapped` a box
/// shrunk inside the glyph, and checks that the box grows to the glyph's ink exactly, never to
/// the neighbour's, and that the type size read from it equals that of an exact box.
final class OCRInkSnapTests: XCTestCase {
    /// Pixels per PDF point of the generated images (300 dpi, as scans are rendered).
    static let scale = 300.0 / 72
    static let cases = 400

    enum Shape: CaseIterable { case ring, four, bar, solid }

    /// Paints `shape` into `img` filling `x0..<x1` × `y0..<y1` with strokes `s` pixels wide;
    /// every shape is one 8-connected piece of ink whose bounding box is exactly that rectangle.
    static func paint(_ shape: Shape, _ img: inout GreyImage, _ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ s: Int) {
        func fill(_ a: Int, _ b: Int, _ c: Int, _ d: Int) {
            for y in max(y0, b)..<min(y1, d) { for x in max(x0, a)..<min(x1, c) { img.pixels[y * img.width + x] = 0 } }
        }
        let w = x1 - x0, h = y1 - y0
        switch shape {
        case .ring: fill(x0, y0, x1, y0 + s); fill(x0, y1 - s, x1, y1); fill(x0, y0, x0 + s, y1); fill(x1 - s, y0, x1, y1)
        case .four:
            let bar = y0 + h * 2 / 3
            fill(x1 - s - w / 5, y0, x1 - w / 5, y1)          // the stem, full height
            fill(x0, bar, x1, bar + s)                         // the cross bar, full width
            fill(x0, y0, x0 + s, bar + s)                      // the left arm, from the top to the bar
        case .bar: fill(x0 + w / 3, y0, x0 + w / 3 + s, y1); fill(x0, y1 - s, x1, y1)  // a `1` with its foot
        case .solid: fill(x0, y0, x1, y1)
        }
    }

    func testSnappedBoxIsTheGlyphsInkAndNeverTheNeighbours() {
        var rng = SeededRandom(seed: 9)
        for n in 0..<Self.cases {
            let shape = rng.pick(Shape.allCases)
            let h = Int.random(in: 20...45, using: &rng), w = max(8, Int(Double(h) * rng.uniform(0.5...0.7)))
            let s = max(2, Int((Double(h) * 0.12).rounded())), gap = Int.random(in: 1...h, using: &rng)
            let gx = 30, gy = 30, W = gx + w + gap + 2 * w + 30, H = gy + h + 30
            var img = GreyImage(width: W, height: H, scale: Self.scale, pixels: [UInt8](repeating: 255, count: W * H))
            Self.paint(shape, &img, gx, gy, gx + w, gy + h, s)
            Self.paint(.solid, &img, gx + w + gap, gy + h / 4, gx + w + gap + 2 * w, gy + h, s)  // the next word
            let ink = (x0: gx, y0: gy, x1: gx + w, y1: gy + h)

            // A box shrunk inside the ink by up to a quarter per side; halved until it holds ink.
            var f = (rng.uniform(0...0.25), rng.uniform(0...0.25), rng.uniform(0...0.25), rng.uniform(0...0.25))
            var box = ink
            for _ in 0..<8 {
                box = (gx + Int(f.0 * Double(w)), gy + Int(f.1 * Double(h)), gx + w - Int(f.2 * Double(w)), gy + h - Int(f.3 * Double(h)))
                if img.connectedInkBox(seeds: box, reach: 0) != nil { break }
                f = (f.0 / 2, f.1 / 2, f.2 / 2, f.3 / 2)
            }
            let raised = box.y1 - Int(rng.uniform(0...0.2) * Double(h))
            let text = shape == .ring ? "0" : shape == .four ? "4" : shape == .bar ? "1" : "8"
            let token = OCRToken(text: text, x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1, confidence: 90,
                                 lineHeight: h, baseline: raised, lineTop: box.y0)
            let got = CellReader.snapped(token, to: img)
            let label = "case \(n) (seed 9): \(shape) h \(h) w \(w) gap \(gap) box \(box)"
            XCTAssertEqual([got.x0, got.y0, got.x1, got.y1], [ink.x0, ink.y0, ink.x1, ink.y1], label)
            XCTAssertEqual(got.baseline, ink.y1, label)
            XCTAssertEqual(got.lineTop, ink.y0, label)

            let exact = OCRToken(text: text, x0: ink.x0, y0: ink.y0, x1: ink.x1, y1: ink.y1, confidence: 90,
                                 lineHeight: h, baseline: ink.y1, lineTop: ink.y0)
            XCTAssertEqual(PageOCR.word(got, img, 1).fontSize, PageOCR.word(exact, img, 1).fontSize, label)
            XCTAssertEqual(CellReader.snapped(exact, to: img), exact, "an exact box stays as it is: \(label)")

            // A glyph that reaches below the baseline keeps the line's baseline.
            var descender = token; descender.text = "q"
            XCTAssertEqual(CellReader.snapped(descender, to: img).baseline, raised, label)
        }
    }

    func testABoxOverBlankPaperIsLeftAsItIs() {
        let img = GreyImage(width: 60, height: 40, scale: Self.scale, pixels: [UInt8](repeating: 255, count: 60 * 40))
        let t = OCRToken(text: "7", x0: 10, y0: 10, x1: 20, y1: 30, confidence: 50, lineHeight: 20, baseline: 28, lineTop: 10)
        XCTAssertEqual(CellReader.snapped(t, to: img), t)
    }
}
