import XCTest
import OpsReport
@testable import Reconcile

/// Acceptance 2: the damage visible in the seed OCR transcript
/// (`Fixtures/operations-report-2017-12.ocr.txt`), rebuilt as small reports with provenance.
final class ReconcileSeedDamageTests: XCTestCase {
    func testSeedTranscriptShowsTheDamageUnderTest() throws {
        let seed = try String(contentsOf: Fixtures.root.appendingPathComponent("operations-report-2017-12.ocr.txt"), encoding: .utf8)
        for damage in ["SECMPO0027", "315t January 2018", "215t December 2017", "2\" January", "5t January 2018", "24t\nJanuary 2018",
                       "Withdrawals | O", "oO| K| O &", "\nApplications\n\nSub- 188"] {
            XCTAssertTrue(seed.contains(damage), damage)
        }
    }

    /// `e SECMPO0027 'Amending Service Request Forecasting'` and `SECMPO0027. See section 3.2.1`.
    func testModificationReferenceWithDoubledZero() throws {
        var r = ReconcileSupport.bare()
        r.reference = "SECP_52_12O1_11"
        r.meetings = [Meeting(category: "SEC Governance Meetings", meeting: "Working Group - SECMPO0027", dates: ["2017-12-21"]),
                      Meeting(category: "SEC Governance Meetings", meeting: "Working Group - SECMP0044", dates: ["2017-12-15"])]
        r.provenance["/meetings/0/meeting"] = ReconcileSupport.prov("Working Group - SECMPO0027", page: 12)
        r.provenance["/meetings/0/dates/0"] = ReconcileSupport.prov("21/12/2017", page: 12)
        let f = Reconciler.findings(for: r)
        let ref = try XCTUnwrap(f.at("/meetings/0/meeting").first)
        XCTAssertEqual(ref.code, "ocr_reference")
        XCTAssertEqual(ref.severity, .warning)
        XCTAssertEqual(ref.printed, "Working Group - SECMPO0027")
        XCTAssertEqual(ref.suggestion?.value, .string("Working Group - SECMP0027"))
        XCTAssertEqual(ref.suggestion?.confidence, .high)
        XCTAssertEqual(ref.page, 12)
        XCTAssertEqual(ref.bbox?.array, [100, 200, 130, 210])
        XCTAssertEqual(f.at("/meetings/1/meeting"), [], "SECMP0044 is clean")
        let doc = try XCTUnwrap(f.at("/reference").first)
        XCTAssertEqual(doc.code, "ocr_reference")
        XCTAssertEqual(doc.suggestion?.value, .string("SECP_52_1201_11"))
        XCTAssertEqual(f.count, 2, f.map(\.message).joined(separator: "\n"))
        // Applying the corrections repairs both strings.
        let fixed = Reconciler.applyingCorrections(r)
        XCTAssertEqual(fixed.meetings?[0].meeting, "Working Group - SECMP0027")
        XCTAssertEqual(fixed.reference, "SECP_52_1201_11")
    }

    /// `315t January 2018`, `215t December 2017`, `2" January 2018`, `5t January 2018`.
    func testOrdinalDatesAsMeetingDates() throws {
        var r = ReconcileSupport.bare()
        let printed = ["215t December 2017", "315t January 2018", "2\" January 2018", "5t January 2018", "15t December 2017", "2017-11-31"]
        r.meetings = [Meeting(category: "SEC Governance Meetings", meeting: "SEC Panel", dates: printed)]
        for (j, t) in printed.enumerated() { r.provenance["/meetings/0/dates/\(j)"] = ReconcileSupport.prov(t, page: 11) }
        let f = Reconciler.findings(for: r)
        func check(_ j: Int, _ code: String, _ iso: String?, _ confidence: Suggestion.Confidence?) {
            let x = f.at("/meetings/0/dates/\(j)")
            XCTAssertEqual(x.map(\.code), [code], printed[j])
            XCTAssertEqual(x.first?.suggestion?.value, iso.map { .string($0) }, printed[j])
            XCTAssertEqual(x.first?.suggestion?.confidence, confidence, printed[j])
            XCTAssertEqual(x.first?.printed, printed[j])
        }
        check(0, "ocr_ordinal", "2017-12-21", .high)
        check(1, "ocr_ordinal", "2018-01-31", .high)
        check(2, "ocr_ordinal", "2018-01-02", .high)
        check(3, "ocr_ordinal", "2018-01-05", .high)
        check(4, "ocr_ordinal", "2017-12-01", .medium)   // 1st or 15th: ambiguous
        XCTAssertTrue(f.at("/meetings/0/dates/4").first?.message.contains("2017-12-15") ?? false)
        check(5, "impossible_date", nil, nil)
        XCTAssertEqual(f.count, 6)
        let fixed = Reconciler.applyingCorrections(r)
        XCTAssertEqual(fixed.meetings?[0].dates, ["2017-12-21", "2018-01-31", "2018-01-02", "2018-01-05", "15t December 2017", "2017-11-31"])
    }

