import XCTest
@testable import OpsReport
import PDFLayout

/// Narrative figures are read only from their own phrases.
final class NarrativeParserTests: XCTestCase {
    func words(_ text: String) -> [Word] {
        text.split(separator: " ").enumerated().map { i, t in
            Word(text: String(t), bbox: BBox(x0: Double(i) * 30, y0: 100, x1: Double(i) * 30 + 25, y1: 110), page: 4)
        }
    }

    func testFiguresComeFromTheirPhrases() {
        let text = "The SECAS Helpdesk receives enquiries via 999 email and telephone. There were approximately 152 telephone enquiries and 1,580 email enquiries to the SECAS mailbox. The total number of resource days in November 2017 was 434.86. At the end of the reporting month, there were 280 Parties to the SEC representing 221 Voting Groups:"
        let f = NarrativeParser.parse(words(text))
        XCTAssertEqual(f["email_enquiries"]?.text, "1,580", "a number before 'email' that is not followed by 'enquiries' is not the count")
        XCTAssertEqual(f["telephone_enquiries"]?.text, "152")
        XCTAssertEqual(f["resource_days_total"]?.text, "434.86")
        XCTAssertEqual(f["parties"]?.text, "280")
        XCTAssertEqual(f["voting_groups"]?.text, "221")
        XCTAssertEqual(f["email_enquiries"]?.cell.page, 4)
    }

    func testOtherPhrasingsAndAbsentFigures() {
        let f = NarrativeParser.parse(words("There were 12 e-mail enquiries this month."))
        XCTAssertEqual(f["email_enquiries"]?.text, "12")
        XCTAssertNil(f["telephone_enquiries"])
        XCTAssertNil(f["resource_days_total"])
    }
}
