import XCTest
import PDFLayout
@testable import OpsReport

/// `ReportSanitizer`: every value the schema cannot hold, in every table, is set aside with an
/// error finding at its pointer, and the report is then schema-valid (generated over all fields).
final class ReportSanitizerTests: XCTestCase {
    func damaged(negative: Int) -> Report {
        var r = Report(source: Source(file: "x.pdf", sha256: String(repeating: "a", count: 64), pages: 1))
        r.period = "2017-06"
        r.narrative.parties = negative; r.narrative.resourceDaysTotal = Days(hundredths: negative * 100)
        r.drivers = Drivers(rows: [DriverRow(group: "Core", driver: "A", days: Days(hundredths: negative))], grandTotal: Days(hundredths: 100))
        r.helpdesk = Helpdesk(months: ["2017-05", "2017-06"], rows: [HelpdeskRow(category: "Q", counts: [3, negative])], total: [negative, 4])
        r.website = Website(months: ["", "2017-06"], rows: [WebsiteRow(metric: "Visits", values: [1, 2])])
        r.partyStatistics = PartyStatistics(months: ["2017-06"], rows: [PartyStatisticsRow(measure: "Parties", counts: [negative])])
        r.votingGroups = [VotingGroup(category: "Large", count: negative)]
        r.meetings = [Meeting(category: "Panel", meeting: "SEC", dates: ["2017-O6-1", "2017-06-14"])]
        r.modificationStatus = ModificationStatus(rows: [ModificationStatusRow(status: "Open", count: negative)], total: 2)
        r.provenance["/helpdesk/rows/0/counts/1"] = Provenance(page: 3, bbox: BBox(x0: 1, y0: 2, x1: 3, y1: 4), text: "-\(abs(negative))")
        return r
    }

    func testEveryValueTheSchemaCannotHoldBecomesAFinding() {
        for negative in [-1, -4, -9_999] {
            var r = damaged(negative: negative)
            XCTAssertFalse(ReportValidation.violations(r, limit: 100).isEmpty)
            ReportSanitizer.apply(&r)
            XCTAssertEqual(ReportValidation.violations(r, limit: 100), [], "\(negative)")
            let at = Set(r.findings.map(\.pointer))
            for p in ["/narrative/parties", "/narrative/resource_days_total", "/drivers/rows/0/days", "/helpdesk/rows/0/counts/1",
                      "/helpdesk/total/0", "/voting_groups/0/count",
                      "/modification_status/rows/0/count", "/website/months", "/meetings/0/dates/0"] {
                XCTAssertTrue(at.contains(p), "\(negative): no finding at \(p)")
            }
            XCTAssertTrue(r.findings.allSatisfy { $0.severity == .error })
            XCTAssertNil(r.website, "a table whose months are unknown is left out")
            XCTAssertTrue(r.missingSections.contains("website"))
            XCTAssertEqual(r.meetings?.first?.dates, ["2017-06-14"])
            XCTAssertEqual(r.helpdesk?.rows[0].counts, [3, nil])
            XCTAssertEqual(r.partyStatistics?.rows[0].counts, [negative], "a party measure may be a change: negative stays")
            XCTAssertEqual(r.findings.first { $0.pointer == "/helpdesk/rows/0/counts/1" }?.page, 3, "the finding points at the printed cell")
        }
    }

    func testAValidReportIsLeftAsItIs() throws {
        var r = try Fixtures.truth(Fixtures.textStems[0])
        r.source = Source(file: "x.pdf", sha256: String(repeating: "a", count: 64), pages: 1)
        let before = r
        ReportSanitizer.apply(&r)
        XCTAssertEqual(r, before)
    }
}
