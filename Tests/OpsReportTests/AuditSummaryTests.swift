import XCTest
@testable import Audit
import OpsReport
import Reconcile

/// The summary at the top of the audit page: reports, cells (in all and by status) and
/// findings by severity.
final class AuditSummaryTests: XCTestCase {
    func testSummaryCountsReportsCellsAndFindingsBySeverity() throws {
        let planted = Fixtures.root.appendingPathComponent("layouts/2017-11-operations-report.planted-grand-total.pdf").path
        var november = Reconciler.reconcile(try ReportExtractor.extract(path: planted))
        november.findings += [Finding(code: "ocr_confusable", severity: .warning, pointer: "/website/rows/0/values/2", message: "w"),
                              Finding(code: "months_inferred", severity: .info, pointer: "/helpdesk/months", message: "i"),
                              Finding(code: "ocr_ordinal", severity: .info, pointer: "/meetings/0/dates/0", message: "i")]
        let march = try ReportExtractor.extract(path: Fixtures.pdf("2017-03-operations-report"))
        let reports = [november, march]
        let html = AuditPage(title: "t", reports: reports.map { PreparedReport(ReportAudit(name: $0.source.file, report: $0, pdfPath: nil)) }).render()
        let summary = try XCTUnwrap(DOM.tags("section", in: html).first { $0["id"] == "summary" })
        let findings = reports.flatMap(\.findings), cells = reports.reduce(0) { $0 + $1.provenance.count }
        XCTAssertEqual(summary["data-reports"], "2")
        XCTAssertEqual(summary["data-cells"], String(cells))
        XCTAssertEqual(summary["data-findings"], String(findings.count))
        func shown(_ cls: String) -> Int? {
            DOM.elements("tr", class: cls, in: html).first.flatMap { Int($0.inner.firstMatch(of: /<td>(\d+)<\/td>/)?.1 ?? "") }
        }
        XCTAssertEqual(shown("reports"), 2)
        XCTAssertEqual(shown("cells"), cells)
        for s in Finding.Severity.allCases {
            XCTAssertEqual(shown("severity-\(s.rawValue)"), findings.filter { $0.severity == s }.count, s.rawValue)
        }
        XCTAssertEqual(findings.filter { $0.severity == .info }.count, 2)
        // The cells by status add up to the cells.
        XCTAssertEqual(CellStatus.allCases.compactMap { shown("status-\($0.rawValue)") }.reduce(0, +), cells)
        XCTAssertEqual(shown("status-corrected"), 1, "the planted total")
    }
}
