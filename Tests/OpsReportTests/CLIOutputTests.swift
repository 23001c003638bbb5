import XCTest
import OpsReport

/// What `extract` and `reconcile` do with awkward inputs and outputs.
final class CLIOutputTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let d = dir!
        addTeardownBlock { try? FileManager.default.removeItem(at: d) }
    }
    var sample: String { Fixtures.pdf("2017-11-operations-report") }

    func testADirectoryIsNotAnEmptyFile() throws {
        let r = try CLI.run(["extract", dir.path])
        XCTAssertEqual(r.status, 10, r.stderr)
        XCTAssertTrue(r.stderr.contains("is a directory"), r.stderr)
    }

    func testOutputMayNotReplaceTheInput() throws {
        let copy = dir.appendingPathComponent("r.pdf").path
        try FileManager.default.copyItem(atPath: sample, toPath: copy)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let r = try CLI.run(["extract", copy, "-o", copy])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), before)
    }

    func testOutDirRefusesTwoInputsWithTheSameName() throws {
        for sub in ["a", "b"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: sample, toPath: dir.appendingPathComponent("\(sub)/r.pdf").path)
        }
        let out = dir.appendingPathComponent("out").path
        let r = try CLI.run(["extract", dir.appendingPathComponent("a/r.pdf").path, dir.appendingPathComponent("b/r.pdf").path, "--out-dir", out])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("r.json"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testOutDirIsCreatedAndFilledWithOneJSONPerReport() throws {
        let out = dir.appendingPathComponent("new/folder").path
        let r = try CLI.run(["extract", sample, Fixtures.pdf("2017-12-operations-report"), "--out-dir", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(),
                       ["2017-11-operations-report.json", "2017-12-operations-report.json"])
        XCTAssertEqual(try ReportCoding.decode(Data(contentsOf: URL(fileURLWithPath: out + "/2017-12-operations-report.json"))).period, "2017-12")
    }

    func testOutputIntoAMissingDirectoryOrOverAReadOnlyFileFails() throws {
        let missing = dir.appendingPathComponent("nope/x.json").path
        let r = try CLI.run(["extract", sample, "-o", missing])
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertTrue(r.stderr.contains("does not exist"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("nope").path), "no directory is created for -o")
        let readOnly = dir.appendingPathComponent("ro.json").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: readOnly))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly)
        if getuid() != 0 || access(readOnly, W_OK) != 0 {
            let ro = try CLI.run(["extract", sample, "-o", readOnly])
            XCTAssertEqual(ro.status, 73, ro.stderr)
            XCTAssertEqual(try String(contentsOfFile: readOnly, encoding: .utf8), "keep")
        }
    }

    func testReconcileRejectsJSONThatIsNotAReport() throws {
        let junk = dir.appendingPathComponent("junk.json").path
        try Data(#"{"a":1}"#.utf8).write(to: URL(fileURLWithPath: junk))
        let r = try CLI.run(["reconcile", junk, "--fail-on", "info"])
        XCTAssertEqual(r.status, 2, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("error: "), r.stderr)
        let broken = dir.appendingPathComponent("broken.json").path
        try Data(#"{"period": "2017-11", "helpdesk": {"months": [], "rows": [], "total": ["x"]}}"#.utf8).write(to: URL(fileURLWithPath: broken))
        let b = try CLI.run(["reconcile", broken])
        XCTAssertEqual(b.status, 2)
        XCTAssertTrue(b.stderr.contains("/helpdesk/total/0"), b.stderr)
    }

    func testReconcileOutputErrorsAreNamedAndDistinct() throws {
        let r = try CLI.run(["reconcile", sample, "-o", dir.appendingPathComponent("nope/x.json").path])
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertTrue(r.stderr.contains("nope/x.json"), r.stderr)
        let ok = dir.appendingPathComponent("rec.json").path
        let good = try CLI.run(["reconcile", sample, "-o", ok])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(try ReportCoding.decode(Data(contentsOf: URL(fileURLWithPath: ok))).narrative.emailEnquiries, 1580)
    }
}
