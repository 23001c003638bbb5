import XCTest
import PDFLayout

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
}
