import XCTest
import PDFLayout
import GRDB
@testable import Archive
import OpsReport

/// The batch runner with a fake worker (a shell script standing in for `opsreport extract`), so
/// isolation, reasons, resumability and crash safety are tested independently of the extractor.
final class ArchiveBatchTests: TempFolderTestCase {
    override var tempTag: String { "batch" }

    func config(_ input: URL, _ out: URL, worker: String, jobs: Int = 2, timeout: Double = 2) -> BatchConfiguration {
        var c = BatchConfiguration(inputDirectory: input.path, outputDirectory: out.path,
                                   databasePath: out.appendingPathComponent("opsreport.sqlite").path, executable: worker)
        c.jobs = jobs; c.timeout = timeout
        return c
    }

    func testFailureReasonsFollowExtractionErrorExitCodes() {
        let errors: [ExtractionError] = [
            .pdf(.unreadable(path: "x", reason: "r")), .pdf(.empty(path: "x")), .pdf(.notPDF(path: "x")),
            .pdf(.damaged(path: "x", reason: "r")), .pdf(.passwordRequired(path: "x")), .pdf(.wrongPassword(path: "x")),
            .noTextLayer(path: "x", pages: 1), .blank(path: "x", pages: 1), .notAReport(path: "x", reason: "r")]
        for e in errors { XCTAssertEqual(FailureReason.fromExitStatus(e.exitCode)?.rawValue, e.kind, "\(e)") }
        XCTAssertEqual(Set(errors.map(\.exitCode)).count, errors.count)
        XCTAssertNil(FailureReason.fromExitStatus(0))
        XCTAssertEqual(FailureReason.fromExitStatus(1), .failed)
    }

    func testChildProcessReportsExitSignalAndTimeout() throws {
        func sh(_ script: String, timeout: Double = 5) throws -> ChildResult {
            try ChildProcess.run(executable: "/bin/sh", arguments: ["-c", script], timeout: timeout)
        }
        let ok = try sh("echo out; echo err >&2; exit 13")
        XCTAssertEqual(ok.termination, .exited(13))
        XCTAssertEqual(String(decoding: ok.stdout, as: UTF8.self), "out\n")
        XCTAssertEqual(String(decoding: ok.stderr, as: UTF8.self), "err\n")
        XCTAssertEqual(try sh("kill -SEGV $$").termination, .signaled(11))
        let hang = try sh("exec sleep 30", timeout: 0.5)
        XCTAssertEqual(hang.termination, .timedOut)
        XCTAssertLessThan(hang.duration, 5)
        XCTAssertThrowsError(try ChildProcess.run(executable: "/nonexistent/worker", arguments: [], timeout: 1))
    }

    /// A child that announces work (`ChildProcess.allowancePrefix` lines) moves its time limit,
    /// by at most `maxExtension` in all; without `maxExtension` the lines change nothing.
    func testAnnouncedWorkExtendsTheTimeLimitUpToItsCap() throws {
        let p = ChildProcess.allowancePrefix
        func sh(_ script: String, timeout: Double, cap: Double) throws -> ChildResult {
            try ChildProcess.run(executable: "/bin/sh", arguments: ["-c", script], timeout: timeout, maxExtension: cap)
        }
        // Announced in two lines, the second split across writes: 0.5 + 1.5 s on a 0.5 s limit.
        let extended = try sh("echo '\(p)0.5'; printf '\(p)1'; printf '.5\\n'; sleep 1.5; exit 3", timeout: 0.5, cap: 10)
        XCTAssertEqual(extended.termination, .exited(3))
        XCTAssertEqual(extended.extendedSeconds, 2, accuracy: 1e-9)
        // Asking for more than the cap: killed at limit + cap.
        let capped = try sh("echo '\(p)100'; exec sleep 30", timeout: 0.3, cap: 0.7)
        XCTAssertEqual(capped.termination, .timedOut)
        XCTAssertEqual(capped.extendedSeconds, 0.7, accuracy: 1e-9)
        XCTAssertGreaterThanOrEqual(capped.duration, 1.0)
        XCTAssertLessThan(capped.duration, 5)
        // No cap, or a line that is not a number (or negative): the limit stays.
        for (script, cap) in [("echo '\(p)5'; exec sleep 30", 0.0), ("echo '\(p)x'; echo '\(p)-5'; exec sleep 30", 10.0)] {
            let fixed = try sh(script, timeout: 0.4, cap: cap)
            XCTAssertEqual(fixed.termination, .timedOut, script)
            XCTAssertEqual(fixed.extendedSeconds, 0, script)
            XCTAssertLessThan(fixed.duration, 3, script)
        }
    }

