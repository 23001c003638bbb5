import XCTest
import OpsReport

/// `Report.cells`, the one enumeration of a report's numeric cells, against the truth files:
/// every cell's pointer resolves in the truth JSON to its value, its month and its row label,
/// and every number printed in a section is one of the cells.
final class ReportCellsTests: XCTestCase {
    static let sections = ["narrative", "drivers", "helpdesk", "website", "party_statistics", "voting_groups", "modification_status"]

    func testCellsResolveInTheTruthJSONAndCoverEveryNumber() throws {
        for stem in Fixtures.textStems {
            let report = try Fixtures.truth(stem)
            let json = try Fixtures.truthJSON(stem)
            let cells = report.cells
            XCTAssertFalse(cells.isEmpty, stem)
            for c in cells {
                let leaf = Self.resolve(json, c.pointer)
                switch leaf {
                case let n as NSNumber:
                    let expected = c.unit == .days ? Int((n.doubleValue * 100).rounded()) : n.intValue
                    XCTAssertEqual(c.value, expected, "\(stem) \(c.pointer)")
                case is NSNull, nil:
                    XCTAssertNil(c.value, "\(stem) \(c.pointer)")
                default:
                    XCTFail("\(stem) \(c.pointer): not a number in the truth JSON")
                }
                let t = c.pointer.split(separator: "/").map(String.init)
                if let j = Int(t.last ?? ""), ["helpdesk", "website", "party_statistics"].contains(c.section) {
                    XCTAssertEqual(c.month, Self.resolve(json, "/\(c.section)/months/\(j)") as? String, "\(stem) \(c.pointer)")
                }
                if t.count >= 3, t[1] == "rows", let i = Int(t[2]) {
                    let key = ["helpdesk": "category", "website": "metric", "party_statistics": "measure", "drivers": "driver", "modification_status": "status"][c.section]!
                    XCTAssertEqual(c.label, Self.resolve(json, "/\(c.section)/rows/\(i)/\(key)") as? String, "\(stem) \(c.pointer)")
                }
            }
            let pointers = Set(cells.map(\.pointer))
            var numbers: [String] = []
            for s in Self.sections { Self.numbers(in: json[s], at: "/" + s, into: &numbers) }
            XCTAssertFalse(numbers.isEmpty, stem)
            for p in numbers { XCTAssertTrue(pointers.contains(p), "\(stem): \(p) is printed but not a cell") }
        }
    }

    static func resolve(_ root: Any, _ pointer: String) -> Any? {
        var node: Any? = root
        for token in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            if let d = node as? [String: Any] { node = d[String(token)] }
            else if let a = node as? [Any], let i = Int(token), i < a.count { node = a[i] }
            else { return nil }
        }
        return node
    }

    static func numbers(in node: Any?, at pointer: String, into out: inout [String]) {
        if let d = node as? [String: Any] { for (k, v) in d { numbers(in: v, at: pointer + "/" + k, into: &out) } }
        else if let a = node as? [Any] { for (i, v) in a.enumerated() { numbers(in: v, at: pointer + "/\(i)", into: &out) } }
        else if let n = node as? NSNumber, String(cString: n.objCType) != "c" { out.append(pointer) }
    }
}
