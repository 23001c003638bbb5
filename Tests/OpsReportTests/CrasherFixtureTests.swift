import XCTest
import Foundation
import OpsReport

/// Mutants found by `scripts/mutate-corpus.py` that once ended badly, kept in
/// `Fixtures/crashers/`: each must end with a documented status, and an exit-0 output must be
/// schema-valid.
final class CrasherFixtureTests: TempFolderTestCase {
    override var tempTag: String { "crashers" }

    /// A byte flip in the helpdesk header once gave `months: ["", …]` with exit 0 (a
    /// schema-invalid report, stored by the batch); later such files were refused (exit 70).
    /// Now a value the schema cannot hold is set aside with a finding (`ReportSanitizer`): the
    /// report is schema-valid with exit 0, or the file is refused for what it is (13, 18).
    func testEveryCrasherEndsWithADocumentedStatusAndNoInvalidOutput() throws {
        let dir = Fixtures.root.appendingPathComponent("crashers")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pdf") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for f in files {
            let out = root.appendingPathComponent(f + ".json").path
            let r = try ArchiveSupport.runLogged(["extract", dir.appendingPathComponent(f).path, "-o", out], logs: root, tag: f)
            XCTAssertTrue([0, 13, 18].contains(r.status), "\(f): \(r.status) \(r.err)")
            if r.status == 0 {
                let report = try ReportCoding.decode(Data(contentsOf: URL(fileURLWithPath: out)))
                XCTAssertEqual(ReportValidation.violations(report), [], f)
                if f.contains("months") || f.contains("negative") {
                    XCTAssertTrue(report.findings.contains { ["months_unreadable", "negative_value"].contains($0.code) && $0.severity == .error },
                                  "\(f): what could not be read is a finding")
                }
            } else {
                XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(f): nothing written")
                XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
            }
        }
    }
}
