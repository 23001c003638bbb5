import XCTest
import OpsReport
import Reconcile

/// Every corpus output validates against `schemas/report.schema.json`, checked by Python's
/// `jsonschema` (an independent validator) through `scripts/validate-json.py`.
final class SchemaValidationTests: XCTestCase {
    static let repo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testAllCorpusOutputsValidate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        for stem in Fixtures.textStems {
            let r = try CLI.run(["extract", Fixtures.pdf(stem), "-o", dir.appendingPathComponent(stem + ".json").path])
            XCTAssertEqual(r.status, 0, "\(stem): \(r.stderr)")
            files.append(dir.appendingPathComponent(stem + ".json").path)
        }
        // The scans as `extract` writes them (reconciled, encoded), from the extraction the other
        // test cases share: their OCR takes most of a minute each in a debug build. The CLI's
        // OCR run under the default CPU limit (ResourceLimits.allowOCR) is shown by the corpus
        // batch (ArchiveCorpusBatchTests), whose workers are `extract` with default limits.
        for stem in Fixtures.scannedStems {
            var data = try ReportCoding.encode(Reconciler.reconcile(try Fixtures.extracted(stem)))
            data.append(0x0A)
            try data.write(to: dir.appendingPathComponent(stem + ".json"))
            files.append(dir.appendingPathComponent(stem + ".json").path)
        }
        let missing = dir.appendingPathComponent("missing-helpdesk.json").path
        XCTAssertEqual(try CLI.run(["extract", Fixtures.badPDF("2017-08-operations-report.missing-helpdesk.pdf"), "-o", missing]).status, 0)
        files.append(missing)
        let script = Self.repo.appendingPathComponent("scripts/validate-json.py").path
        let v = try CLI.run("/usr/bin/env", ["python3", script, Self.repo.appendingPathComponent("schemas").path, "report.schema.json"] + files)
        XCTAssertEqual(v.status, 0, v.stdout + v.stderr)
        XCTAssertEqual(v.stdout.split(separator: "\n").filter { $0.hasPrefix("valid ") }.count, files.count, v.stdout)
    }

    func testSchemaRejectsAnInvalidReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-schema-neg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var report = try ReportExtractor.extract(path: Fixtures.pdf("2017-02-operations-report"))
        report.period = "February 2017"   // not YYYY-MM
        let f = dir.appendingPathComponent("bad.json")
        try ReportCoding.encode(report).write(to: f)
        let script = Self.repo.appendingPathComponent("scripts/validate-json.py").path
        let v = try CLI.run("/usr/bin/env", ["python3", script, Self.repo.appendingPathComponent("schemas").path, "report.schema.json", f.path])
        XCTAssertEqual(v.status, 1)
        XCTAssertTrue(v.stdout.contains("/period"), v.stdout)
    }
}
