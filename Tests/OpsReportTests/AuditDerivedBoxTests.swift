import Foundation
import XCTest
@testable import Audit
import OpsReport
import PDFLayout
import Reconcile

/// A finding on a cell that has no box of its own (its value could not be read) is placed from
/// its row's and column's cells, so its crop still shows the right place.
final class AuditDerivedBoxTests: XCTestCase {
    let path = Fixtures.pdf("2017-11-operations-report")

    func testACellWithoutABoxIsPlacedFromItsRowAndColumn() throws {
        var report = Reconciler.reconcile(try ReportExtractor.extract(path: path))
        let pointer = "/helpdesk/rows/2/counts/4"
        let truth = try XCTUnwrap(report.provenance.removeValue(forKey: pointer), "the cell is read in the sample")
        report.findings = [Finding(code: "unreadable_cell", severity: .warning, pointer: pointer, message: "no value could be read")]
        let derived = try XCTUnwrap(DerivedBox.box(for: pointer, in: report.provenance))
        XCTAssertEqual(derived.page, truth.page)
        // Within a few points of where the cell really is: centre inside the true box's band.
        XCTAssertEqual(derived.bbox.midX, truth.bbox.midX, accuracy: max(truth.bbox.width, 6))
        XCTAssertEqual(derived.bbox.midY, truth.bbox.midY, accuracy: max(truth.bbox.height / 2, 2))
        let prepared = PreparedReport(ReportAudit(name: "r", report: report, pdfPath: path))
        let f = try XCTUnwrap(prepared.findings.first)
        XCTAssertTrue(f.focusIsDerived)
        XCTAssertEqual(f.page, truth.page)
        XCTAssertNotNil(f.crop, "the crop is drawn around the derived box")
        let html = AuditPage(title: "t", reports: [prepared]).render()
        XCTAssertTrue(html.contains("data-bbox-derived=\"row-and-column\""))
        XCTAssertTrue(html.contains("placed from its row"))
    }

    func testNoBoxIsMadeUpWithoutARowAndAColumn() throws {
        let report = Reconciler.reconcile(try ReportExtractor.extract(path: path))
        // Neither siblings nor a column: nothing to place it by.
        XCTAssertNil(DerivedBox.box(for: "/nowhere/rows/0/x", in: report.provenance))
        XCTAssertNil(DerivedBox.box(for: "/period", in: report.provenance))
        // A cell whose own box exists keeps it (the derived box is only a fallback).
        var r = report
        let pointer = try XCTUnwrap(r.provenance.keys.sorted().first { $0.hasPrefix("/helpdesk/rows/") })
        r.findings = [Finding(code: "x", severity: .info, pointer: pointer, message: "m")]
        let f = try XCTUnwrap(PreparedReport(ReportAudit(name: "r", report: r, pdfPath: nil)).findings.first)
        XCTAssertFalse(f.focusIsDerived)
        XCTAssertEqual(f.focus, r.provenance[pointer]!.bbox)
    }
}
