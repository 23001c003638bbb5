import XCTest
import Foundation

/// Every command that reads a PDF in its own process (`extract`, `reconcile`, `tables`, `text`,
/// `audit`) runs under the memory and CPU-time limits (`--memory-limit`, `--cpu-limit`): a
/// compression bomb or a CPU-bound content stream ends with exit status 20 and one `error:` line
/// naming the limit, and nothing is written.
final class HostileLimitsTests: TempFolderTestCase {
    override var tempTag: String { "hostile-limits" }

    func run(_ args: [String], _ tag: String) throws -> (status: Int32, out: String, err: String) {
        try ArchiveSupport.runLogged(args, logs: root, tag: tag)
    }

    /// The argument lists that read `pdf` in each command, writing (if at all) to `out`.
    func commands(_ pdf: String, out: String) -> [[String]] {
        [["extract", pdf, "-o", out], ["reconcile", pdf, "-o", out], ["tables", pdf, "-o", out],
         ["text", pdf], ["audit", pdf, "-o", out]]
    }

    /// Runs every command on `pdf` with `limit` added: each ends with status 20 and one `error:`
    /// line holding `words`, and writes nothing.
    func assertEveryCommandStops(on pdf: String, with limit: [String], saying words: String, tag: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let out = root.appendingPathComponent("out").path
        for args in commands(pdf, out: out) {
            let r = try run(args + limit, "\(tag)-\(args[0])")
            XCTAssertEqual(r.status, 20, "\(args[0]): \(r.err)", file: file, line: line)
            XCTAssertTrue(r.err.contains(words), "\(args[0]): \(r.err)", file: file, line: line)
            XCTAssertEqual(r.err.split(separator: "\n").filter { $0.hasPrefix("error:") }.count, 1, "\(args[0]): \(r.err)", file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(args[0]) wrote an output", file: file, line: line)
        }
    }

    func testEveryCommandStopsAtTheMemoryLimit() throws {
        let bomb = try HostilePDF.write(.stringBomb(mebibytes: 400), in: root)
        try assertEveryCommandStops(on: bomb, with: ["--memory-limit", "200M"], saying: "memory limit of 200 MiB", tag: "mem")
    }

    func testEveryCommandStopsAtTheCPULimitNamingItsAllowance() throws {
        let slow = try HostilePDF.write(.glyphs(repeats: 3_000_000), in: root)
        try assertEveryCommandStops(on: slow, with: ["--cpu-limit", "1"], saying: "CPU-time limit of", tag: "cpu")
        // `tables` announces the pages it reads before reading them: the limit in force names them.
        let t = try run(["tables", slow, "--cpu-limit", "1"], "cpu-tables-note")
        XCTAssertTrue(t.err.contains("1 s + 1 s for each of 1 page(s) read"), t.err)
    }

    /// With `--announce-allowances` (the batch's workers), each allowance is also written on
    /// standard output, for the batch to move the worker's time limit; without it nothing is.
    func testWorkersAnnounceTheirAllowancesOnlyWhenAsked() throws {
        let pdf = try HostilePDF.write(.glyphs(repeats: 10), in: root)
        let out = root.appendingPathComponent("t.json").path
        let asked = try run(["tables", pdf, "-o", out, "--announce-allowances"], "announce")
        XCTAssertEqual(asked.status, 0, asked.err)
        XCTAssertEqual(asked.out, "opsreport-allowance 1\n")
        let plain = try run(["tables", pdf, "-o", out + "2"], "no-announce")
        XCTAssertEqual(plain.status, 0, plain.err)
        XCTAssertEqual(plain.out, "")
    }

    func testABadMemoryLimitIsAUsageError() throws {
        for command in ["reconcile", "tables", "text", "audit"] {
            let r = try run([command, "x.pdf", "--memory-limit", "1GiB"], "usage-\(command)")
            XCTAssertEqual(r.status, 64, "\(command): \(r.err)")
            XCTAssertTrue(r.err.contains("--memory-limit"), "\(command): \(r.err)")
        }
    }
}
