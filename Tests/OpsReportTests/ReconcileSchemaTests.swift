import XCTest
import OpsReport
@testable import Reconcile

/// Acceptance 4: findings JSON validates against `schemas/findings.schema.json` (Draft 2020-12,
/// checked by Python's `jsonschema` run through `Process`).
final class ReconcileSchemaTests: XCTestCase {
    static let schema = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schemas/findings.schema.json")

    /// Validates `data` (a JSON document) and returns the validator's exit status and output.
    private func validate(_ data: Data) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("findings-\(UUID().uuidString).json")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
            for e in errors: print(e.message)
            sys.exit(1 if errors else 0)
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, Self.schema.path, file.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    /// Findings of many kinds: planted error, OCR repairs, lost row (array values), dates, references.
    private func sampleFindings() throws -> [Finding] {
        var all = Reconciler.findings(for: try Fixtures.truth("2017-10-operations-report"))
        var r = try ReconcileSupport.truth12()
        r.helpdesk!.rows[0].counts = Array(repeating: nil, count: 12)
        r.helpdesk!.rows[6].counts[3] = nil
        r.provenance["/helpdesk/rows/6/counts/3"] = ReconcileSupport.prov("I5O")
        r.drivers!.grandTotal = Days(hundredths: 48412)
        r.narrative.emailEnquiries = 943
        r.meetings![4].meeting = "Working Group - SECMPO0027"
        r.meetings![0].dates = ["315t January 2018"]
        r.website!.rows[1].values[2] = nil
        r.missingSections = ["modification_status"]
        all += Reconciler.findings(for: r)
        return all
    }

    func testFindingsValidateAgainstSchema() throws {
        let findings = try sampleFindings()
        let codes = Set(findings.map(\.code))
        XCTAssertTrue(codes.isSuperset(of: ["total_row_mismatch", "grand_total_mismatch", "narrative_mismatch", "row_missing",
                                            "ocr_confusable", "ocr_reference", "ocr_ordinal", "cell_missing", "section_missing"]), "\(codes)")
        let (status, output) = try validate(try ReportCoding.encoder().encode(findings))
        XCTAssertEqual(status, 0, output)
        for f in findings {   // one finding on its own is valid too
            let (s, o) = try validate(try ReportCoding.encoder().encode(f))
            XCTAssertEqual(s, 0, "\(f.code): \(o)")
        }
    }

    func testSchemaRejectsMalformedFindings() throws {
        let good = try XCTUnwrap(try sampleFindings().first)
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: ReportCoding.encoder().encode(good)) as? [String: Any])
        object["severity"] = "fatal"
        let (status, output) = try validate(try JSONSerialization.data(withJSONObject: [object]))
        XCTAssertEqual(status, 1)
        XCTAssertTrue(output.contains("fatal") || output.contains("not valid"), output)
        object["severity"] = "error"
        object["pointer"] = "helpdesk/total/10"   // not a JSON Pointer
        XCTAssertEqual(try validate(try JSONSerialization.data(withJSONObject: [object])).0, 1)
        object["pointer"] = "/helpdesk/total/10"
        object.removeValue(forKey: "message")
        XCTAssertEqual(try validate(try JSONSerialization.data(withJSONObject: object)).0, 1)
    }
}