    /// A worker that announces work for longer than `timeout` (a long scan) is given that time
    /// when the batch allows extensions, and is killed at `timeout` when it does not; the message
    /// names the time it had.
    func testABatchWorkerThatAnnouncesWorkGetsMoreTime() throws {
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus([Fixtures.textStems[0]], to: input)
        let worker = try ArchiveSupport.script("""
            f="$2"; out="$4"
            echo "\(ChildProcess.allowancePrefix)3"
            sleep 1.2
            \(ArchiveSupport.writeTruth(Fixtures.truthDir.path + "/" + Fixtures.textStems[0] + ".json"))
            """, named: "slow-worker.sh", in: root)
        for (cap, status) in [(5.0, FileOutcome.Status.converted), (0.0, .failed)] {
            let out = root.appendingPathComponent("out-\(cap)")
            var c = config(input, out, worker: worker, jobs: 1, timeout: 0.5)
            c.maxTimeoutExtension = cap
            XCTAssertEqual(c.workerArguments(pdf: "a.pdf", output: "a.json").contains("--announce-allowances"), cap > 0)
            let outcome = try XCTUnwrap(BatchRunner(configuration: c, progress: RecordingProgress()).run().outcomes.first)
            XCTAssertEqual(outcome.status, status, outcome.message ?? "")
            if cap == 0 { XCTAssertTrue(outcome.message?.hasPrefix("no result within 0.5 s; the worker was killed") ?? false, outcome.message ?? "") }
        }
        // Capped below what it needs: killed, the message naming both parts of its time.
        var c = config(input, root.appendingPathComponent("out-capped"), worker: worker, jobs: 1, timeout: 0.5)
        c.maxTimeoutExtension = 0.25
        let outcome = try XCTUnwrap(BatchRunner(configuration: c, progress: RecordingProgress()).run().outcomes.first)
        XCTAssertEqual(outcome.reason, .timedOut)
        XCTAssertTrue(outcome.message?.hasPrefix("no result within 0.75 s (0.5 s + 0.25 s for the pages it announced to read by OCR)") ?? false, outcome.message ?? "")
    }

