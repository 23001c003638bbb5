import Foundation
import XCTest
import Archive
import OpsReport
import Reconcile

/// `audit` of a batch database: `--password` opens its encrypted report PDFs for the crops, as
/// `batch --password` opened them to convert; a database on standard input works too, and
/// leaves no copy behind.
final class AuditOptionsTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = try ArchiveSupport.tempDir("audit-options")
        addTeardownBlock { [dir] in try? FileManager.default.removeItem(at: dir!) }
    }

    /// A database holding the encrypted report (password `open-sesame`).
    func encryptedDatabase() throws -> URL {
        let pdf = Fixtures.badPDF("2017-04-operations-report.encrypted.pdf")
        let db = dir.appendingPathComponent("archive.sqlite")
        let store = try ArchiveStore(path: db.path)
        let r = Reconciler.reconcile(try ReportExtractor.extract(path: pdf, password: "open-sesame"))
        let json = dir.appendingPathComponent("r.json")
        try ReportCoding.encode(r).write(to: json)
        try store.importReport(r, file: pdf, name: "2017-04-operations-report.encrypted.pdf", jsonPath: json.path)
        return db
    }

    func testDatabaseAuditOpensEncryptedPDFsWithThePassword() throws {
        let db = try encryptedDatabase()
        let without = dir.appendingPathComponent("without.html"), with = dir.appendingPathComponent("with.html")
        XCTAssertEqual(try CLI.run(["audit", db.path, "-o", without.path]).status, 0)
        let withoutHTML = try String(contentsOf: without, encoding: .utf8)
        XCTAssertTrue(withoutHTML.contains("cannot be opened for crops"), "without the password the page says why it has no images")
        XCTAssertFalse(withoutHTML.contains("<img"))
        let r = try CLI.run(["audit", db.path, "-o", with.path, "--password", "open-sesame"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let withHTML = try String(contentsOf: with, encoding: .utf8)
        XCTAssertFalse(withHTML.contains("cannot be opened for crops"))
        XCTAssertTrue(withHTML.contains("<img"), "the tables are drawn over the page images")
    }

    func testDefaultOutputIsTheInputsNameInTheCurrentFolder() throws {
        // `<input stem>.audit.html` in the current folder, not next to the input; `audit.html` for `-`.
        let pdf = Fixtures.pdf("2017-03-operations-report")
        let named = try CLI.run(["audit", pdf], stdin: nil, in: dir)
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertEqual(named.stderr, "audit: wrote 2017-03-operations-report.audit.html\n")
        let piped = try CLI.run(["audit", "-"], stdin: URL(fileURLWithPath: pdf), in: dir)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["2017-03-operations-report.audit.html", "audit.html"])
        for name in ["2017-03-operations-report.audit.html", "audit.html"] {
            XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8).hasPrefix("<!DOCTYPE html>"), name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: Fixtures.corpus.appendingPathComponent("2017-03-operations-report.audit.html").path))
    }

    func testDatabaseOnStandardInputLeavesNoCopyBehind() throws {
        let db = try encryptedDatabase()
        let tmp = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = ["audit", "-", "-o", "-"]
        p.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp.path]) { $1 }
        p.standardInput = try FileHandle(forReadingFrom: db)
        let out = Pipe()
        p.standardOutput = out; p.standardError = FileHandle.nullDevice
        try p.run()
        let html = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertTrue(html.contains("2017-04-operations-report.encrypted.pdf"), "the database's report is listed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), [])
    }
}
