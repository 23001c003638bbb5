import Foundation
import XCTest
import OpsReport

/// Standard input copied with a cap into a temporary file that is never left behind; FIFOs
/// refused before they are opened; standard output written through when it is a pipe, and a
/// closed pipe ending the command quietly with status 141.
final class StandardStreamTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = try ArchiveSupport.tempDir("streams")
        addTeardownBlock { [dir] in try? FileManager.default.removeItem(at: dir!) }
    }
    let pdf = URL(fileURLWithPath: Fixtures.pdf("2017-11-operations-report"))

    /// A folder to be TMPDIR of one run, checked empty afterwards.
    func tmp(_ name: String) throws -> URL {
        let t = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: t, withIntermediateDirectories: true)
        return t
    }

    func testStandardInputOverItsCapIsRefusedBeforeItIsAllRead() throws {
        final class Count: @unchecked Sendable { var n = 0 }
        // A report JSON is capped at JSONInputLimits.maxBytes: reading stops just past it.
        let jsonTmp = try tmp("json"), sent = Count()
        let r = try CLI.runPiped(["reconcile", "-"], environment: ["TMPDIR": jsonTmp.path]) {
            sent.n = CLI.feedZeros($0, prefix: Data("{".utf8), count: JSONInputLimits.maxBytes + (64 << 20))
        }
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("more than the 64 MiB (\(JSONInputLimits.maxBytes) bytes) accepted for a report JSON"), r.stderr)
        XCTAssertLessThan(sent.n, JSONInputLimits.maxBytes + (8 << 20), "the rest was never read")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: jsonTmp.path), [])
        // A PDF (anything else) at StandardStreams' 256 MiB: extract's resource-limit status.
        let pdfTmp = try tmp("pdf"), sentPDF = Count()
        let e = try CLI.runPiped(["extract", "-"], environment: ["TMPDIR": pdfTmp.path]) {
            sentPDF.n = CLI.feedZeros($0, prefix: Data("%PDF-1.4\n".utf8), count: (256 << 20) + (64 << 20))
        }
        XCTAssertEqual(e.status, 20, e.stderr)
        XCTAssertTrue(e.stderr.contains("more than the 256 MiB (\(256 << 20) bytes) accepted for a PDF"), e.stderr)
        XCTAssertLessThan(sentPDF.n, (256 << 20) + (8 << 20))
        XCTAssertEqual(e.stdout, Data())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: pdfTmp.path), [])
    }

    func testStandardInputCopyIsUnlinkedWhileItIsRead() throws {
        // While `extract -` waits for more input, its copy is already unlinked (open as
        // "… (deleted)"): SIGKILL then leaves nothing behind.
        let t = try tmp("kill")
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = ["extract", "-"]
        p.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": t.path]) { $1 }
        let input = Pipe()
        p.standardInput = input; p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(try Data(contentsOf: pdf).prefix(100_000))
        var links: [String] = []
        for _ in 0..<100 where !links.contains(where: { $0.hasPrefix(t.path) }) {
            usleep(50_000)
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(p.processIdentifier)/fd")) ?? []
            links = fds.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(p.processIdentifier)/fd/\($0)") }
        }
        let copy = try XCTUnwrap(links.first { $0.hasPrefix(t.path) }, "\(links)")
        XCTAssertTrue(copy.hasSuffix("(deleted)"), copy)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: t.path), [])
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: t.path), [])
    }

    func testTablesAndTextReadStandardInput() throws {
        let t = try tmp("tables")
        for args in [["tables", "--pages", "7", "--format", "csv"], ["text", "-p", "3"]] {
            let named = try CLI.run(args + [pdf.path])
            XCTAssertEqual(named.status, 0, named.stderr)
            let piped = try CLI.run(args + ["-"], stdin: pdf, in: t)
            XCTAssertEqual(piped.status, 0, piped.stderr)
            XCTAssertFalse(piped.stdout.isEmpty)
            XCTAssertEqual(piped.stdout, named.stdout, "\(args)")
        }
        // A bad PDF on standard input is named as such, never by its temporary path.
        let junk = dir.appendingPathComponent("junk.txt")
        try Data("not a pdf".utf8).write(to: junk)
        let bad = try CLI.run(["tables", "-"], stdin: junk, in: t)
        XCTAssertEqual(bad.status, 12, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("(standard input)"), bad.stderr)
        XCTAssertFalse(bad.stderr.contains("/proc/self"), bad.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: t.path), [])
    }

    func testAFIFOIsRefusedAtOnceByEveryCommand() throws {
        let fifo = dir.appendingPathComponent("f.pdf")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        let commands: [([String], Int32)] = [(["audit", fifo.path, "-o", "/dev/null"], 10), (["tables", fifo.path], 10), (["text", fifo.path], 10),
                                             (["reconcile", fifo.path], 2), (["extract", fifo.path], 10)]
        for (args, status) in commands {
            let started = Date()
            // No writer ever opens the FIFO: a command that opened it would block until killed.
            let r = try CLI.run("/usr/bin/timeout", ["10", CLI.executable.path] + args)
            XCTAssertEqual(r.status, status, "\(args): \(r.stderr)")
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, "\(args)")
            XCTAssertTrue(r.stderr.contains("FIFO"), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count, 1, r.stderr)
        }
    }

    func testAClosedPipeEndsTheCommandQuietlyWith141() throws {
        let json = dir.appendingPathComponent("r.json")
        XCTAssertEqual(try CLI.run(["extract", pdf.path, "-o", json.path]).status, 0)
        for args in [["extract", pdf.path, "-o", "-"], ["extract", pdf.path, "-o", "/dev/stdout"], ["reconcile", json.path, "--json"],
                     ["tables", pdf.path], ["text", pdf.path], ["audit", json.path, "-o", "-"]] {
            let r = try CLI.runPiped(args, in: dir, closeStdout: true)
            XCTAssertEqual(r.reason, .exit, "\(args): not killed by a signal")
            XCTAssertEqual(r.status, 141, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr, "", "\(args)")
        }
    }

    func testStandardOutputAsAPathIsWrittenThroughWhenItIsAPipe() throws {
        for path in ["/proc/self/fd/1", "/dev/stdout"] {
            let r = try CLI.runPiped(["extract", pdf.path, "-o", path], in: dir)
            XCTAssertEqual(r.status, 0, "\(path): \(r.stderr)")
            XCTAssertEqual(try ReportCoding.decode(r.stdout).period, "2017-11", path)
            let a = try CLI.runPiped(["audit", pdf.path, "-o", path], in: dir)
            XCTAssertEqual(a.status, 0, "\(path): \(a.stderr)")
            XCTAssertTrue(String(decoding: a.stdout, as: UTF8.self).hasPrefix("<!DOCTYPE html>"), path)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "no temporary file, no file named after the pipe")
    }

    func testWroteMessagesCannotForgeALine() throws {
        let name = "x\nerror: forged.html"
        let r = try CLI.run(["audit", pdf.path, "-o", name], stdin: nil, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines, ["audit: wrote \"x\\nerror: forged.html\""])
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path))
    }
}
