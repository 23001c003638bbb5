import XCTest
import OpsReport
@testable import Reconcile

/// Acceptance 3: one slip planted in a truth report (2017-12) at a time; the finding must land on
/// the planted cell with the right suggestion, and applying high-confidence suggestions must give
/// the truth back.
final class ReconcileMutationTests: XCTestCase {
    private var truth: Report!
    override func setUpWithError() throws { truth = try ReconcileSupport.truth12() }

    private func only(_ r: Report, file: StaticString = #filePath, line: UInt = #line) throws -> Finding {
        let f = Reconciler.findings(for: r)
        XCTAssertEqual(f.count, 1, f.map(\.message).joined(separator: "\n"), file: file, line: line)
        return try XCTUnwrap(f.first, file: file, line: line)
    }

    func testDigitSlipInHelpdeskCell() throws {
        var r = truth!
        XCTAssertEqual(r.helpdesk!.rows[3].counts[3], 118)   // Contact Info, Apr-17
        r.helpdesk!.rows[3].counts[3] = 148                   // 1 read as 4
        let f = try only(r)
        XCTAssertEqual(f.code, "total_row_mismatch")
        XCTAssertEqual(f.severity, .error)
        XCTAssertEqual(f.pointer, "/helpdesk/rows/3/counts/3")
        XCTAssertEqual(f.printed, "148")
        XCTAssertEqual(f.expected, .int(118))
        XCTAssertEqual(f.message, "Apr-17 Contact Info printed 148 but the Apr-17 total 951 implies 118 (Apr-17 total printed 951 but its categories sum to 981)")
        XCTAssertEqual(f.suggestion?.value, .int(118))
        XCTAssertEqual(f.suggestion?.confidence, .high)
        XCTAssertTrue(f.suggestion!.rationale.hasPrefix("digit 4 printed for 1"), f.suggestion!.rationale)
        XCTAssertTrue(f.related.contains("/helpdesk/total/3"))
        XCTAssertEqual(Reconciler.applyingCorrections(r).helpdesk, truth.helpdesk)
    }

    func testTransposedDriverDays() throws {
        var r = truth!
        XCTAssertEqual(r.drivers!.rows[0].days, Days(hundredths: 22375))
        r.drivers!.rows[0].days = Days(hundredths: 23275)
        let f = try only(r)
        XCTAssertEqual(f.code, "grand_total_mismatch")
        XCTAssertEqual(f.pointer, "/drivers/rows/0/days")
        XCTAssertEqual(f.expected, .double(223.75))
        XCTAssertEqual(f.suggestion?.value, .double(223.75))
        XCTAssertEqual(f.suggestion?.confidence, .high)
        XCTAssertTrue(f.suggestion!.rationale.hasPrefix("transposed digits 23/32"), f.suggestion!.rationale)
        XCTAssertEqual(f.message, "Panel/Board and Sub-Committees printed 232.75 but the Grand total 448.12 implies 223.75 (Grand total printed 448.12 but the driver rows sum to 457.12)")
        XCTAssertEqual(Reconciler.applyingCorrections(r).drivers, truth.drivers)
    }

    func testWrongGrandTotalConfirmedByNarrative() throws {
        var r = truth!
        r.drivers!.grandTotal = Days(hundredths: 48412)
        let f = try only(r)   // no separate narrative_mismatch: it is the same evidence
        XCTAssertEqual(f.code, "grand_total_mismatch")
        XCTAssertEqual(f.pointer, "/drivers/grand_total")
        XCTAssertEqual(f.printed, "484.12")
        XCTAssertEqual(f.expected, .double(448.12))
        XCTAssertEqual(f.suggestion?.confidence, .high)
        XCTAssertTrue(f.suggestion!.rationale.contains("the narrative's resource days is also 448.12"), f.suggestion!.rationale)
        XCTAssertTrue(f.related.contains("/narrative/resource_days_total"))
    }

    func testNarrativeEmailCountTransposed() throws {
        var r = truth!
        r.narrative.emailEnquiries = 943
        let f = try only(r)
        XCTAssertEqual(f.code, "narrative_mismatch")
        XCTAssertEqual(f.pointer, "/narrative/email_enquiries")
        XCTAssertEqual(f.expected, .int(934))
        XCTAssertEqual(f.message, "The narrative states 943 email enquiries but the Dec-17 total is 934, which its categories confirm")
        XCTAssertEqual(f.suggestion?.value, .int(934))
        XCTAssertTrue(f.suggestion!.rationale.hasSuffix("transposed digits 34/43"), f.suggestion!.rationale)
    }

    func testNarrativeResourceDaysDisagree() throws {
        var r = truth!
        r.narrative.resourceDaysTotal = Days(hundredths: 44000)
        let f = try only(r)
        XCTAssertEqual(f.code, "narrative_mismatch")
        XCTAssertEqual(f.pointer, "/narrative/resource_days_total")
        XCTAssertEqual(f.expected, .double(448.12))
        XCTAssertEqual(f.suggestion?.confidence, .medium, "no OCR-plausible slip turns 440.00 into 448.12")
    }

