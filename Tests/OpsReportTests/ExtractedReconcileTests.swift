import XCTest
import OpsReport
import Reconcile

/// Issue 3's first criterion on the *extracted* reports (the truth-JSON version is in
/// `ReconcileTruthTests`): the 12 text reports give no finding at all, except each planted one
/// listed in the truth files, found at its cell.
final class ExtractedReconcileTests: XCTestCase {
    func testExtractedTextReportsGiveOnlyTheirPlantedFindings() throws {
        var planted = 0
        for stem in Fixtures.textStems {
            let findings = Reconciler.reconcile(try ReportExtractor.extract(path: Fixtures.pdf(stem))).findings
            let expected = (try Fixtures.truthJSON(stem)["planted"] as? [[String: Any]]) ?? []
            planted += expected.count
            XCTAssertEqual(findings.count, expected.count, "\(stem): \(findings.map { "\($0.code) \($0.pointer)" })")
            for p in expected {
                let kind = p["kind"] as? String ?? "", table = p["table"] as? String ?? ""
                let hit = findings.first { $0.code == kind && $0.pointer.hasPrefix("/\(table)/") }
                XCTAssertNotNil(hit, "\(stem): planted \(kind) in \(table) not found")
                XCTAssertEqual(hit?.severity, .error)
            }
        }
        XCTAssertEqual(planted, 1, "the corpus plants one inconsistency (2017-10)")
        let oct = Reconciler.reconcile(try ReportExtractor.extract(path: Fixtures.pdf("2017-10-operations-report"))).findings[0]
        XCTAssertEqual(oct.pointer, "/helpdesk/total/10")
        XCTAssertEqual(oct.printed, "1194")
        XCTAssertEqual(oct.expected, .int(1149))
        XCTAssertEqual(oct.page, 7)
        XCTAssertEqual(oct.suggestion?.value, .int(1149))
    }
}