    /// Good files convert; each bad one is recorded with its own reason and message; the batch goes on.
    func testEachFailureIsRecordedWithItsReasonAndTheBatchGoesOn() throws {
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("bad"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: input.appendingPathComponent("copies"), withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus(Array(Fixtures.textStems.prefix(3)), to: input)
        for b in ["2017-03-operations-report.truncated.pdf", "2017-04-operations-report.encrypted.pdf"] {
            try FileManager.default.copyItem(atPath: Fixtures.badPDF(b), toPath: input.appendingPathComponent("bad/\(b)").path)
        }
        for n in ["crash-worker", "hang-worker", "garbage", "letter"] { try Data("%PDF-1.4 \(n)\n".utf8).write(to: input.appendingPathComponent("\(n).pdf")) }
        try FileManager.default.copyItem(atPath: Fixtures.pdf(Fixtures.textStems[0]), toPath: input.appendingPathComponent("copies/same.pdf").path)
        try Data("ignore me".utf8).write(to: input.appendingPathComponent("notes.txt"))
        let worker = try ArchiveSupport.fakeWorker(in: root, delay: 0.1)
        // A leftover of a killed run in the staging folder is swept.
        try FileManager.default.createDirectory(atPath: out.path + "/.opsreport-staging", withIntermediateDirectories: true)
        try Data("half".utf8).write(to: URL(fileURLWithPath: out.path + "/.opsreport-staging/x.json.tmp"))

        let progress = RecordingProgress()
        let summary = try BatchRunner(configuration: config(input, out, worker: worker), progress: progress).run()
        XCTAssertEqual(progress.total, 10)
        XCTAssertEqual(progress.outcomes.count, 10)
        let by = Dictionary(uniqueKeysWithValues: summary.outcomes.map { ($0.name, $0) })
        for s in Fixtures.textStems.prefix(3) { XCTAssertEqual(by["\(s).pdf"]?.status, .converted, s) }
        XCTAssertEqual(by["copies/same.pdf"]?.status, .duplicate)
        XCTAssertEqual(by["crash-worker.pdf"]?.reason, .crashed)
        XCTAssertEqual(by["hang-worker.pdf"]?.reason, .timedOut)
        XCTAssertEqual(by["garbage.pdf"]?.reason, .invalidOutput)
        XCTAssertEqual(by["letter.pdf"]?.reason, .notAReport)
        XCTAssertEqual(by["bad/2017-03-operations-report.truncated.pdf"]?.reason, .damaged)
        XCTAssertEqual(by["bad/2017-04-operations-report.encrypted.pdf"]?.reason, .passwordRequired)
        XCTAssertTrue(by["bad/2017-04-operations-report.encrypted.pdf"]?.message?.contains("needs a password") ?? false)
        XCTAssertEqual(summary.exitStatus, 3)
        XCTAssertTrue(summary.render().contains("timed_out (1)"))

        let store = try ArchiveStore(path: out.appendingPathComponent("opsreport.sqlite").path)
        let recs = Dictionary(uniqueKeysWithValues: try store.records().map { ($0.name, $0) })
        XCTAssertEqual(recs.count, 10)
        XCTAssertEqual(recs["crash-worker.pdf"]?.reason, "crashed")
        let signal = try store.dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT signal FROM reports WHERE name = 'crash-worker.pdf'") }
        XCTAssertEqual(signal, 11)
        XCTAssertEqual(recs["bad/2017-03-operations-report.truncated.pdf"]?.message?.contains("damaged or incomplete"), true)
        XCTAssertEqual(recs["2017-01-operations-report.pdf"]?.sha256, try PDFDocument.sha256(ofFile: Fixtures.pdf(Fixtures.textStems[0])))
        let dupOf = try store.dbQueue.read { db in
            try String.fetchOne(db, sql: "SELECT o.name FROM reports d JOIN reports o ON o.id = d.duplicate_of WHERE d.name = 'copies/same.pdf'")
        }
        XCTAssertEqual(dupOf, "2017-01-operations-report.pdf")
        // JSON only for converted files; they decode to the truth; no temp files remain.
        let files = try ArchiveSupport.files(under: out)
        XCTAssertEqual(Set(files.keys), Set(Fixtures.textStems.prefix(3).map { "\($0).json" }))
        XCTAssertEqual(try ArchiveSupport.decodedOutput(files["2017-02-operations-report.json"]!), try Fixtures.truth(Fixtures.textStems[1]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path + "/.opsreport-staging"))
        XCTAssertEqual(try store.loadReports().map(\.period), ["2017-01", "2017-02", "2017-03"])

        // Second run: converted files and lasting failures are skipped (the timeout with the same
        // --timeout, the garbage output with the same build); the crash is tried again (and
        // fails again with this worker).
        let again = try BatchRunner(configuration: config(input, out, worker: worker), progress: RecordingProgress()).run()
        XCTAssertEqual(Set(again.outcomes.filter { $0.status == .skipped }.map(\.name)),
                       Set(Fixtures.textStems.prefix(3).map { "\($0).pdf" } + ["letter.pdf", "bad/2017-03-operations-report.truncated.pdf",
                                                                              "bad/2017-04-operations-report.encrypted.pdf",
                                                                              "hang-worker.pdf", "garbage.pdf"]))
        XCTAssertEqual(Set(again.outcomes.filter { $0.status == .failed }.map(\.name)), ["crash-worker.pdf"])
        XCTAssertEqual(again.count(.duplicate), 1)
        XCTAssertEqual(again.outcomes.first { $0.name == "hang-worker.pdf" }?.reason, .timedOut)
        XCTAssertEqual(again.outcomes.first { $0.name == "letter.pdf" }?.reason, .notAReport)
        XCTAssertEqual(again.exitStatus, 3)
        let cells = try store.dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM helpdesk_emails")! }
        XCTAssertEqual(cells, 3 * 12 * 12)

        // --force converts again without duplicating rows; a changed file is converted again; a
        // deleted file is forgotten.
        var force = config(input, out, worker: worker)
        force.force = true
        try FileManager.default.removeItem(at: input.appendingPathComponent("hang-worker.pdf"))
        let forced = try BatchRunner(configuration: force, progress: RecordingProgress()).run()
        XCTAssertEqual(forced.count(.converted), 3)
        XCTAssertEqual(forced.forgotten, ["hang-worker.pdf"])
        XCTAssertEqual(try store.dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM helpdesk_emails")! }, cells)
        XCTAssertEqual(try store.records().count, 9)
        let h = try FileHandle(forWritingTo: input.appendingPathComponent("2017-02-operations-report.pdf"))
        try h.seekToEnd(); try h.write(contentsOf: Data("%changed\n".utf8)); try h.close()
        let changed = try BatchRunner(configuration: config(input, out, worker: worker), progress: RecordingProgress()).run()
        XCTAssertEqual(changed.outcomes.filter { $0.status == .converted }.map(\.name), ["2017-02-operations-report.pdf"])
        XCTAssertEqual(try store.records().count, 9)
    }

    /// A run killed after renaming a report's JSON but before its database commit: the next run
    /// imports that JSON instead of converting again.
    func testPendingConversionWithItsJSONIsReimported() throws {
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus([Fixtures.textStems[4]], to: input)
        let file = input.appendingPathComponent("\(Fixtures.textStems[4]).pdf").standardizedFileURL.path
        let json = out.appendingPathComponent("\(Fixtures.textStems[4]).json").path
        let store = try ArchiveStore(path: out.appendingPathComponent("opsreport.sqlite").path)
        try store.beginConversion(file: file, sha256: try PDFDocument.sha256(ofFile: file), jsonPath: json)
        try FileManager.default.copyItem(atPath: Fixtures.truthDir.appendingPathComponent("\(Fixtures.textStems[4]).json").path, toPath: json)
        // A worker that always fails (an undocumented status): the file must not be converted again.
        let failing = root.appendingPathComponent("fail.sh").path
        try "#!/bin/sh\nexit 99\n".write(toFile: failing, atomically: true, encoding: .utf8)
        chmod(failing, 0o755)
        let s = try BatchRunner(configuration: config(input, out, worker: failing), progress: RecordingProgress()).run()
        XCTAssertEqual(s.outcomes.map(\.status), [.reimported])
        XCTAssertEqual(s.exitStatus, 0)
        XCTAssertNil(try store.pending(forFile: file))
        XCTAssertEqual(try store.loadReports().first?.narrative.parties, 256)
        // Without its JSON, a pending conversion is converted again (and here fails).
        try store.beginConversion(file: file, sha256: try PDFDocument.sha256(ofFile: file), jsonPath: json)
        try FileManager.default.removeItem(atPath: json)
        let s2 = try BatchRunner(configuration: config(input, out, worker: failing), progress: RecordingProgress()).run()
        XCTAssertEqual(s2.outcomes.map(\.reason), [.failed])
        XCTAssertEqual(s2.exitStatus, 4)
    }

    func testExitStatusAndEmptyFolder() throws {
        let input = root.appendingPathComponent("empty"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let worker = try ArchiveSupport.fakeWorker(in: root)
        XCTAssertThrowsError(try BatchRunner(configuration: config(input, out, worker: worker), progress: RecordingProgress()).run()) { e in
            XCTAssertEqual("\(e)".components(separatedBy: ". ").first, "no PDF files found under \(input.path)")
        }
        XCTAssertThrowsError(try BatchRunner(configuration: config(root.appendingPathComponent("missing"), out, worker: worker), progress: RecordingProgress()).run())
        try ArchiveSupport.copyCorpus([Fixtures.textStems[0]], to: input)
        XCTAssertEqual(try BatchRunner(configuration: config(input, out, worker: worker), progress: RecordingProgress()).run().exitStatus, 0)
        // Through the command line: exit statuses 0, 3, 4.
        XCTAssertEqual(try ArchiveSupport.runOpsreport(["batch", input.path, "-o", out.path, "--worker", worker]), 0)
        try Data("%PDF-1.4 letter\n".utf8).write(to: input.appendingPathComponent("letter.pdf"))
        XCTAssertEqual(try ArchiveSupport.runOpsreport(["batch", input.path, "-o", out.path, "--worker", worker]), 3)
        XCTAssertEqual(try ArchiveSupport.runOpsreport(["batch", root.appendingPathComponent("missing").path, "-o", out.path, "--worker", worker]), 4)
    }

    /// Kill the batch process with SIGKILL twice mid-run, restart it each time, and compare the
    /// database and output files with an uninterrupted run: same rows, no duplicates, same JSON
    /// bytes, no temporary file left.
    func testKilledAndRestartedBatchEqualsUninterruptedRun() throws {
        let worker = try ArchiveSupport.fakeWorker(in: root, delay: 0.3)
        try ArchiveKillHarness.run(root: root, worker: worker, stems: Fixtures.textStems, killAfter: [2, 7])
    }
}

/// Runs the same batch uninterrupted and with SIGKILLs, and compares the results.
enum ArchiveKillHarness {
    static func run(root: URL, worker: String?, stems: [String], killAfter: [Int], timeout: Double = 120,
                    file: StaticString = #filePath, line: UInt = #line) throws {
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("bad"), withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus(stems, to: input)
        try FileManager.default.copyItem(atPath: Fixtures.badPDF("2017-03-operations-report.truncated.pdf"),
                                         toPath: input.appendingPathComponent("bad/2017-03-operations-report.truncated.pdf").path)
        func args(_ out: URL) -> [String] {
            ["batch", input.path, "-o", out.path, "--jobs", "2", "--timeout", String(timeout), "--csv", out.appendingPathComponent("csv").path]
                + (worker.map { ["--worker", $0] } ?? [])
        }
        let outA = root.appendingPathComponent("outA"), outB = root.appendingPathComponent("outB")
        XCTAssertEqual(try ArchiveSupport.runOpsreport(args(outA)), 3, "uninterrupted run", file: file, line: line)

        func jsonCount(_ dir: URL) -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".json") }.count
        }
        for k in killAfter {
            let p = try ArchiveSupport.launch(args(outB))
            let deadline = Date().addingTimeInterval(timeout * 2)
            while jsonCount(outB) < k && p.isRunning && Date() < deadline { usleep(20_000) }
            XCTAssertTrue(p.isRunning, "the batch finished before the kill at \(k)", file: file, line: line)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationReason, .uncaughtSignal, file: file, line: line)
            // Whatever JSON is in place is whole.
            for name in try FileManager.default.contentsOfDirectory(atPath: outB.path) where name.hasSuffix(".json") {
                XCTAssertNoThrow(try ReportCoding.decode(Data(contentsOf: outB.appendingPathComponent(name))), name, file: file, line: line)
            }
        }
        XCTAssertEqual(try ArchiveSupport.runOpsreport(args(outB)), 3, "resumed run", file: file, line: line)

