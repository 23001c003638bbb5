import XCTest
import PDFLayout
import TableLayout
@testable import OpsReport
@testable import Reconcile

/// Numeric paths are total: hostile values give findings or typed errors, never a trap.
final class HostileNumbersTests: XCTestCase {
    /// Printed texts and values of the crashers, and neighbours of every overflow edge.
    static let hostileTexts = ["99999999999999999999", "92233720368547758.07", "9223372036854775807", "9,223,372,036,854,775,807",
                               "999,999,999,999,999,999", "18446744073709551616", "1e300", "SSSSSSSSSSSSSSSSSS", "l.2S", "-"]
    static let hostileValues = [Int.max, Int.min + 1, Int.max / 100, Int.max / 2 + 1, 1 << 62, -(1 << 62), 1_000_000_000_001, 0, 7]

    func testNumberParsersRejectOrBoundOverflowingTexts() {
        XCTAssertNil(NumberText.parseInt("99999999999999999999"))
        XCTAssertNil(Quantity.count.cleanValue("99999999999999999999"))
        XCTAssertNil(Quantity.hundredths.cleanValue("92233720368547758.07"))
        XCTAssertNil(NumberText.parseDays("999999999999999999.99"), "18 digits × 100 overflows: not a number of days")
        XCTAssertEqual(NumberText.parseDays("448.12"), Days(hundredths: 44812))
        XCTAssertNil(NumberText.parseDays("92233720368547758.07"), "beyond what a report JSON can read back (mutation run m004776)")
        var r = Report(source: Source(file: "x", sha256: String(repeating: "0", count: 64), pages: 1), variant: "text")
        r.narrative.resourceDaysTotal = Days(hundredths: Int.max)
        XCTAssertEqual(ReportValidation.violations(r).map(\.pointer), ["/narrative/resource_days_total"])
        XCTAssertEqual(Confusables.readings(of: "SSSSSSSSSSSSSSSSSS", as: .count), [])
        XCTAssertEqual(Confusables.readings(of: "S7", as: .count).first?.value, 57)
    }

    func testDaysDecodingRefusesValuesBeyondHundredths() throws {
        for bad in ["9.3e16", "1e300", "-1e300"] {
            XCTAssertThrowsError(try JSONDecoder().decode([Days].self, from: Data("[\(bad)]".utf8)), bad)
        }
        XCTAssertEqual(try JSONDecoder().decode([Days].self, from: Data("[448.12]".utf8)), [Days(hundredths: 44812)])
    }

    func testJSONInputNestingAndSizeAreBounded() throws {
        let deep = Data((String(repeating: "[", count: 513) + String(repeating: "]", count: 513)).utf8)
        XCTAssertThrowsError(try ReportCoding.decode(deep)) { XCTAssertTrue($0 is JSONInputLimits.Refusal, "\($0)") }
        let nestedInString = Data(("{\"period\": \"" + String(repeating: "[", count: 1000) + "\"}").utf8)
        XCTAssertNoThrow(try JSONInputLimits.check(nestedInString), "brackets inside strings do not count")
        XCTAssertThrowsError(try JSONInputLimits.check(Data(count: JSONInputLimits.maxBytes + 1)))
    }

    /// Generated family: every sum rule over reports whose cells take hostile values (and hostile
    /// printed texts) ends with findings; an out-of-range value is named by `value_out_of_range`
    /// at its pointer and the printed value is left as it is.
    func testReconcileIsTotalOverHostileValues() throws {
        var seeded = SeededGenerator(seed: 12)
        for round in 0..<150 {
            var r = try Fixtures.truth(Fixtures.textStems[round % Fixtures.textStems.count])
            func pick() -> Int { Self.hostileValues[Int(seeded.next() % UInt64(Self.hostileValues.count))] }
            func text() -> String { Self.hostileTexts[Int(seeded.next() % UInt64(Self.hostileTexts.count))] }
            var planted: [String] = []
            if var d = r.drivers, !d.rows.isEmpty {
                let i = Int(seeded.next() % UInt64(d.rows.count))
                d.rows[i].days = Days(hundredths: pick()); planted.append("/drivers/rows/\(i)/days")
                d.grandTotal = Days(hundredths: pick()); planted.append("/drivers/grand_total")
                r.drivers = d
                r.provenance["/drivers/rows/\(i)/days"] = Provenance(page: 1, bbox: BBox(x0: 0, y0: 0, x1: 1, y1: 1), text: text())
            }
            if var h = r.helpdesk, !h.rows.isEmpty, !h.total.isEmpty {
                let i = Int(seeded.next() % UInt64(h.rows.count)), j = Int(seeded.next() % UInt64(h.total.count))
                if j < h.rows[i].counts.count { h.rows[i].counts[j] = pick(); planted.append("/helpdesk/rows/\(i)/counts/\(j)") }
                h.total[j] = pick(); planted.append("/helpdesk/total/\(j)")
                r.helpdesk = h
                r.provenance["/helpdesk/total/\(j)"] = Provenance(page: 1, bbox: BBox(x0: 0, y0: 0, x1: 1, y1: 1), text: text())
            }
            r.narrative.parties = pick(); r.narrative.votingGroups = pick(); r.narrative.resourceDaysTotal = Days(hundredths: pick())
            let out = Reconciler.reconcile(r)
            XCTAssertEqual(out.drivers, r.drivers, "printed values are never modified")
            let flagged = Set(out.findings.filter { $0.code == FindingCode.valueOutOfRange }.map(\.pointer))
            for p in planted {
                let v = Self.value(at: p, in: r)
                XCTAssertEqual(flagged.contains(p), !RangeGuard.inRange(v), "round \(round) \(p) = \(String(describing: v))")
            }
        }
    }

