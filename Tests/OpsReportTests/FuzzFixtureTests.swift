import XCTest
import Foundation

/// Every input in `Fixtures/fuzz/` (seeds, and crashers found by `scripts/fuzz.sh` or reported
/// in issue 12: a huge font size, 513 nested arrays, days and counts that overflow a sum) runs
/// through the fuzz target's pipeline (words → tables → reconcile → schema check, or the JSON
/// reader) in the `OpsReportFuzz` replay tool, which must end normally on each.
final class FuzzFixtureTests: XCTestCase {
    func testEveryFuzzFixtureRunsToTheEnd() throws {
        let dir = Fixtures.root.appendingPathComponent("fuzz")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().map { dir.appendingPathComponent($0).path }
        XCTAssertGreaterThanOrEqual(inputs.count, 6)
        let tool = URL(fileURLWithPath: ArchiveSupport.opsreport).deletingLastPathComponent().appendingPathComponent("OpsReportFuzz").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = inputs
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .exit, out)
        XCTAssertEqual(p.terminationStatus, 0, out)
        XCTAssertEqual(out.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count, inputs.count, out)
    }
}
