import XCTest
import TableLayout
import PDFLayout
@testable import OpsReport

/// Pages rendered through poppler's cairo backend line up with the words read from the text
/// layer, in reading orientation, rotated pages included.
final class PageBitmapTests: XCTestCase {
    func testRenderedInkSitsUnderEveryWordAndNotBetweenLines() throws {
        let doc = try PDFDocument(path: Fixtures.pdf("2017-11-operations-report"))
        let page = try doc.page(7)
        let bitmap = try doc.render(page: 7, scale: 2, rotation: page.rotation)
        XCTAssertEqual(bitmap.width, Int((page.width * 2).rounded(.up)))
        let words = page.words.filter { $0.text.count >= 2 }
        XCTAssertGreaterThan(words.count, 20)
        let inked = words.filter { bitmap.darkest(in: $0.bbox) < 128 }
        XCTAssertEqual(inked.count, words.count, "every word has dark pixels in its box")
    }

    func testRotatedPageRendersInReadingOrientation() throws {
        let path = Fixtures.root.appendingPathComponent("layouts/2017-12-operations-report.page7-rotated-90.pdf").path
        let doc = try PDFDocument(path: path)
        let page = try doc.page(7)
        XCTAssertEqual(page.rotation, 90)
        let bitmap = try doc.render(page: 7, scale: 1.5, rotation: page.rotation)
        XCTAssertLessThan(bitmap.width, bitmap.height)
        let words = page.words.filter { $0.text.count >= 3 }
        let inked = words.filter { bitmap.darkest(in: $0.bbox) < 128 }
        XCTAssertGreaterThan(Double(inked.count), 0.95 * Double(words.count))
    }

    func testPNGCropIsAValidPNGOfTheClipSize() throws {
        let doc = try PDFDocument(path: Fixtures.pdf("2017-10-operations-report"))
        let png = try doc.renderPNG(page: 1, scale: 2, clip: BBox(x0: 50, y0: 60, x1: 150, y1: 90))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR width and height (big-endian) follow the 8-byte signature and the chunk header.
        let w = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, h = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(w, 200); XCTAssertEqual(h, 60)
    }

    /// The ink check renders only the part of a page that holds its white words; on the pixel
    /// grid of the whole page (`InkFilter.pixelAligned`), so it sees the very pixels a
    /// render of the whole page has there.
    func testPixelAlignedClipHasTheWholePagesPixels() throws {
        let scale = ReportExtractor.inkScale
        var checked = 0, clipPixels = 0, pagePixels = 0
        let pages = try Fixtures.textStems.lazy.flatMap { stem in
            let doc = try PDFDocument(path: Fixtures.pdf(stem))
            return (1...doc.pageCount).map { (doc, $0) }
        }
        for (doc, n) in pages where checked < 4 {
            let page = try doc.page(n)
            let white = page.words.filter(\.isWhite)
            guard let first = white.first else { continue }
            let clip = InkFilter.pixelAligned(white.dropFirst().reduce(first.bbox) { $0.union($1.bbox) }, scale: scale)
            let whole = try doc.render(page: n, scale: scale, rotation: page.rotation)
            let part = try doc.render(page: n, scale: scale, rotation: page.rotation, clip: clip)
            let ox = Int((part.originX * scale).rounded()), oy = Int((part.originY * scale).rounded())
            XCTAssertEqual(Double(ox), part.originX * scale, "clip origin on the pixel grid")
            var differing = 0
            for y in 0..<part.height {
                for x in 0..<part.width where part.pixels[y * part.width + x] != whole.pixels[(y + oy) * whole.width + x + ox] { differing += 1 }
            }
            XCTAssertEqual(differing, 0, "\(doc.path) page \(n): pixels of the clip differ from the whole page's")
            for w in white { XCTAssertEqual(part.meanGrey(in: w.bbox), whole.meanGrey(in: w.bbox), "\(doc.path) page \(n) \(w.text)") }
            checked += 1; clipPixels += part.width * part.height; pagePixels += whole.width * whole.height
        }
        XCTAssertEqual(checked, 4, "the corpus has pages with white words")
        XCTAssertLessThan(clipPixels, pagePixels / 2, "the clips are a fraction of the pages")
    }
}