    static func value(at pointer: String, in r: Report) -> Int? {
        let t = pointer.split(separator: "/").map(String.init)
        switch (t.first, t.count) {
        case ("drivers", 2): return r.drivers?.grandTotal?.hundredths
        case ("drivers", 4): return r.drivers?.rows[Int(t[2])!].days?.hundredths
        case ("helpdesk", 3): return r.helpdesk?.total[Int(t[2])!]
        case ("helpdesk", 5): return r.helpdesk?.rows[Int(t[2])!].counts[Int(t[4])!]
        default: return nil
        }
    }

    /// Thousands of rows, half of them OCR-damaged: the sum rules finish (they are linear in the
    /// rows) and each finding lists at most `SumCheck.maxRelated` related pointers.
    func testSumRulesOverThousandsOfRowsStayLinearInOutput() throws {
        var r = try Fixtures.truth(Fixtures.textStems[0])
        let n = 4000
        r.drivers = Drivers(rows: (0..<n).map { DriverRow(group: "Core", driver: "Driver \($0)", days: $0 % 2 == 0 ? nil : Days(hundredths: 125)) },
                            grandTotal: Days(hundredths: 125 * n + 300))
        for i in stride(from: 0, to: n, by: 2) {
            r.provenance["/drivers/rows/\(i)/days"] = Provenance(page: 1, bbox: BBox(x0: 0, y0: 0, x1: 1, y1: 1), text: "l.2S")
        }
        let findings = Reconciler.findings(for: r)
        let driverFindings = findings.filter { $0.pointer.hasPrefix("/drivers") }
        XCTAssertEqual(driverFindings.filter { $0.code == FindingCode.ocrConfusable }.count, n / 2)
        XCTAssertLessThanOrEqual(driverFindings.map(\.related.count).max() ?? 0, SumCheck.maxRelated)
    }

    /// Word boxes and font sizes of 10¹⁸ points (a hostile font size) are laid out at once:
    /// no trap in the band index, no loop over empty bands.
    func testLineBuildingWithHugeGeometryEnds() {
        let huge: [Double] = [9.223372036854775808e18, 1e300, .greatestFiniteMagnitude, -1e300]
        var words = [Word(text: "Total", bbox: BBox(x0: 10, y0: 10, x1: 40, y1: 20), fontSize: 10, page: 1)]
        for (k, v) in huge.enumerated() {
            words.append(Word(text: "w\(k)", bbox: BBox(x0: 50 + Double(k), y0: 0, x1: 60 + Double(k), y1: v), fontSize: v, page: 1))
            words.append(Word(text: "y\(k)", bbox: BBox(x0: 80 + Double(k), y0: v, x1: 90 + Double(k), y1: v), fontSize: 10, page: 1))
        }
        let lines = LineBuilder.lines(words)
        XCTAssertEqual(lines.flatMap(\.words).count, words.count)
        let clamped = GeometryLimits.clamp(BBox(x0: -.infinity, y0: -1e300, x1: 1e300, y1: 9.2e18), width: 612, height: 792)
        XCTAssertEqual([clamped.x0, clamped.y0, clamped.x1, clamped.y1], [-612, -792, 1224, 1584])
        XCTAssertEqual(GeometryLimits.clamp(.nan, -5, 5), 0)
        XCTAssertEqual(GeometryLimits.fontSize(9.223372036854775808e18), GeometryLimits.maxFontSize)
        XCTAssertEqual(GeometryLimits.int(.nan), 0)
        XCTAssertEqual(GeometryLimits.int(1e300), 9_007_199_254_740_992)
    }
}

/// A small deterministic generator (SplitMix64) for generated test cases.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
