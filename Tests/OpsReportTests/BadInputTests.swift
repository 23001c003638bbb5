import XCTest
import OpsReport
import PDFLayout

/// Each file in `corpus/bad/` gets its own clear error and its own exit status.
final class BadInputTests: XCTestCase {
    /// file → (error kind, exit status, words the message must contain)
    static let expected: [(String, String, Int32, String)] = [
        ("2017-03-operations-report.truncated.pdf", "damaged", 13, "damaged or incomplete"),
        ("2017-04-operations-report.encrypted.pdf", "password_required", 14, "--password"),
        ("empty.pdf", "empty", 11, "empty (0 bytes)"),
        ("not-a-pdf.pdf", "not_pdf", 12, "not a PDF"),
        ("letter-change-of-address.pdf", "not_a_report", 18, "not an Operations Report"),
        ("blank-300-pages.pdf", "blank", 17, "no text and no images"),
    ]

    func testLibraryRaisesADistinctTypedErrorPerBadInput() throws {
        for (file, kind, code, words) in Self.expected {
            XCTAssertThrowsError(try ReportExtractor.extract(path: Fixtures.badPDF(file)), file) { error in
                guard let e = error as? ExtractionError else { return XCTFail("\(file): \(error)") }
                XCTAssertEqual(e.kind, kind, file)
                XCTAssertEqual(e.exitCode, code, file)
                XCTAssertTrue(e.message.contains(words), "\(file): \(e.message)")
                XCTAssertTrue(e.message.contains(file), "message names the file: \(e.message)")
            }
        }
        XCTAssertEqual(Set(Self.expected.map(\.2)).count, Self.expected.count, "exit statuses are distinct")
    }

    func testWrongPasswordAndIllegibleScanHaveTheirOwnErrors() throws {
        XCTAssertThrowsError(try ReportExtractor.extract(path: Fixtures.badPDF("2017-04-operations-report.encrypted.pdf"), password: "nope")) {
            XCTAssertEqual(($0 as? ExtractionError)?.kind, "wrong_password")
        }
        // Page images with nothing legible on them (a generated scan of pure noise): exit 16.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-noise-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let noise = dir.appendingPathComponent("noise-scan.pdf").path
        let grey = PageBitmap(width: 150, height: 200, scale: 1, pixels: [UInt8](repeating: 255, count: 150 * 200))
        try ImagePDF.write([ImagePDF.scanned(grey, degrees: 0, paper: 200, noise: 60), ImagePDF.scanned(grey, degrees: 0, paper: 190, noise: 60, seed: 2)],
                           width: 150, height: 200, to: noise)
        XCTAssertThrowsError(try ReportExtractor.extract(path: noise)) {
            XCTAssertEqual(($0 as? ExtractionError)?.kind, "no_text_layer")
            XCTAssertEqual(($0 as? ExtractionError)?.exitCode, 16)
            XCTAssertTrue((($0 as? ExtractionError)?.message ?? "").contains("noise-scan.pdf"))
        }
        // A longer scan of noise: only its first pages are read by OCR before it is refused.
        let long = dir.appendingPathComponent("long-noise-scan.pdf").path
        let probe = ReportExtractor.reportProbePages
        try ImagePDF.write((0..<(probe + 4)).map { ImagePDF.scanned(grey, degrees: 0, paper: 200, noise: 60, seed: UInt64($0 + 1)) },
                           width: 150, height: 200, to: long)
        var runs: [Int] = []
        XCTAssertThrowsError(try ReportExtractor.extract(path: long, willOCR: { runs.append($0) })) {
            XCTAssertEqual(($0 as? ExtractionError)?.exitCode, 16)
        }
        XCTAssertEqual(runs, [probe], "the pages after the first \(probe) are not read")
        XCTAssertThrowsError(try ReportExtractor.extract(path: "/nonexistent/report.pdf")) {
            XCTAssertEqual(($0 as? ExtractionError)?.kind, "unreadable")
        }
    }

    func testCommandLineExitStatusesAndMessages() throws {
        for (file, _, code, words) in Self.expected {
            let r = try CLI.run(["extract", Fixtures.badPDF(file)])
            XCTAssertEqual(r.status, code, "\(file): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(words), "\(file): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", file)
        }
        let ok = try CLI.run(["extract", Fixtures.badPDF("2017-04-operations-report.encrypted.pdf"), "--password", "open-sesame"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let report = try ReportCoding.decode(Data(ok.stdout.utf8))
        XCTAssertEqual(report.period, "2017-04")
        XCTAssertEqual(report.drivers?.grandTotal, Days(hundredths: 42068))
    }

    func testFailedRunLeavesAnExistingOutputUntouched() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.json").path
        try Data("previous".utf8).write(to: URL(fileURLWithPath: out))
        let r = try CLI.run(["extract", Fixtures.badPDF("empty.pdf"), "-o", out])
        XCTAssertEqual(r.status, 11)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "previous")
        let good = try CLI.run(["extract", Fixtures.pdf("2017-01-operations-report"), "-o", out])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(try ReportCoding.decode(Data(contentsOf: URL(fileURLWithPath: out))).period, "2017-01")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.json"], "no temporary file left")
    }
}
