import XCTest
import OpsReport
@testable import Reconcile

/// The OCR repair primitives behind the rules.
final class ReconcileRepairTests: XCTestCase {
    func testConfusableReadings() {
        XCTAssertEqual(Confusables.readings(of: "S7", as: .count).map(\.value), [57, 37, 87])
        XCTAssertEqual(Confusables.readings(of: "bi", as: .count).map(\.value), [61])
        XCTAssertEqual(Confusables.readings(of: "it", as: .count).map(\.value), [11, 17])
        XCTAssertEqual(Confusables.readings(of: "118 |", as: .count).map(\.value), [118])
        XCTAssertEqual(Confusables.readings(of: "1,2O4", as: .count).map(\.value), [1204])
        XCTAssertEqual(Confusables.readings(of: "S77", as: .hundredths).map(\.value), [577, 57700, 377, 37700, 877, 87700])
        XCTAssertEqual(Confusables.readings(of: "448,12", as: .hundredths).first?.value, 44812)
        XCTAssertEqual(Confusables.readings(of: "K|", as: .count), [])
        XCTAssertEqual(Confusables.readings(of: "&", as: .count), [])
    }

    func testDigitEdits() {
        XCTAssertEqual(DigitEdit.explain(printed: "1194", implied: 1149, as: .count),
                       .init(rank: 1, rationale: "transposed digits 49/94"))
        XCTAssertEqual(DigitEdit.explain(printed: "42", implied: 12, as: .count)?.rank, 2)
        XCTAssertEqual(DigitEdit.explain(printed: "5", implied: 50, as: .count)?.rationale, "dropped digit (5 for 50)")
        XCTAssertEqual(DigitEdit.explain(printed: "4481.2", implied: 44812, as: .hundredths)?.rationale, "misplaced decimal point")
        XCTAssertEqual(DigitEdit.explain(printed: "S7", implied: 57, as: .count)?.rank, 0)
        XCTAssertNil(DigitEdit.explain(printed: "440.00", implied: 44812, as: .hundredths))
    }

    func testDateRepairs() {
        XCTAssertEqual(DateRepair.readings(of: "315t January 2018").map(\.iso), ["2018-01-31"])
        XCTAssertEqual(DateRepair.readings(of: "21st December 2017").first?.rationale, "")
        XCTAssertEqual(DateRepair.readings(of: "O8/12/2017").first?.iso, "2017-12-08")
        XCTAssertEqual(DateRepair.readings(of: "31/11/2017"), [])
        XCTAssertEqual(DateRepair.readings(of: "19\" January", defaultYear: 2018).first?.iso, "2018-01-19")
        XCTAssertTrue(DateRepair.isValidISO("2016-02-29"))
        XCTAssertFalse(DateRepair.isValidISO("2017-02-29"))
    }

    func testReferenceRepairs() {
        XCTAssertEqual(ReferenceRepair.repaired("e SECMPO0027 'Amending Service Request Forecasting'")?.text,
                       "e SECMP0027 'Amending Service Request Forecasting'")
        XCTAssertNil(ReferenceRepair.repaired("SECMP0044 'User Security Assessment'"))
        XCTAssertEqual(ReferenceRepair.repaired("SECMPOO44")?.text, "SECMP0044")
        XCTAssertEqual(ReferenceRepair.repaired("SECP_S2_1201_1l")?.text, "SECP_52_1201_11")
        XCTAssertNil(ReferenceRepair.repaired("SECP_52_1201_11"))
    }
}
