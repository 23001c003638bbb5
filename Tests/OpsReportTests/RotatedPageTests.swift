import XCTest
import OpsReport
import PDFLayout

/// A report whose helpdesk page carries `/Rotate 90` or `/Rotate 270` (made from the corpus with
/// `qpdf --rotate`): poppler returns that page's text in display space, running vertically. The
/// page is turned back into reading orientation and the whole report still matches its truth.
final class RotatedPageTests: XCTestCase {
    func testRotatedHelpdeskPagesReadLikeTheOriginals() throws {
        let cases = [("2017-11-operations-report.page7-rotated-270", "2017-11-operations-report", 270),
                     ("2017-12-operations-report.page7-rotated-90", "2017-12-operations-report", 90)]
        for (file, stem, rotation) in cases {
            let path = Fixtures.root.appendingPathComponent("layouts/\(file).pdf").path
            let page = try PDFDocument(path: path).page(7)
            XCTAssertEqual(page.rotation, rotation, file)
            XCTAssertLessThan(page.width, page.height, "\(file): reading orientation is portrait")
            let report = try ReportExtractor.extract(path: path)
            let cmp = TruthComparison(extracted: report, truth: try Fixtures.truth(stem))
            XCTAssertEqual(cmp.mismatches, [], file)
            XCTAssertGreaterThan(cmp.matched, 370, file)
            XCTAssertEqual(report.provenance["/helpdesk/total/11"]?.page, 7)
        }
    }
}
