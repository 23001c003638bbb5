import XCTest
import Foundation
import OpsReport

/// `reconcile` on report JSON written by hand or by another tool: a number no field can hold is
/// named (not "not valid JSON"), and a report that breaks the schema is checked but not copied
/// with `-o` (status 2, not the internal-error status 70).
final class ReconcileInputTests: TempFolderTestCase {
    override var tempTag: String { "reconcile-input" }

    func write(_ json: String, _ name: String) throws -> String {
        let p = root.appendingPathComponent(name).path
        try Data(json.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    func testANumberNoFieldCanHoldIsNamed() throws {
        for number in ["1e20", "100000000000000000000", "-9223372036854775809"] {
            let f = try write(#"{"period": "2017-01", "voting_groups": [{"category": "A", "count": \#(number)}]}"#, "n.json")
            let r = try ArchiveSupport.runLogged(["reconcile", f], logs: root, tag: "number")
            XCTAssertEqual(r.status, 2, r.err)
            XCTAssertTrue(r.err.contains("the number \(number)") && r.err.contains("out of range"), r.err)
        }
        XCTAssertNil(JSONInputLimits.firstOutOfRangeNumber(Data(#"{"a": "1e20", "b": [1, -2, 3.25, 9223372036854775807]}"#.utf8)),
                     "numbers in strings and numbers in range are not named")
        XCTAssertEqual(JSONInputLimits.firstOutOfRangeNumber(Data(#"{"a": [1, 2e19]}"#.utf8))?.text, "2e19")
    }

    func testAReportThatBreaksTheSchemaIsCheckedButNotCopied() throws {
        let truth = Fixtures.truthDir.appendingPathComponent(Fixtures.textStems[0] + ".json").path
        let out = root.appendingPathComponent("out.json").path
        let copy = try ArchiveSupport.runLogged(["reconcile", truth, "-o", out], logs: root, tag: "truth-o")
        XCTAssertEqual(copy.status, 2, "a truth file has no source: " + copy.err)
        XCTAssertTrue(copy.err.contains("/source/sha256") && copy.err.contains("without -o its findings are printed"), copy.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        let check = try ArchiveSupport.runLogged(["reconcile", truth], logs: root, tag: "truth")
        XCTAssertEqual(check.status, 0, check.err)
        XCTAssertTrue(check.out.contains("0 finding(s)"), check.out)
        let negative = try write(#"{"period": "2017-01", "drivers": {"rows": [{"group": "Core", "driver": "X", "days": -1}]}}"#, "neg.json")
        let r = try ArchiveSupport.runLogged(["reconcile", negative, "-o", out], logs: root, tag: "negative")
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("/drivers/rows/0/days: negative"), r.err)
    }
}
