import XCTest
@testable import Audit
import OpsReport
import Reconcile

/// Cell statuses of the audit page, from a report's values and findings.
final class AuditCellStatusTests: XCTestCase {
    func testEachStatusFromValuesAndFindings() throws {
        let path = Fixtures.root.appendingPathComponent("layouts/2017-11-operations-report.planted-grand-total.pdf").path
        var report = Reconciler.reconcile(try ReportExtractor.extract(path: path))
        // Something printed where no value was read; a finding that doubts a value without a proof.
        let unreadable = "/helpdesk/rows/0/counts/3", flagged = "/website/rows/0/values/2"
        XCTAssertNotNil(report.provenance[unreadable]); XCTAssertNotNil(report.provenance[flagged])
        report.helpdesk!.rows[0].counts[3] = nil
        report.findings.append(Finding(code: "ocr_confusable", severity: .warning, pointer: flagged, message: "letters in a number"))
        let s = CellStatuses(report)
        XCTAssertEqual(s.byPointer["/drivers/grand_total"], .corrected)   // the planted total, with its proven correction
        XCTAssertEqual(s.byPointer[unreadable], .unreadable)
        XCTAssertEqual(s.byPointer[flagged], .flagged)
        XCTAssertEqual(s.byPointer["/drivers/rows/0/days"], .read)
        XCTAssertEqual(s.counts, [.read: report.provenance.count - 3, .corrected: 1, .unreadable: 1, .flagged: 1])
        // The page colours the drawn cells accordingly.
        let html = AuditPage(title: "t", reports: [PreparedReport(ReportAudit(name: "r", report: report, pdfPath: path))]).render()
        for (pointer, status) in [(unreadable, "unreadable"), (flagged, "flagged"), ("/drivers/grand_total", "corrected")] {
            XCTAssertTrue(html.contains("class=\"cell status-\(status)\" data-pointer=\"\(pointer)\""), pointer)
        }
    }

    func testJSONPointerResolution() {
        let doc: [String: Any] = ["a/b": ["~k": [10, NSNull()]], "rows": [["x": 1]]]
        XCTAssertEqual(JSONPointer.resolve("/a~1b/~0k/0", in: doc) as? Int, 10)
        XCTAssertTrue(JSONPointer.resolve("/a~1b/~0k/1", in: doc) is NSNull)
        XCTAssertNil(JSONPointer.resolve("/a~1b/~0k/2", in: doc))
        XCTAssertEqual(JSONPointer.resolve("/rows/0/x", in: doc) as? Int, 1)
        XCTAssertEqual(JSONPointer.section("/helpdesk/rows/0/counts/1"), "helpdesk")
        XCTAssertEqual(JSONPointer.section("/period"), "document")
    }
}