    /// `The next meeting is scheduled for 24t\nJanuary 2018` in text that is not a date value.
    func testOrdinalInOtherPrintedTextIsInformation() throws {
        var r = ReconcileSupport.bare()
        r.narrative.emailEnquiries = 934
        r.provenance["/narrative/email_enquiries"] = ReconcileSupport.prov("934")
        r.provenance["/meetings/3/meeting"] = ReconcileSupport.prov("The next meeting is scheduled for 24t\nJanuary 2018.")
        let f = Reconciler.findings(for: r)
        XCTAssertEqual(f.count, 1)
        XCTAssertEqual(f.first?.code, "ocr_ordinal")
        XCTAssertEqual(f.first?.severity, .info)
        XCTAssertEqual(f.first?.expected, .string("24th January 2018"))
        XCTAssertNil(f.first?.suggestion, "text that is not a value is never rewritten")
    }

    /// The seed's helpdesk table prints `Applications` with no numbers at all.
    func testHelpdeskRowWhoseNumbersWereLost() throws {
        let truth = try ReconcileSupport.truth12()
        var r = truth
        r.helpdesk!.rows[0].counts = Array(repeating: nil, count: 12)
        let f = Reconciler.findings(for: r)
        XCTAssertEqual(f.count, 1, f.map(\.message).joined(separator: "\n"))
        let lost = try XCTUnwrap(f.first)
        XCTAssertEqual(lost.code, "row_missing")
        XCTAssertEqual(lost.severity, .warning)
        XCTAssertEqual(lost.pointer, "/helpdesk/rows/0/counts")
        let expected = JSONValue.array([141, 68, 80, 55, 128, 145, 113, 113, 62, 72, 56, 32].map { .int($0) })
        XCTAssertEqual(lost.expected, expected)
        XCTAssertEqual(lost.suggestion?.value, expected)
        XCTAssertEqual(lost.suggestion?.confidence, .high)
        XCTAssertTrue(lost.message.hasPrefix("Applications lost its numbers in every month; the totals imply 141, 68, 80"), lost.message)
        XCTAssertEqual(lost.related.count, 12)
        XCTAssertEqual(Reconciler.applyingCorrections(r).helpdesk, truth.helpdesk)
    }

    /// With the row lost, the seed's `118 |` (Contact Info, Apr-17) cannot be confirmed by the
    /// April sum, so neither it nor the row's April value is applied automatically.
    func testLostRowWithDamagedNeighbourStaysUnconfirmed() throws {
        let truth = try ReconcileSupport.truth12()
        var r = truth
        r.helpdesk!.rows[0].counts = Array(repeating: nil, count: 12)
        r.helpdesk!.rows[3].counts[3] = nil
        r.provenance["/helpdesk/rows/3/counts/3"] = ReconcileSupport.prov("118 |")
        let f = Reconciler.findings(for: r)
        XCTAssertEqual(f.errors, [])
        let cell = try XCTUnwrap(f.at("/helpdesk/rows/3/counts/3").first)
        XCTAssertEqual(cell.code, "ocr_confusable")
        XCTAssertEqual(cell.suggestion?.value, .int(118))
        XCTAssertEqual(cell.suggestion?.confidence, .medium)
        let row = try XCTUnwrap(f.at("/helpdesk/rows/0/counts").first)
        XCTAssertEqual(row.suggestion?.value, .array([141, 68, 80, 55, 128, 145, 113, 113, 62, 72, 56, 32].map { .int($0) }))
        XCTAssertEqual(row.suggestion?.confidence, .medium)
        XCTAssertEqual(Reconciler.applyingCorrections(r).helpdesk, r.helpdesk, "nothing applied without confirmation")
    }

