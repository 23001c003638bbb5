import Foundation
import XCTest
@testable import Archive
import OpsReport

/// The batch's output for people and for machines: a progress bar that fits the terminal, and
/// log lines without noise, quieter or louder, as plain text or JSON.
final class BatchLoggingTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = try ArchiveSupport.tempDir("batch-logging")
        addTeardownBlock { [dir] in try? FileManager.default.removeItem(at: dir!) }
    }

    /// A folder of two reports (parsed by the fake worker from their truth) and one broken file.
    func input() throws -> (input: URL, worker: String) {
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus(["2017-01-operations-report", "2017-02-operations-report"], to: input)
        try Data("not a pdf".utf8).write(to: input.appendingPathComponent("2017-xx-truncated.pdf"))
        return (input, try ArchiveSupport.fakeWorker(in: dir))
    }

    func batch(_ extra: [String], tag: String) throws -> (status: Int32, out: String, err: String) {
        let (input, worker) = try input()
        return try ArchiveSupport.runLogged(["batch", input.path, "-o", dir.appendingPathComponent("out-\(tag)").path, "--worker", worker] + extra,
                                            logs: dir, tag: tag)
    }

    func testPlainLogLinesHaveNoTimestampOrSourceLabel() throws {
        // `--log-format plain` is the default, and can be given; another form is a usage error.
        XCTAssertEqual(try CLI.run(["batch", "x", "--log-format", "xml"]).status, 64)
        let r = try batch(["--log-format", "plain"], tag: "plain")
        XCTAssertEqual(r.status, 3)
        let lines = r.err.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("info: [") && $0.contains("converted 2017-01-operations-report.pdf") }, r.err)
        XCTAssertTrue(lines.contains { $0.hasPrefix("warning: [") && $0.contains("failed 2017-xx-truncated.pdf") }, r.err)
        for line in lines {
            XCTAssertNil(line.range(of: #"^\d{4}-\d{2}-\d{2}T"#, options: .regularExpression), line)
            XCTAssertFalse(line.contains("[Archive]") || line.contains("[opsreport]"), line)
        }
    }

    func testQuietLogsOnlyTheFailures() throws {
        let r = try batch(["--quiet"], tag: "quiet")
        XCTAssertEqual(r.status, 3)
        let lines = r.err.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 1, r.err)
        XCTAssertTrue(lines[0].hasPrefix("warning: ") && lines[0].contains("2017-xx-truncated.pdf"), r.err)
        // The summary still goes to standard output.
        XCTAssertTrue(r.out.contains("converted 2, skipped 0, failed 1"), r.out)
        XCTAssertNotEqual(try CLI.run(["batch", "x", "--quiet", "--verbose"]).status, 0)
    }

    func testJSONLogIsOneObjectPerLine() throws {
        let r = try batch(["--log-format", "json", "--verbose"], tag: "json")
        XCTAssertEqual(r.status, 3)
        let lines = r.err.split(separator: "\n")
        XCTAssertGreaterThanOrEqual(lines.count, 4)
        var levels: [String] = []
        for line in lines {
            let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
            XCTAssertNotNil(ISO8601DateFormatter().date(from: o["time"] as? String ?? ""), String(line))
            XCTAssertEqual(o["label"] as? String, "opsreport.batch")
            XCTAssertNotNil(o["message"] as? String)
            levels.append(o["level"] as? String ?? "")
        }
        XCTAssertEqual(Set(levels), ["debug", "info", "warning"], "--verbose adds debug lines")
    }

    func testVerboseAddsDebugLines() throws {
        let plain = try batch([], tag: "default")
        XCTAssertFalse(plain.err.contains("debug:"), plain.err)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("in"))
        let verbose = try batch(["--verbose"], tag: "verbose")
        XCTAssertEqual(verbose.status, 3)
        let debug = verbose.err.split(separator: "\n").filter { $0.hasPrefix("debug: ") }
        XCTAssertTrue(debug.contains { $0.contains("batch settings") && $0.contains("jobs=") && $0.contains("timeout=") }, verbose.err)
    }

    func testJSONLogInATerminalDrawsNoBar() throws {
        // A pseudo-terminal would get the bar; with --log-format json every line is one object.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1)") }
        let (input, worker) = try input()
        let command = "stty cols 80; '\(ArchiveSupport.opsreport)' batch '\(input.path)' -o '\(dir.appendingPathComponent("out-json-tty").path)' --worker '\(worker)' --log-format json 2>&1 >/dev/null"
        let r = try CLI.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        XCTAssertEqual(r.status, 3, r.stdout)
        XCTAssertFalse(r.stdout.contains("\u{1B}[K"), r.stdout)
        let lines = r.stdout.components(separatedBy: CharacterSet(charactersIn: "\r\n")).filter { !$0.isEmpty }
        XCTAssertGreaterThanOrEqual(lines.count, 4, r.stdout)
        for line in lines { XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(line.utf8)), line) }
    }

    func testProgressBarFitsEveryWidth() {
        let long = String(repeating: "archive/2017/", count: 8) + "2017-11-operations-report.pdf"
        for columns in [1, 5, 12, 20, 30, 40, 60, 80, 120, 200] {
            for (done, name) in [(0, ""), (7, "a.pdf"), (123, long)] {
                let line = TerminalProgressBar.line(done: done, total: 200, rate: 12.5, eta: 3725, name: name, columns: columns)
                XCTAssertLessThanOrEqual(line.count, max(1, columns - 1), "\(columns): \(line)")
                if columns >= 12 { XCTAssertTrue(line.contains("\(done)/200"), "\(columns): \(line)") }
            }
        }
        // Wide enough: everything, the long name shortened from its start.
        let wide = TerminalProgressBar.line(done: 123, total: 200, rate: 12.5, eta: 3725, name: long, columns: 120)
        XCTAssertTrue(wide.contains("12.5 files/s") && wide.contains("ETA 62:05") && wide.hasSuffix("2017-11-operations-report.pdf"), wide)
        XCTAssertTrue(wide.contains("…"))
    }

    func testProgressBarRedrawsToTheNewWidth() {
        final class Screen: @unchecked Sendable { var text = "" }
        let screen = Screen()
        let bar = TerminalProgressBar(columns: 100) { screen.text += $0 }
        bar.begin(total: 10)
        bar.update(FileOutcome(name: "2017-01-operations-report.pdf", file: "/x/2017-01-operations-report.pdf", status: .converted), done: 3, total: 10)
        bar.resized(columns: 30)
        // The last drawing (after the final carriage return and erase) fits 30 columns.
        let lastDraw = screen.text.components(separatedBy: "\r\u{1B}[K").last!
        XCTAssertLessThanOrEqual(lastDraw.count, 29, lastDraw)
        XCTAssertTrue(lastDraw.contains("3/10"), lastDraw)
    }

    /// The batch's bar drawings in a real pseudo-terminal (util-linux `script`) set up by
    /// `setup` (e.g. `stty cols 50;`), the batch writing to `out`: each drawing of the bar after
    /// its carriage return and erase, up to the end of its line. Checks the batch's status (3).
    func barsInATerminal(_ setup: String, out: String) throws -> [String] {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1)") }
        let (input, worker) = try input()
        let command = "\(setup) '\(ArchiveSupport.opsreport)' batch '\(input.path)' -o '\(dir.appendingPathComponent(out).path)' --worker '\(worker)'"
        let r = try CLI.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        XCTAssertEqual(r.status, 3, r.stdout)
        let bars = r.stdout.components(separatedBy: "\r\u{1B}[K").dropFirst().map { $0.components(separatedBy: CharacterSet(charactersIn: "\r\n"))[0] }
            .filter { $0.hasPrefix("[") && $0.contains("/3") }
        XCTAssertGreaterThanOrEqual(bars.count, 3, r.stdout)
        return bars
    }

    func testProgressBarInATerminalOf50Columns() throws {
        // A terminal 50 columns wide: no bar drawing is wider.
        for b in try barsInATerminal("stty cols 50;", out: "out-tty") { XCTAssertLessThanOrEqual(b.count, 49, b) }
    }

    func testProgressBarUsesCOLUMNSWhenTheTerminalHasNoWidth() throws {
        // A terminal that reports 0 columns: the bar fits COLUMNS (40) instead of the fallback 80.
        for b in try barsInATerminal("stty cols 0; COLUMNS=40", out: "out-columns") { XCTAssertLessThanOrEqual(b.count, 39, b) }
        XCTAssertNil(TerminalWidth.current(-1, environment: ["COLUMNS": "40"]), "not a terminal: no width")
    }

    func testProgressBarIsRedrawnWhenTheTerminalShrinks() throws {
        // In a pseudo-terminal 120 columns wide, shrunk to 40 (`stty cols`, then SIGWINCH) while a
        // slow worker runs: the bar is redrawn within 40 columns from then on.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1)") }
        let (input, _) = try input()
        try FileManager.default.removeItem(at: input.appendingPathComponent("2017-xx-truncated.pdf"))
        let slow = try ArchiveSupport.script("sleep 1.5\nexec '\(ArchiveSupport.opsreport)' \"$@\"", named: "slow.sh", in: dir)
        let command = """
            stty cols 120; '\(ArchiveSupport.opsreport)' batch '\(input.path)' -o '\(dir.appendingPathComponent("out-resize").path)' \
            --jobs 1 --worker '\(slow)' & pid=$!; sleep 1; stty cols 40; kill -WINCH $pid; wait $pid
            """
        let r = try CLI.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        XCTAssertEqual(r.status, 0, r.stdout)
        let draws = r.stdout.components(separatedBy: "\r\u{1B}[K").dropFirst()
            .map { $0.components(separatedBy: CharacterSet(charactersIn: "\r\n"))[0] }.filter { $0.hasPrefix("[") && $0.contains("/2") }
        let firstNarrow = try XCTUnwrap(draws.firstIndex { $0.count <= 39 }, "no drawing fits 40 columns: \(draws)")
        XCTAssertGreaterThan(firstNarrow, 0)
        XCTAssertGreaterThan(draws[0].count, 40, "the first drawing used the 120 columns")
        XCTAssertTrue(draws[firstNarrow...].allSatisfy { $0.count <= 39 }, "\(draws)")
        XCTAssertTrue(draws[firstNarrow].contains("0/2"), "redrawn on the resize, before the next file is done: \(draws)")
    }
}