    func testLetterInNumberWithNilValue() throws {
        var r = truth!
        XCTAssertEqual(r.helpdesk!.rows[6].counts[11], 145)   // Modifications, Dec-17
        r.helpdesk!.rows[6].counts[11] = nil
        r.provenance["/helpdesk/rows/6/counts/11"] = ReconcileSupport.prov("I45")
        let f = try only(r)
        XCTAssertEqual(f.code, "ocr_confusable")
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.pointer, "/helpdesk/rows/6/counts/11")
        XCTAssertEqual(f.printed, "I45")
        XCTAssertEqual(f.suggestion?.value, .int(145))
        XCTAssertEqual(f.suggestion?.confidence, .high)
        XCTAssertEqual(f.page, 7)
        let fixed = Reconciler.applyingCorrections(r)
        XCTAssertEqual(fixed.helpdesk, truth.helpdesk)
        XCTAssertEqual(fixed.provenance["/helpdesk/rows/6/counts/11"]?.text, "I45", "printed text stays")
    }

    func testAmbiguousLetterResolvedByTheSum() throws {
        var r = truth!
        XCTAssertEqual(r.helpdesk!.rows[9].counts[10], 11)    // Training Days/Seminars, Nov-17
        r.helpdesk!.rows[9].counts[10] = nil
        r.provenance["/helpdesk/rows/9/counts/10"] = ReconcileSupport.prov("it")  // 't' may be 1 or 7
        let f = try only(r)
        XCTAssertEqual(f.suggestion?.value, .int(11))
        XCTAssertEqual(f.suggestion?.confidence, .high)
    }

    func testDroppedRowValues() throws {
        var r = truth!
        r.helpdesk!.rows[5].counts = Array(repeating: nil, count: 12)   // Panel & Board Correspondence
        let f = try only(r)
        XCTAssertEqual(f.code, "row_missing")
        XCTAssertEqual(f.pointer, "/helpdesk/rows/5/counts")
        XCTAssertEqual(f.suggestion?.value, .array(truth.helpdesk!.rows[5].counts.map { .int($0!) }))
        XCTAssertEqual(f.suggestion?.confidence, .high)
        XCTAssertEqual(Reconciler.applyingCorrections(r).helpdesk, truth.helpdesk)
    }

    func testRowRemovedFromTable() throws {
        var r = truth!
        r.helpdesk!.rows.remove(at: 5)
        let f = try only(r)
        XCTAssertEqual(f.code, "row_missing")
        XCTAssertEqual(f.severity, .error)
        XCTAssertEqual(f.pointer, "/helpdesk/rows/-")
        XCTAssertEqual(f.expected, .array(truth.helpdesk!.rows[5].counts.map { .int($0!) }))
        XCTAssertEqual(f.suggestion?.confidence, .medium)
    }

    func testVotingGroupTransposed() throws {
        var r = truth!
        r.votingGroups![4].count = 51    // Electricity Networks 15
        let f = try only(r)
        XCTAssertEqual(f.code, "voting_groups_mismatch")
        XCTAssertEqual(f.pointer, "/voting_groups/4/count")
        XCTAssertEqual(f.suggestion?.value, .int(15))
        XCTAssertEqual(f.suggestion?.confidence, .high)
    }

    func testAmbiguousSlipPointsAtTheTotalWithoutSuggestion() throws {
        var r = truth!
        r.votingGroups![2].count = 87    // Others 78: 232 could also be a transposed 223
        let f = try only(r)
        XCTAssertEqual(f.code, "voting_groups_mismatch")
        XCTAssertEqual(f.pointer, "/narrative/voting_groups")
        XCTAssertEqual(f.expected, .int(232))
        XCTAssertNil(f.suggestion)
        XCTAssertTrue(f.message.contains("Others (transposed digits 78/87)"), f.message)
    }

    func testShortRowAndMissingSection() throws {
        var r = truth!
        r.website!.rows[0].values.removeLast()
        r.helpdesk = nil
        r.missingSections = ["helpdesk"]
        let f = Reconciler.findings(for: r)
        XCTAssertEqual(f.map(\.code), ["section_missing", "cell_count_mismatch"])
        XCTAssertEqual(f[0].pointer, "/helpdesk")
        XCTAssertEqual(f[0].severity, .warning)
        XCTAssertEqual(f[1].pointer, "/website/rows/0/values")
        XCTAssertEqual(f[1].severity, .error)
        XCTAssertEqual(f[1].expected, .int(12))
    }

    func testPlantedFindingCarriesPageAndBox() throws {
        var r = try Fixtures.truth("2017-10-operations-report")
        r.provenance["/helpdesk/total/10"] = ReconcileSupport.prov("1194", page: 6)
        let f = try XCTUnwrap(Reconciler.findings(for: r).first)
        XCTAssertEqual(f.page, 6)
        XCTAssertEqual(f.bbox?.array, [100, 200, 130, 210])
    }
}
