import XCTest
import GRDB
@testable import Archive
import OpsReport

/// Reruns of a batch: transient failures are retried, moved or copied folders are not converted
/// again, and the summary's categories add up to the files found.
final class ArchiveBatchRerunTests: TempFolderTestCase {
    override var tempTag: String { "rerun" }

    func config(_ input: URL, _ out: URL, worker: String, timeout: Double = 2) -> BatchConfiguration {
        var c = BatchConfiguration(inputDirectory: input.path, outputDirectory: out.path,
                                   databasePath: out.appendingPathComponent("opsreport.sqlite").path, executable: worker)
        c.jobs = 2; c.timeout = timeout
        return c
    }

    func run(_ c: BatchConfiguration) throws -> BatchSummary { try BatchRunner(configuration: c, progress: RecordingProgress()).run() }

    /// A worker that logs each call to `calls.log` and, the first time it sees the 2017-01, -02
    /// and -03 reports, crashes, hangs and writes garbage; `letter*` is never a report.
    func flakyWorker() throws -> String {
        try ArchiveSupport.script("""
            f="$2"; out="$4"; b=$(basename "$f" .pdf); s="\(root.path)"
            echo "$b" >> "$s/calls.log"
            if [ ! -e "$s/$b.seen" ]; then
              touch "$s/$b.seen"
              case "$b" in
                2017-01*) kill -SEGV $$ ;;
                2017-02*) exec sleep 1000 ;;
                2017-03*) echo "not json" > "$out"; exit 0 ;;
              esac
            fi
            case "$b" in letter*) echo "$f: not an Operations Report (no title)." >&2; exit 18 ;; esac
            \(ArchiveSupport.writeTruth("\(Fixtures.truthDir.path)/$b.json"))
            """, named: "flaky.sh", in: root)
    }

