import XCTest
import OpsReport
@testable import Reconcile

/// Acceptance 1: the 12 truth reports give no error findings except 2017-10's planted one.
final class ReconcileTruthTests: XCTestCase {
    func testCleanTruthReportsHaveNoErrors() throws {
        for stem in Fixtures.textStems where stem != "2017-10-operations-report" {
            let report = try Fixtures.truth(stem)
            XCTAssertNotNil(report.helpdesk, stem)
            let errors = Reconciler.findings(for: report).filter { $0.severity == .error }
            XCTAssertEqual(errors, [], "\(stem): \(errors.map(\.message))")
        }
    }

    func testTruthReportsHaveNoFindingsAtAll() throws {
        // Truth files carry no provenance and no damage: nothing to warn about either.
        for stem in Fixtures.textStems where stem != "2017-10-operations-report" {
            let findings = Reconciler.findings(for: try Fixtures.truth(stem))
            XCTAssertEqual(findings.map(\.message), [], stem)
        }
    }

    func testPlantedTotalRowMismatchIn2017_10() throws {
        let report = try Fixtures.truth("2017-10-operations-report")
        let sep = try XCTUnwrap(report.helpdesk?.months.firstIndex(of: "2017-09"))
        XCTAssertEqual(report.helpdesk?.total[sep], 1194)
        let errors = Reconciler.findings(for: report).filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 1, "\(errors.map(\.message))")
        let f = try XCTUnwrap(errors.first)
        XCTAssertEqual(f.code, "total_row_mismatch")
        XCTAssertEqual(f.pointer, "/helpdesk/total/\(sep)")
        XCTAssertEqual(f.printed, "1194")
        XCTAssertEqual(f.expected, .int(1149))
        XCTAssertEqual(f.message, "Sep-17 total printed 1194 but its categories sum to 1149")
        XCTAssertEqual(f.suggestion?.value, .int(1149))
        XCTAssertEqual(f.suggestion?.confidence, .high)
        XCTAssertTrue(f.suggestion?.rationale.hasPrefix("transposed digits 49/94") ?? false, f.suggestion?.rationale ?? "")
        XCTAssertEqual(f.related.count, report.helpdesk!.rows.count)
        XCTAssertTrue(f.related.contains("/helpdesk/rows/0/counts/\(sep)"))
        // The planted list in the truth file names exactly this cell.
        let planted = try Fixtures.truthJSON("2017-10-operations-report")["planted"] as? [[String: Any]]
        XCTAssertEqual(planted?.count, 1)
        XCTAssertEqual(planted?.first?["kind"] as? String, f.code)
        XCTAssertEqual(Reconciler.findings(for: report).count, 1)
    }

    func testReconcileKeepsForeignFindingsAndReplacesOwn() throws {
        var report = try Fixtures.truth("2017-10-operations-report")
        let foreign = Finding(code: "restatement", severity: .warning, pointer: "/helpdesk/total/0", message: "x")
        let stale = Finding(code: "total_row_mismatch", severity: .error, pointer: "/helpdesk/total/3", message: "stale")
        report.findings = [foreign, stale]
        let r = Reconciler.reconcile(report)
        XCTAssertEqual(r.findings.first, foreign)
        XCTAssertFalse(r.findings.contains(stale))
        XCTAssertEqual(r.findings.filter { $0.code == "total_row_mismatch" }.map(\.pointer), ["/helpdesk/total/10"])
        XCTAssertEqual(r.helpdesk, report.helpdesk, "reconcile never changes printed values")
    }

    func testApplyingCorrectionsFixesThePlantedTotalOnly() throws {
        let report = try Fixtures.truth("2017-10-operations-report")
        let fixed = Reconciler.applyingCorrections(report)
        var expected = report.helpdesk!.total
        expected[10] = 1149
        XCTAssertEqual(fixed.helpdesk?.total, expected)
        XCTAssertEqual(fixed.helpdesk?.rows, report.helpdesk?.rows)
        XCTAssertEqual(fixed.drivers, report.drivers)
        XCTAssertEqual(fixed.findings.map(\.code), ["total_row_mismatch"], "the finding stays")
        XCTAssertEqual(Reconciler.findings(for: fixed).filter { $0.severity == .error }, [])
    }
}
