import XCTest
@testable import OpsReport
import TableLayout

final class NormaliserTests: XCTestCase {
    func testCounts() {
        XCTAssertEqual(NumberText.parseInt("4,979"), 4979)
        XCTAssertEqual(NumberText.parseInt("1224"), 1224)
        XCTAssertEqual(NumberText.parseInt("-"), 0)
        XCTAssertEqual(NumberText.parseInt("\u{2013}"), 0, "en dash is a printed zero")
        XCTAssertEqual(NumberText.parseInt("12\u{00A0}345"), 12345, "NBSP thousands separator")
        XCTAssertNil(NumberText.parseInt("S7"))
        XCTAssertNil(NumberText.parseInt("1,23"))
        XCTAssertNil(NumberText.parseInt("23."))
        XCTAssertTrue(NumberText.isNumberLike("S7,"))
        XCTAssertTrue(NumberText.isNumberLike("2:"))
        XCTAssertTrue(NumberText.isNumberLike("1O"))
        XCTAssertFalse(NumberText.isNumberLike("Visitors"))
    }

    /// The ASCII fast paths give what the NFKC path gives.
    func testNormaliseTrimsASCIIAndMapsTheRest() {
        XCTAssertEqual(NumberText.normalise("  4,979\t"), "4,979")
        XCTAssertEqual(NumberText.normalise("12 345"), "12 345")
        XCTAssertEqual(NumberText.normalise(" \t "), "")
        XCTAssertEqual(NumberText.normalise("\u{00A0}12\u{00A0}345 "), "12 345")
        XCTAssertEqual(NumberText.normalise(" \u{2212}5"), "-5")
        XCTAssertEqual(NumberText.normalise("\u{FB01}ve"), "five")
    }

    /// Provenance keys (JSON Pointers) escaped as one token, RFC 6901.
    func testPointerKeysAreEscapedAsOneToken() {
        XCTAssertEqual(ReportValidation.escape("/drivers/rows/0/days"), "~1drivers~1rows~10~1days")
        XCTAssertEqual(ReportValidation.escape("a~b/c"), "a~0b~1c")
        XCTAssertEqual(ReportValidation.escape("plain"), "plain")
        XCTAssertEqual(ReportValidation.escape("é/~"), "é~1~0")
    }

    func testDays() {
        XCTAssertEqual(NumberText.parseDays("448.12"), Days(hundredths: 44812))
        XCTAssertEqual(NumberText.parseDays("5.30"), Days(hundredths: 530))
        XCTAssertEqual(NumberText.parseDays("0.00"), Days(hundredths: 0))
        XCTAssertEqual(NumberText.parseDays("1,234.5"), Days(hundredths: 123450))
        XCTAssertNil(NumberText.parseDays("4.4.1"))
        XCTAssertEqual(Days(hundredths: 530).description, "5.30")
        // Sums stay exact in hundredths.
        let sum = ["0.10", "0.20", "0.30"].compactMap(NumberText.parseDays).reduce(Days(hundredths: 0), +)
        XCTAssertEqual(sum, Days(hundredths: 60))
    }

    func testMonthHeaders() {
        XCTAssertEqual(MonthText.parseHeader("Jan-17")?.month, 1)
        XCTAssertEqual(MonthText.parseHeader("Jan-17")?.year, 2017)
        XCTAssertEqual(MonthText.parseHeader("Jun 2018")?.year, 2018)
        XCTAssertEqual(MonthText.parseHeader("January 2017")?.month, 1)
        XCTAssertEqual(MonthText.parseHeader("Sept")?.month, 9)
        XCTAssertNil(MonthText.parseHeader("Sept")?.year)
        XCTAssertEqual(MonthText.parseHeader("2017-03")?.month, 3)
        XCTAssertEqual(MonthText.parseHeader("03/2017")?.year, 2017)
        XCTAssertNil(MonthText.parseHeader("Total"))
        XCTAssertEqual(MonthText.trailing(3, endingAt: "2017-01"), ["2016-11", "2016-12", "2017-01"])
    }

    func testDates() {
        XCTAssertEqual(DateText.dates(in: "08/12/2017"), ["2017-12-08"])
        XCTAssertEqual(DateText.dates(in: "on 21st December 2017 and 2 nd January 2018"), ["2017-12-21", "2018-01-02"])
        XCTAssertEqual(DateText.dates(in: "13/12/2017 20/12/2017"), ["2017-12-13", "2017-12-20"])
        XCTAssertEqual(DateText.dates(in: "31/02/2017"), [], "impossible date")
    }
}
