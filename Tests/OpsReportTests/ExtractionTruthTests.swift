import XCTest
import OpsReport

/// Extracts every text report of the corpus and compares it with its truth file.
final class ExtractionTruthTests: XCTestCase {
    func testTwelveTextReportsMatchTruthCellForCell() throws {
        var matched = 0, total = 0
        for stem in Fixtures.textStems {
            let report = try ReportExtractor.extract(path: Fixtures.pdf(stem))
            let cmp = TruthComparison(extracted: report, truth: try Fixtures.truth(stem))
            matched += cmp.matched; total += cmp.total
            XCTAssertEqual(cmp.mismatches, [], "\(stem)")
            XCTAssertEqual(report.variant, "text", stem)
            XCTAssertEqual(report.missingSections, [], stem)
            XCTAssertEqual(report.findings.filter { $0.code == "months_inferred" }.map(\.pointer), [], "\(stem): month headers are read, not inferred")
            print("\(stem): \(cmp.matched)/\(cmp.total) cells match")
        }
        print("corpus: \(matched)/\(total) cells match the truth files")
        XCTAssertGreaterThan(total, 4000)
        XCTAssertEqual(matched, total)
    }

    func testEncryptedReportReadsWithItsPassword() throws {
        let path = Fixtures.badPDF("2017-04-operations-report.encrypted.pdf")
        let report = try ReportExtractor.extract(path: path, password: "open-sesame")
        let facts = try Fixtures.badFacts("2017-04-operations-report.encrypted")
        let cmp = TruthComparison(extracted: report, truth: facts)
        XCTAssertEqual(cmp.mismatches, [])
        XCTAssertGreaterThan(cmp.matched, 350)
    }

    func testMissingHelpdeskGivesEveryOtherTableAndListsTheSection() throws {
        let report = try ReportExtractor.extract(path: Fixtures.badPDF("2017-08-operations-report.missing-helpdesk.pdf"))
        XCTAssertEqual(report.missingSections, ["helpdesk"])
        XCTAssertNil(report.helpdesk)
        let cmp = TruthComparison(extracted: report, truth: try Fixtures.badFacts("2017-08-operations-report.missing-helpdesk"))
        XCTAssertEqual(cmp.mismatches, [])
        XCTAssertEqual(report.narrative.emailEnquiries, 1432)
    }

    func testEveryValueHasProvenanceOnItsPage() throws {
        let report = try ReportExtractor.extract(path: Fixtures.pdf("2017-12-operations-report"))
        // Table 2 (helpdesk) is on page 7 of the December report; its Dec-17 Applications count is 32.
        let p = try XCTUnwrap(report.provenance["/helpdesk/rows/0/counts/11"])
        XCTAssertEqual(p.page, 7)
        XCTAssertEqual(p.text, "32")
        XCTAssertLessThan(p.bbox.x0, p.bbox.x1)
        XCTAssertEqual(report.provenance["/drivers/grand_total"]?.text, "448.12")
        XCTAssertEqual(report.provenance["/narrative/email_enquiries"]?.text, "934")
        XCTAssertEqual(report.provenance["/website/rows/0/values/0"]?.text, "4,979")
        // Every helpdesk, website and party cell has an entry.
        let h = try XCTUnwrap(report.helpdesk)
        for i in h.rows.indices { for j in h.months.indices { XCTAssertNotNil(report.provenance["/helpdesk/rows/\(i)/counts/\(j)"]) } }
        for j in h.months.indices { XCTAssertNotNil(report.provenance["/helpdesk/total/\(j)"]) }
        XCTAssertEqual(report.source.pages, 12)
        XCTAssertEqual(report.source.sha256.count, 64)
    }

    func testJSONRoundTripsThroughTheModel() throws {
        let report = try ReportExtractor.extract(path: Fixtures.pdf("2017-11-operations-report"))
        let again = try ReportCoding.decode(ReportCoding.encode(report))
        XCTAssertTrue(again == report, "decode(encode(report)) differs from report")
    }
}
