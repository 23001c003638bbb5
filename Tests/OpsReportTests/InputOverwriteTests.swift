import Foundation
import XCTest
import OpsReport

/// No command writes over one of its inputs: not through another name (a symbolic or hard
/// link, compared by device and inode), and not through standard output redirected to it
/// (`opsreport extract a.pdf >> a.pdf`). The refusal comes before anything is written.
final class InputOverwriteTests: XCTestCase {
    var dir: URL!
    var pdf: URL!, json: URL!
    override func setUpWithError() throws {
        dir = try ArchiveSupport.tempDir("overwrite")
        addTeardownBlock { [dir] in try? FileManager.default.removeItem(at: dir!) }
        pdf = dir.appendingPathComponent("a.pdf")
        try FileManager.default.copyItem(atPath: Fixtures.pdf("2017-11-operations-report"), toPath: pdf.path)
        json = dir.appendingPathComponent("a.json")
        XCTAssertEqual(try CLI.run(["extract", pdf.path, "-o", json.path]).status, 0)
    }

    /// Runs `opsreport` with standard output appended to `file` (`>> file`).
    func runAppending(_ args: [String], to file: URL) throws -> CLI.Result {
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = args
        let out = try FileHandle(forWritingTo: file)
        out.seekToEndOfFile()
        let err = Pipe()
        p.standardInput = FileHandle.nullDevice; p.standardOutput = out; p.standardError = err
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try out.close()
        return CLI.Result(status: p.terminationStatus, stdout: "", stderr: String(decoding: e, as: UTF8.self))
    }

    func testStandardOutputRedirectedToTheInputIsRefused() throws {
        let commands: [(args: [String], input: URL)] = [
            (["extract", pdf.path], pdf), (["extract", pdf.path, "-o", "-"], pdf), (["tables", pdf.path], pdf), (["text", pdf.path], pdf),
            (["reconcile", json.path], json), (["reconcile", pdf.path, "-o", "-"], pdf), (["audit", json.path, "-o", "-"], json),
        ]
        for (args, input) in commands {
            let before = try Data(contentsOf: input)
            let r = try runAppending(args, to: input)
            XCTAssertEqual(r.status, 73, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("error: standard output is the input file \(input.path)"), "\(args): \(r.stderr)")
            XCTAssertEqual(try Data(contentsOf: input), before, "\(args): the input is untouched")
        }
        // Standard input redirected from the file that standard output is appended to.
        let before = try Data(contentsOf: json)
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = ["reconcile", "-"]
        p.standardInput = try FileHandle(forReadingFrom: json)
        let out = try FileHandle(forWritingTo: json)
        out.seekToEndOfFile()
        p.standardOutput = out; p.standardError = FileHandle.nullDevice
        try p.run(); p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 73)
        XCTAssertEqual(try Data(contentsOf: json), before)
    }

    func testAnOutputThatIsTheInputByAnotherNameIsRefused() throws {
        let links = dir.appendingPathComponent("links")
        try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
        let soft = links.appendingPathComponent("soft.out"), hard = links.appendingPathComponent("hard.out")
        let jsonSoft = links.appendingPathComponent("json-soft.out")
        try FileManager.default.createSymbolicLink(atPath: soft.path, withDestinationPath: pdf.path)
        try FileManager.default.linkItem(atPath: pdf.path, toPath: hard.path)
        try FileManager.default.createSymbolicLink(atPath: jsonSoft.path, withDestinationPath: json.path)
        let pdfBytes = try Data(contentsOf: pdf), jsonBytes = try Data(contentsOf: json)
        for out in [soft, hard] {
            for args in [["extract", pdf.path, "-o", out.path], ["tables", pdf.path, "-o", out.path], ["audit", pdf.path, "-o", out.path],
                         ["reconcile", pdf.path, "-o", out.path]] {
                let r = try CLI.run(args)
                XCTAssertEqual(r.status, 73, "\(args): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("is the input file \(pdf.path)"), "\(args): \(r.stderr)")
            }
        }
        for args in [["reconcile", json.path, "-o", jsonSoft.path], ["audit", json.path, "-o", jsonSoft.path]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 73, "\(args): \(r.stderr)")
        }
        // --out-dir: a.json in the folder is a link to the input.
        let outDir = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        try FileManager.default.linkItem(atPath: pdf.path, toPath: outDir.appendingPathComponent("a.json").path)
        let several = try CLI.run(["extract", pdf.path, "--out-dir", outDir.path])
        XCTAssertEqual(several.status, 73, several.stderr)
        XCTAssertEqual(try Data(contentsOf: pdf), pdfBytes)
        XCTAssertEqual(try Data(contentsOf: json), jsonBytes)
    }

    func testBatchDatabaseOrCSVThatIsAnInputIsRefused() throws {
        let archive = dir.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let input = archive.appendingPathComponent("2017-11.pdf")
        try FileManager.default.copyItem(at: pdf, to: input)
        let before = try Data(contentsOf: input)
        let db = dir.appendingPathComponent("db.sqlite")
        try FileManager.default.linkItem(atPath: input.path, toPath: db.path)
        let r = try CLI.run(["batch", archive.path, "-o", dir.appendingPathComponent("out1").path, "--db", db.path])
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.contains("\(db.path) is the input file \(input.path)"), r.stderr)
        let csv = dir.appendingPathComponent("csv")
        try FileManager.default.createDirectory(at: csv, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: csv.appendingPathComponent("values.csv").path, withDestinationPath: input.path)
        let c = try CLI.run(["batch", archive.path, "-o", dir.appendingPathComponent("out2").path, "--csv", csv.path])
        XCTAssertEqual(c.status, 4, c.stderr)
        XCTAssertTrue(c.stderr.contains("values.csv is the input file"), c.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out2/opsreport.sqlite").path), "refused before anything was written")
        XCTAssertEqual(try Data(contentsOf: input), before)
    }
}
