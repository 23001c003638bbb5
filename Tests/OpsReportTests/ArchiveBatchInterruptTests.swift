import XCTest
import GRDB
@testable import Archive
import OpsReport

/// `opsreport batch` interrupted by SIGINT/SIGTERM, and its error messages.
final class ArchiveBatchInterruptTests: TempFolderTestCase {
    override var tempTag: String { "interrupt" }

    /// A worker that records its pid in `pids`, takes `delay` seconds, then copies the truth JSON.
    func slowWorker(delay: Double) throws -> String {
        try ArchiveSupport.script("""
            f="$2"; out="$4"; b=$(basename "$f" .pdf)
            echo $$ >> "\(root.path)/pids"
            sleep \(delay)
            \(ArchiveSupport.writeTruth("\(Fixtures.truthDir.path)/$b.json"))
            """, named: "slow.sh", in: root)
    }

    func jsonCount(_ dir: URL) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".json") }.count
    }

    /// Every file under `dir` whose name ends in `.tmp`, and the staging folder if present.
    func leftovers(_ dir: URL) -> [String] {
        var out: [String] = []
        for case let u as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! {
            if u.lastPathComponent.hasSuffix(".tmp") || u.lastPathComponent == ".opsreport-staging" { out.append(u.path) }
        }
        return out
    }

    /// SIGINT, then SIGTERM, to the batch process alone (workers run in their own process
    /// groups, as when Ctrl-C reaches only the parent): each time the batch kills its workers,
    /// leaves no staging file, prints the summary so far and exits 130; a third run finishes the job.
    func testInterruptedBatchStopsItsWorkersPrintsTheSummaryAndResumes() throws {
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus(Fixtures.textStems, to: input)
        let args = ["batch", input.path, "-o", out.path, "--jobs", "2", "--worker", try slowWorker(delay: 0.6)]
        for (k, (sig, after)) in [(SIGINT, 2), (SIGTERM, 6)].enumerated() {
            let p = try ArchiveSupport.launchLogged(args, logs: root, tag: "run\(k)")
            let deadline = Date().addingTimeInterval(30)
            while jsonCount(out) < after && p.isRunning && Date() < deadline { usleep(20_000) }
            XCTAssertTrue(p.isRunning, "the batch finished before the signal")
            usleep(200_000)   // workers are busy with the next files
            let before = jsonCount(out)
            kill(p.processIdentifier, sig)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationReason, .exit, "signal \(sig)")
            XCTAssertEqual(p.terminationStatus, 130, "signal \(sig)")
            let log = try ArchiveSupport.logs(root, "run\(k)")
            XCTAssertTrue(log.out.contains("Batch interrupted: 12 PDF(s)"), log.out)
            XCTAssertTrue(log.out.contains("run the same command again to resume"), log.out)
            let done = jsonCount(out)
            XCTAssertEqual(done, before, "the running workers were killed, not waited for")
            XCTAssertGreaterThanOrEqual(done, after)
            XCTAssertLessThan(done, 12)
            XCTAssertTrue(log.out.contains("not processed \(12 - done)"), log.out)
            XCTAssertEqual(leftovers(out), [])
            // No worker is left running.
            let pids = try String(contentsOf: root.appendingPathComponent("pids"), encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
            XCTAssertGreaterThan(pids.count, done)
            usleep(100_000)
            for pid in pids { XCTAssertNotEqual(kill(pid, 0), 0, "worker \(pid) still runs") }
            // The database holds exactly the finished reports.
            let db = try DatabaseQueue(path: out.appendingPathComponent("opsreport.sqlite").path)
            XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM reports WHERE status = 'converted'") }, done)
            XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM reports WHERE status <> 'converted'") }, 0)
            XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM pending_conversions") }, 0)
        }
        let last = try ArchiveSupport.runLogged(args, logs: root, tag: "resume")
        XCTAssertEqual(last.status, 0, last.err)
        XCTAssertEqual(jsonCount(out), 12)
        let store = try ArchiveStore(path: out.appendingPathComponent("opsreport.sqlite").path)
        XCTAssertEqual(try store.loadReports().map(\.period), (1...12).map { String(format: "2017-%02d", $0) })
        for s in Fixtures.textStems {
            XCTAssertEqual(try ArchiveSupport.decodedOutput(Data(contentsOf: out.appendingPathComponent("\(s).json"))), try Fixtures.truth(s), s)
        }
    }

    func testErrorMessagesNameThePathAndTheRemedy() throws {
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let worker = try ArchiveSupport.fakeWorker(in: root)

        // An empty folder.
        let empty = try ArchiveSupport.runLogged(["batch", input.path, "-o", out.path, "--worker", worker], logs: root, tag: "empty")
        XCTAssertEqual(empty.status, 4)
        XCTAssertTrue(empty.err.contains("no PDF files found under \(input.path)"), empty.err)

        // A database that cannot be opened.
        try ArchiveSupport.copyCorpus([Fixtures.textStems[0]], to: input)
        let proc = try ArchiveSupport.runLogged(["batch", input.path, "-o", out.path, "--db", "/proc/nope.sqlite", "--worker", worker], logs: root, tag: "proc")
        XCTAssertEqual(proc.status, 4)
        XCTAssertTrue(proc.err.contains("/proc/nope.sqlite: cannot open the database"), proc.err)
        XCTAssertTrue(proc.err.contains("choose another file with --db"), proc.err)
        let dirAsDB = root.appendingPathComponent("a-folder")
        try FileManager.default.createDirectory(at: dirAsDB, withIntermediateDirectories: true)
        var c = BatchConfiguration(inputDirectory: input.path, outputDirectory: out.path, databasePath: dirAsDB.path, executable: worker)
        c.jobs = 1
        XCTAssertThrowsError(try BatchRunner(configuration: c, progress: RecordingProgress()).run()) { e in
            XCTAssertTrue("\(e)".hasPrefix("\(dirAsDB.path): cannot open the database (SQLite error 14"), "\(e)")
        }

        // A timeout below one second is printed as given.
        try Data("%PDF-1.4 hang\n".utf8).write(to: input.appendingPathComponent("hang-worker.pdf"))
        c.databasePath = out.appendingPathComponent("opsreport.sqlite").path
        c.timeout = 0.25
        let s = try BatchRunner(configuration: c, progress: RecordingProgress()).run()
        let hang = s.outcomes.first { $0.name == "hang-worker.pdf" }?.message ?? ""
        XCTAssertTrue(hang.hasPrefix("no result within 0.25 s;"), hang)
    }

    /// Two batches started at once on one new database: one runs, the other stops at once with a
    /// clear message (no `table reports already exists`).
    func testSecondBatchOnTheSameDatabaseStopsWithAClearMessage() throws {
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus(Array(Fixtures.textStems.prefix(3)), to: input)
        let worker = try slowWorker(delay: 0.3)
        let db = root.appendingPathComponent("shared.sqlite").path
        let runs = try (0..<2).map { k in
            try ArchiveSupport.launchLogged(["batch", input.path, "-o", out.path + "\(k)", "--db", db, "--worker", worker], logs: root, tag: "b\(k)")
        }
        for p in runs { p.waitUntilExit() }
        XCTAssertEqual(runs.map(\.terminationStatus).sorted(), [0, 4])
        let loser = try XCTUnwrap(runs.firstIndex { $0.terminationStatus == 4 })
        let err = try ArchiveSupport.logs(root, "b\(loser)").err
        XCTAssertTrue(err.contains("\(db): another batch is using this database"), err)
        XCTAssertEqual(try ArchiveStore(path: db).records().count, 3)
    }

    /// The summary's cross-report lines name the report file, not only its period.
    func testSummaryNamesTheReportFileOfEachCrossReportFinding() throws {
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("2017"), withIntermediateDirectories: true)
        for s in Fixtures.textStems {
            try FileManager.default.copyItem(atPath: Fixtures.pdf(s), toPath: input.appendingPathComponent("2017/\(s).pdf").path)
        }
        var c = BatchConfiguration(inputDirectory: input.path, outputDirectory: out.path,
                                   databasePath: out.appendingPathComponent("opsreport.sqlite").path,
                                   executable: try ArchiveSupport.fakeWorker(in: root))
        c.jobs = 2
        let text = try BatchRunner(configuration: c, progress: RecordingProgress()).run().render()
        XCTAssertTrue(text.contains("    restatement [2017/2017-10-operations-report.pdf]: helpdesk Total for 2017-09:"), text)
    }
}