    /// A letter in the report month's total (`93A`) is confirmed twice: by the categories and by
    /// the narrative's `934 email enquiries`.
    func testLetterInReportMonthTotalConfirmedByNarrative() throws {
        let truth = try ReconcileSupport.truth12()
        var r = truth
        r.helpdesk!.total[11] = nil
        r.provenance["/helpdesk/total/11"] = ReconcileSupport.prov("93A")
        let f = Reconciler.findings(for: r)
        XCTAssertEqual(f.count, 1)
        XCTAssertEqual(f.first?.code, "ocr_confusable")
        XCTAssertEqual(f.first?.severity, .warning)
        XCTAssertEqual(f.first?.pointer, "/helpdesk/total/11")
        XCTAssertEqual(f.first?.suggestion, Suggestion(value: .int(934), confidence: .high,
                                                       rationale: "'A' read for '4'; confirmed: it equals the sum of its categories"))
        XCTAssertTrue(f.first?.related.contains("/narrative/email_enquiries") ?? false)
        XCTAssertEqual(Reconciler.applyingCorrections(r).helpdesk, truth.helpdesk)
    }

    /// Table 5 in the seed: `Jan- Feb- Apr- May Jun- Jul- Aug` (March lost from the header),
    /// `Withdrawals | O`, `oO| K| O &`.
    func testGarbledPartyTable() throws {
        let truth = try ReconcileSupport.truth12()
        var r = truth
        var months = truth.partyStatistics!.months
        months.remove(at: 2)
        r.partyStatistics!.months = months
        r.partyStatistics!.rows[2].counts[0] = nil
        r.provenance["/party_statistics/rows/2/counts/0"] = ReconcileSupport.prov("O", page: 10)
        r.partyStatistics!.rows[1].counts[4] = nil
        r.provenance["/party_statistics/rows/1/counts/4"] = ReconcileSupport.prov("oO|", page: 10)
        r.partyStatistics!.rows[1].counts[5] = nil
        r.provenance["/party_statistics/rows/1/counts/5"] = ReconcileSupport.prov("K|", page: 10)
        r.partyStatistics!.rows[1].counts[6] = nil
        let f = Reconciler.findings(for: r)
        XCTAssertEqual(f.errors, [])
        let header = try XCTUnwrap(f.at("/party_statistics/months").first)
        XCTAssertEqual(header.code, "cell_count_mismatch")
        XCTAssertEqual(header.expected, .int(12))
        XCTAssertEqual(header.suggestion?.value, .array(truth.partyStatistics!.months.map { .string($0) }))
        XCTAssertEqual(header.suggestion?.confidence, .high, "the helpdesk/website header of the same report has 12 months")
        let o = try XCTUnwrap(f.at("/party_statistics/rows/2/counts/0").first)
        XCTAssertEqual(o.code, "ocr_confusable")
        XCTAssertEqual(o.suggestion?.value, .int(0))
        XCTAssertEqual(o.suggestion?.confidence, .medium, "no total checks party statistics")
        XCTAssertEqual(o.page, 10)
        XCTAssertEqual(f.at("/party_statistics/rows/1/counts/4").first?.suggestion?.value, .int(0))
        let k = try XCTUnwrap(f.at("/party_statistics/rows/1/counts/5").first)
        XCTAssertEqual(k.code, "ocr_confusable")
        XCTAssertNil(k.suggestion)
        XCTAssertEqual(f.at("/party_statistics/rows/1/counts/6").map(\.code), ["cell_missing"])
        XCTAssertEqual(f.count, 5)
    }
}