    /// Worker calls since the last look.
    func calls(since seen: inout Int) -> [String] {
        let all = ((try? String(contentsOf: root.appendingPathComponent("calls.log"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
        defer { seen = all.count }
        return Array(all.dropFirst(seen)).sorted()
    }

    func testTransientFailuresAreRetriedOnTheNextRunAndLastingOnesAreNot() throws {
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus(Array(Fixtures.textStems.prefix(4)), to: input)
        try Data("%PDF-1.4 letter\n".utf8).write(to: input.appendingPathComponent("letter.pdf"))
        let c = config(input, out, worker: try flakyWorker(), timeout: 1)
        var seen = 0

        let first = try run(c)
        var by = Dictionary(uniqueKeysWithValues: first.outcomes.map { ($0.name, $0) })
        XCTAssertEqual(by["2017-01-operations-report.pdf"]?.reason, .crashed)
        XCTAssertEqual(by["2017-02-operations-report.pdf"]?.reason, .timedOut)
        XCTAssertEqual(by["2017-03-operations-report.pdf"]?.reason, .invalidOutput)
        XCTAssertEqual(by["2017-04-operations-report.pdf"]?.status, .converted)
        XCTAssertEqual(by["letter.pdf"]?.reason, .notAReport)
        let timedOut = by["2017-02-operations-report.pdf"]?.message ?? ""
        XCTAssertTrue(timedOut.hasPrefix("no result within 1 s;"), timedOut)
        XCTAssertTrue(timedOut.contains("retried by a run with a larger --timeout"), timedOut)
        XCTAssertTrue(by["2017-03-operations-report.pdf"]?.message?.contains("tried again by a new build") == true)
        XCTAssertEqual(calls(since: &seen).count, 5)

        // Second run: the crash is converted now; the timeout (same --timeout) and the garbage
        // (same build) stay skipped, as does the letter.
        let second = try run(c)
        by = Dictionary(uniqueKeysWithValues: second.outcomes.map { ($0.name, $0) })
        XCTAssertEqual(by["2017-01-operations-report.pdf"]?.status, .converted)
        for (m, reason) in [(2, FailureReason.timedOut), (3, .invalidOutput)] {
            XCTAssertEqual(by["2017-0\(m)-operations-report.pdf"]?.status, .skipped, "2017-0\(m)")
            XCTAssertEqual(by["2017-0\(m)-operations-report.pdf"]?.reason, reason, "2017-0\(m)")
        }
        XCTAssertEqual(by["2017-04-operations-report.pdf"]?.status, .skipped)
        XCTAssertEqual(by["letter.pdf"]?.status, .skipped)
        XCTAssertEqual(by["letter.pdf"]?.reason, .notAReport)
        XCTAssertEqual(calls(since: &seen), ["2017-01-operations-report"])
        XCTAssertTrue(second.render().contains("use --retry-failed to try them again"), second.render())
        XCTAssertEqual(second.exitStatus, 3)

        // Third run, with a larger --timeout: the timed-out file (only) is tried again.
        var longer = c
        longer.timeout = 3
        let third = try run(longer)
        XCTAssertEqual(calls(since: &seen), ["2017-02-operations-report"])
        XCTAssertEqual(third.outcomes.first { $0.name == "2017-02-operations-report.pdf" }?.status, .converted)

        // --retry-failed tries the garbage and the letter again.
        var retry = longer
        retry.retryFailed = true
        let fourth = try run(retry)
        XCTAssertEqual(calls(since: &seen), ["2017-03-operations-report", "letter"])
        XCTAssertEqual(fourth.outcomes.first { $0.name == "letter.pdf" }?.status, .failed)
        let store = try ArchiveStore(path: c.databasePath)
        XCTAssertEqual(try store.loadReports().map(\.period), ["2017-01", "2017-02", "2017-03", "2017-04"])
    }

    /// `converted N, skipped M (K of them recorded failures), failed F` with N + M + F files.
    func testSummaryCategoriesAddUpToTheFilesFound() throws {
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("copies"), withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus(Array(Fixtures.textStems.prefix(3)), to: input)
        try FileManager.default.copyItem(atPath: Fixtures.pdf(Fixtures.textStems[0]), toPath: input.appendingPathComponent("copies/same.pdf").path)
        for n in ["letter", "crash-worker"] { try Data("%PDF-1.4 \(n)\n".utf8).write(to: input.appendingPathComponent("\(n).pdf")) }
        try Data("%PDF-1.4 letter\n".utf8).write(to: input.appendingPathComponent("copies/letter-copy.pdf"))
        let c = config(input, out, worker: try ArchiveSupport.fakeWorker(in: root))

        let first = try run(c)
        XCTAssertTrue(first.render().hasPrefix("Batch: 7 PDF(s) in "), first.render())
        XCTAssertTrue(first.render().contains("converted 3, skipped 2 (1 of them recorded failures), failed 2\n"), first.render())
        let second = try run(c)
        let text = second.render()
        XCTAssertTrue(text.contains("converted 0, skipped 6 (2 of them recorded failures), failed 1\n"), text)
        XCTAssertTrue(text.contains("  failed      1\n    crashed (1)\n      crash-worker.pdf: "), text)
        XCTAssertTrue(text.contains("recorded failures, skipped (use --retry-failed to try them again)\n    not_a_report (1)\n      copies/letter-copy.pdf: "), text)
        for s in [first, second] {
            XCTAssertEqual(s.convertedCount + s.skippedCount + s.failedCount, 7)
            XCTAssertEqual(s.total, 7)
        }
    }

    /// `batch a; mv a b; batch b`: nothing is converted again and no `a/…` row remains; a copy of
    /// the folder makes duplicates; a file renamed inside the folder keeps its record and JSON.
    func testMovedRenamedOrCopiedFilesAreNotConvertedAgain() throws {
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: a.appendingPathComponent("copies"), withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus(Array(Fixtures.textStems.prefix(3)), to: a)
        try FileManager.default.copyItem(atPath: Fixtures.pdf(Fixtures.textStems[0]), toPath: a.appendingPathComponent("copies/same.pdf").path)
        try Data("%PDF-1.4 letter\n".utf8).write(to: a.appendingPathComponent("letter.pdf"))
        XCTAssertEqual(try run(config(a, out, worker: try ArchiveSupport.fakeWorker(in: root))).count(.converted), 3)
        // From now on any conversion would fail (and be logged).
        let failing = try ArchiveSupport.script("echo \"$2\" >> \"\(root.path)/calls.log\"; exit 19", named: "fail.sh", in: root)
        var seen = 0
        let store = try ArchiveStore(path: out.appendingPathComponent("opsreport.sqlite").path)
        func converted() throws -> [String] { try store.records().filter { $0.status == "converted" }.map(\.file) }
        func helpdeskReports(_ month: String) throws -> Int? {
            try store.series(table: "helpdesk", measure: "Total").first { $0.month == month }?.reportCount
        }
        XCTAssertEqual(try helpdeskReports("2017-01"), 3)

        try FileManager.default.moveItem(at: a, to: b)
        let moved = try run(config(b, out, worker: failing))
        XCTAssertEqual(calls(since: &seen), [])
        let by = Dictionary(uniqueKeysWithValues: moved.outcomes.map { ($0.name, $0) })
        for s in Fixtures.textStems.prefix(3) { XCTAssertEqual(by["\(s).pdf"]?.status.rawValue, "moved", s) }
        XCTAssertEqual(by["letter.pdf"]?.status.rawValue, "moved")
        XCTAssertEqual(by["letter.pdf"]?.reason, .notAReport)
        XCTAssertEqual(by["copies/same.pdf"]?.status, .duplicate)
        XCTAssertEqual(moved.exitStatus, 3)
        XCTAssertEqual(try store.records().map(\.file).filter { $0.hasPrefix(a.path + "/") }, [])
        XCTAssertEqual(try store.records().count, 5)
        XCTAssertEqual(try converted(), Fixtures.textStems.prefix(3).map { b.appendingPathComponent("\($0).pdf").path })
        XCTAssertEqual(try helpdeskReports("2017-01"), 3)
        for r in try store.records() where r.status == "converted" { XCTAssertTrue(FileManager.default.fileExists(atPath: r.jsonPath!), r.name) }

        // Renamed inside the folder: the record and its JSON follow.
        try FileManager.default.createDirectory(at: b.appendingPathComponent("renamed"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: b.appendingPathComponent("\(Fixtures.textStems[1]).pdf"), to: b.appendingPathComponent("renamed/feb.pdf"))
        let renamed = try run(config(b, out, worker: failing))
        XCTAssertEqual(calls(since: &seen), [])
        XCTAssertEqual(renamed.outcomes.first { $0.name == "renamed/feb.pdf" }?.status.rawValue, "moved")
        let feb = try XCTUnwrap(try store.record(forFile: b.appendingPathComponent("renamed/feb.pdf").path))
        XCTAssertEqual(feb.name, "renamed/feb.pdf")
        XCTAssertEqual(feb.period, "2017-02")
        XCTAssertEqual(feb.jsonPath, out.appendingPathComponent("renamed/feb.json").path)
        XCTAssertEqual(try ReportCoding.decode(Data(contentsOf: out.appendingPathComponent("renamed/feb.json"))).period, "2017-02")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(Fixtures.textStems[1]).json").path))
        XCTAssertEqual(try store.records().count, 5)

        // Copied: the originals still exist, so the copies are duplicates and count once.
        let c = root.appendingPathComponent("c")
        try FileManager.default.copyItem(at: b, to: c)
        let copied = try run(config(c, out, worker: failing))
        XCTAssertEqual(calls(since: &seen), [])
        XCTAssertEqual(copied.count(.duplicate), 5)
        XCTAssertEqual(copied.outcomes.first { $0.name == "letter.pdf" }?.reason, .notAReport)
        XCTAssertEqual(try converted().count, 3)
        XCTAssertEqual(try store.records().count, 10)
        XCTAssertEqual(try helpdeskReports("2017-01"), 3)
    }
}
