import XCTest
@testable import Archive
import OpsReport

/// Cross-report rules on the truth reports and on mutations of them.
final class ArchiveCrossReportTests: XCTestCase {
    var reports: [Report] = []
    override func setUpWithError() throws { reports = try Fixtures.textStems.map(Fixtures.truth) }

    func testNoArchiveGapForTheTwelveMonths() {
        XCTAssertEqual(CrossReportRules.archiveGaps(reports), [])
        XCTAssertEqual(CrossReportRules.archiveGaps(reports.shuffled()), [])
    }

    func testGapWhenAMonthIsRemoved() throws {
        var r = reports
        r.remove(at: 4) // 2017-05
        let gaps = CrossReportRules.archiveGaps(r)
        XCTAssertEqual(gaps.count, 1)
        XCTAssertEqual(gaps.first?.code, "archive_gap")
        XCTAssertEqual(gaps.first?.expected, .string("2017-05"))
        XCTAssertEqual(gaps.first?.related, ["2017-04:", "2017-06:"])
        r.remove(at: 4) // and 2017-06
        XCTAssertEqual(CrossReportRules.archiveGaps(r).map(\.expected), [.string("2017-05"), .string("2017-06")])
        // Removing the first or last month is no gap: the archive just starts or ends later.
        XCTAssertEqual(CrossReportRules.archiveGaps(Array(reports.dropFirst().dropLast())), [])
        XCTAssertEqual(MonthArithmetic.next("2017-12"), "2018-01")
        // A gap across the year end.
        var jan18 = reports[0]; jan18.period = "2018-02"
        XCTAssertEqual(CrossReportRules.archiveGaps(reports + [jan18]).map(\.expected), [.string("2018-01")])
    }

    /// What the truth implies: in every consecutive pair the later month's Parties equal the earlier
    /// month's plus the later report's accessions − withdrawals − expulsions for its own month.
    /// Checked here by hand from the truth numbers, then the rule must agree (no finding).
    func testPartyCountsOfTheTruthAreContinuous() throws {
        for (a, b) in zip(reports, reports.dropFirst()) {
            let ps = b.partyStatistics!
            let col = try XCTUnwrap(ps.months.firstIndex(of: b.period!))
            func row(_ name: String) -> Int { ps.rows.first { $0.measure == name }!.counts[col]! }
            XCTAssertEqual(b.narrative.parties!, a.narrative.parties! + row("Accessions") - row("Withdrawals") - row("Expulsions"), b.period!)
        }
        // e.g. February: 243 + 4 accessions − 1 withdrawal = 246.
        XCTAssertEqual(reports[0].narrative.parties, 243)
        XCTAssertEqual(reports[1].narrative.parties, 246)
        XCTAssertEqual(CrossReportRules.partyCountDiscontinuities(reports), [])
    }

    func testPartyCountDiscontinuityFiresOnMutatedNarrative() throws {
        var r = reports
        r[6].narrative.parties = 267 // July: truth 266 = 260 + 6
        let f = CrossReportRules.partyCountDiscontinuities(r)
        XCTAssertEqual(f.count, 2) // July disagrees with June, and August (269) with July's 267 + 3
        XCTAssertEqual(f.map(\.report), ["2017-07", "2017-08"])
        XCTAssertEqual(f.map(\.expected), [.int(266), .int(270)])
        XCTAssertEqual(f.map(\.printed), ["267", "269"])
        XCTAssertEqual(f[0].pointer, "/narrative/parties")
        XCTAssertTrue(f[0].related.contains("2017-06:/narrative/parties"))
        XCTAssertTrue(f[0].related.contains("/party_statistics/rows/0/counts/11"))
    }

    func testPartyCountDiscontinuityFiresOnMutatedMovement() throws {
        var r = reports
        // March's own accessions column: 3 → 4 would make 250, but March prints 249.
        let i = r[2].partyStatistics!.rows.firstIndex { $0.measure == "Accessions" }!
        XCTAssertEqual(r[2].partyStatistics!.rows[i].counts[11], 3)
        r[2].partyStatistics!.rows[i].counts[11] = 4
        let f = CrossReportRules.partyCountDiscontinuities(r)
        XCTAssertEqual(f.map(\.report), ["2017-03"])
        XCTAssertEqual(f.first?.expected, .int(250))
        // No check across a gap: remove February, and a wrong March count goes unnoticed here
        // (archive_gap reports the hole instead).
        var g = reports
        g[2].narrative.parties = 1000
        g.remove(at: 1)
        XCTAssertEqual(CrossReportRules.partyCountDiscontinuities(g).map(\.report), ["2017-04"])
    }

    func testAllCombinesTheRulesOnTruth() {
        let all = CrossReportRules.all(reports)
        XCTAssertEqual(all.map(\.code), ["restatement"])
    }
}