        let a = try ArchiveSupport.dump(outA.appendingPathComponent("opsreport.sqlite").path)
        let b = try ArchiveSupport.dump(outB.appendingPathComponent("opsreport.sqlite").path)
        for key in a.keys.sorted() {
            let strip = { (rows: [String], dir: URL) in rows.map { $0.replacingOccurrences(of: dir.path, with: "OUT") } }
            XCTAssertEqual(strip(a[key]!, outA), strip(b[key] ?? [], outB), key, file: file, line: line)
        }
        XCTAssertEqual(a["reports"]?.count, stems.count + 1, file: file, line: line)
        XCTAssertEqual(b["pending_conversions"], [], file: file, line: line)
        let fa = try ArchiveSupport.files(under: outA), fb = try ArchiveSupport.files(under: outB)
        XCTAssertEqual(Set(fa.keys), Set(fb.keys), file: file, line: line)
        for (k, v) in fa where k.hasSuffix(".json") && !k.hasPrefix("csv/") { XCTAssertEqual(fb[k], v, k, file: file, line: line) }
        for k in ["csv/values.csv", "csv/series.csv", "csv/meetings.csv"] { XCTAssertEqual(fa[k], fb[k], k, file: file, line: line) }
        XCTAssertEqual(fb.keys.filter { $0.hasSuffix(".tmp") || $0.contains(".opsreport-staging") }, [], file: file, line: line)
        XCTAssertEqual(fa.keys.filter { $0.hasSuffix(".json") && !$0.hasPrefix("csv/") }.count, stems.count, file: file, line: line)
    }
}
