import XCTest
import OpsReport
import Reconcile

/// Inconsistencies planted in real PDFs (the 2017-11 report edited with qpdf: its content
/// streams changed, nothing else), found end to end at the right cell with a proven correction.
final class PlantedPDFTests: XCTestCase {
    func reconcile(_ name: String) throws -> [Finding] {
        Reconciler.reconcile(try ReportExtractor.extract(path: Fixtures.root.appendingPathComponent("layouts/\(name).pdf").path)).findings
    }

    func testGrandTotalPrintedWrong() throws {
        // Table 1's Grand Total printed 443.86; the rows and the narrative both say 434.86.
        let f = try reconcile("2017-11-operations-report.planted-grand-total")
        XCTAssertEqual(f.map(\.code), ["grand_total_mismatch"])
        XCTAssertEqual(f.first?.pointer, "/drivers/grand_total")
        XCTAssertEqual(f.first?.printed, "443.86")
        XCTAssertEqual(f.first?.expected, .double(434.86))
        XCTAssertEqual(f.first?.suggestion?.confidence, .high)
        XCTAssertEqual(f.first?.page, 3)
    }

    func testNarrativeEmailCountPrintedWrong() throws {
        // The narrative says 1508 email enquiries; Nov-17's total and its categories say 1580.
        let f = try reconcile("2017-11-operations-report.planted-narrative")
        XCTAssertEqual(f.map(\.code), ["narrative_mismatch"])
        XCTAssertEqual(f.first?.pointer, "/narrative/email_enquiries")
        XCTAssertEqual(f.first?.expected, .int(1580))
        XCTAssertEqual(f.first?.suggestion?.value, .int(1580))
    }
}
