import XCTest
import Foundation
@testable import Archive
import TableExport
import OpsReport
import PDFLayout
#if canImport(Glibc)
import Glibc
#endif

/// A batch over a hostile folder: only regular files inside it are read, every entry is
/// classified, transient failures are retried, and the database never holds one file's hash
/// with another's data or a schema-invalid report.
final class HostileBatchTests: TempFolderTestCase {
    override var tempTag: String { "hostile-batch" }
    var input: URL { root.appendingPathComponent("in") }
    var out: URL { root.appendingPathComponent("out") }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    }

    func config(worker: String) -> BatchConfiguration {
        var c = BatchConfiguration(inputDirectory: input.path, outputDirectory: out.path,
                                   databasePath: out.appendingPathComponent("opsreport.sqlite").path, executable: worker)
        c.jobs = 2; c.timeout = 10
        return c
    }
    func run(_ c: BatchConfiguration) throws -> BatchSummary { try BatchRunner(configuration: c, progress: RecordingProgress()).run() }
    func add(_ stem: String, as name: String? = nil) throws {
        try FileManager.default.copyItem(atPath: Fixtures.pdf(stem), toPath: input.appendingPathComponent(name ?? stem + ".pdf").path)
    }
    /// A worker running `body` for PDFs whose name contains `pattern`, the fake extract otherwise.
    func worker(_ pattern: String, _ body: String) throws -> String {
        let fake = try ArchiveSupport.fakeWorker(in: root)
        return try ArchiveSupport.script("""
            case "$(basename "$2")" in *\(pattern)*) f="$2"; out="$4"; \(body) ;; esac
            exec "\(fake)" "$@"
            """, named: "worker-\(UUID().uuidString).sh", in: root)
    }

    func testOnlyRegularFilesInsideTheFolderAreReadAndEveryEntryIsListed() throws {
        try add(Fixtures.textStems[0])
        let outside = root.appendingPathComponent("outside.pdf").path
        try FileManager.default.copyItem(atPath: Fixtures.pdf(Fixtures.textStems[1]), toPath: outside)
        let linkOut = Fixtures.textStems[1] + ".pdf"  // named as the fake worker expects
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent(linkOut).path, withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("link-in.pdf").path,
                                                   withDestinationPath: input.appendingPathComponent(Fixtures.textStems[0] + ".pdf").path)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("zero.pdf").path, withDestinationPath: "/dev/zero")
        XCTAssertEqual(mkfifo(input.appendingPathComponent("pipe.pdf").path, 0o644), 0)
        let latin1 = Array(input.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".pdf".utf8) + [0]
        let fd = latin1.withUnsafeBufferPointer { $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: $0.count) { open($0, O_CREAT | O_WRONLY, 0o644) } }
        XCTAssertGreaterThanOrEqual(fd, 0); close(fd)

        let s = try run(config(worker: try ArchiveSupport.fakeWorker(in: root)))
        let by = Dictionary(uniqueKeysWithValues: s.outcomes.map { ($0.name, $0) })
        XCTAssertEqual(s.total, 6, "\(s.outcomes.map(\.name))")
        XCTAssertEqual(by[linkOut]?.reason, .symlinkOutside)
        XCTAssertEqual(by["zero.pdf"]?.reason, .notRegular)
        XCTAssertEqual(by["pipe.pdf"]?.reason, .notRegular)
        XCTAssertEqual(by["caf\\xE9.pdf"]?.reason, .badName, "a non-UTF-8 name is reported, not dropped")
        XCTAssertEqual(by["link-in.pdf"]?.status, .duplicate, "a link inside the folder is read")
        XCTAssertEqual(by[Fixtures.textStems[0] + ".pdf"]?.status, .converted)
        XCTAssertEqual(s.convertedCount + s.skippedCount + s.failedCount, s.total)
        XCTAssertTrue(s.render().contains("symlink_outside (1)"), s.render())
        XCTAssertEqual(s.exitStatus, 0, "entries not read on purpose are not failures")

        var c = config(worker: try ArchiveSupport.fakeWorker(in: root)); c.followSymlinks = true
        let s2 = try run(c)
        XCTAssertEqual(s2.outcomes.first { $0.name == linkOut }?.status, .converted, "--follow-symlinks reads it")
    }

    func testALongNameIsConvertedUnderAShortenedJSONName() throws {
        let long = String(repeating: "r", count: 251) + ".pdf"
        try add(Fixtures.textStems[0], as: long)
        let w = try worker("rrr", ArchiveSupport.writeTruth("\(Fixtures.truthDir.path)/\(Fixtures.textStems[0]).json") + "; exit 0")
        let s = try run(config(worker: w))
        XCTAssertEqual(s.outcomes.map(\.status), [.converted], "\(s.outcomes)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(FileNames.jsonName(forPDF: long)).path))
    }

    /// `r.pdf` and `r.PDF` (different reports) would both be `r.json`: each gets a JSON of its
    /// own, and when the collision ends the remaining file's JSON moves back to `r.json` with
    /// its record, not converted again.
    func testNamesThatGiveTheSameJSONNameGetTheirOwn() throws {
        let (lower, upper) = (Fixtures.textStems[0], Fixtures.textStems[1])
        try add(lower, as: "r.pdf")
        try add(upper, as: "r.PDF")
        let c = config(worker: CLI.executable.path)
        let s1 = try run(c)
        XCTAssertEqual(s1.outcomes.map(\.status), [.converted, .converted], "\(s1.outcomes)")
        let store = try ArchiveStore(path: c.databasePath)
        let files = Dictionary(uniqueKeysWithValues: s1.outcomes.map { ($0.name, $0.file) })
        let a = try XCTUnwrap(store.record(forFile: try XCTUnwrap(files["r.pdf"])))
        let b = try XCTUnwrap(store.record(forFile: try XCTUnwrap(files["r.PDF"])))
        XCTAssertNotEqual(a.jsonPath?.lowercased(), b.jsonPath?.lowercased())
        for (rec, stem) in [(a, lower), (b, upper)] {
            let report = try StoredReportDecoding.decode(Data(contentsOf: URL(fileURLWithPath: try XCTUnwrap(rec.jsonPath))))
            XCTAssertEqual(report.period, try Fixtures.truth(stem).period, "\(rec.jsonPath ?? "")")
        }
        try FileManager.default.removeItem(at: input.appendingPathComponent("r.PDF"))
        let s2 = try run(c)
        XCTAssertEqual(s2.outcomes.map(\.status), [.skipped], "\(s2.outcomes)")
        let moved = try XCTUnwrap(store.record(forFile: try XCTUnwrap(files["r.pdf"])))
        XCTAssertEqual(moved.jsonPath.map { URL(fileURLWithPath: $0).lastPathComponent }, "r.json")
        let report = try StoredReportDecoding.decode(Data(contentsOf: out.appendingPathComponent("r.json")))
        XCTAssertEqual(report.period, try Fixtures.truth(lower).period)
        XCTAssertEqual(FileNames.jsonRelativePaths(forPDFs: ["x/a.pdf", "x/A.pdf", "b.pdf"]).last, "b.json")
    }

    func testTransientFailuresAreRetriedAndResourceLimitsOnlyWithALargerLimit() throws {
        let st = Array(Fixtures.textStems.prefix(5))
        for s in st { try add(s) }
        let (full, changed, limit, killed, invalid) = (st[0], st[1], st[2], st[3], st[4])
        let seen = root.path + "/seen"
        let first = try worker("", """
            b=$(basename "$f" .pdf); mkdir -p "\(seen)"
            if [ ! -e "\(seen)/$b" ]; then touch "\(seen)/$b"; case "$b" in
              \(full)) echo "error: $out: the disk is full" >&2; exit 74 ;;
              \(changed)) printf '{"source": {"file": "x", "sha256": "%064d", "pages": 1}, "period": "2017-01"}' 0 > "$out"; exit 0 ;;
              \(invalid)) printf '{"source": {"file": "x", "sha256": "%s", "pages": 1}, "period": "2017-01", "helpdesk": {"months": [""], "rows": [], "total": []}}' "$(sha256sum "$f" | cut -d' ' -f1)" > "$out"; exit 0 ;;
              \(killed)) printf 'Fatal error: boom\\nregister dump\\nrip 0x0\\n' >&2; kill -KILL $$ ;;
            esac; fi
            case "$b" in \(limit)) echo "error: $f: the memory limit of 1024 MiB was reached" >&2; exit 20 ;; esac
            """)
        let s1 = try run(config(worker: first))
        let r1 = Dictionary(uniqueKeysWithValues: s1.outcomes.map { ($0.name, $0) })
        XCTAssertEqual(r1[full + ".pdf"]?.reason, .diskFull)
        XCTAssertEqual(r1[changed + ".pdf"]?.reason, .changedDuringRead)
        XCTAssertEqual(r1[invalid + ".pdf"]?.reason, .invalidOutput)
        XCTAssertTrue(r1[invalid + ".pdf"]?.message?.contains("/helpdesk/months/0") == true, r1[invalid + ".pdf"]?.message ?? "")
        XCTAssertEqual(r1[limit + ".pdf"]?.reason, .resourceLimit)
        XCTAssertEqual(r1[killed + ".pdf"]?.reason, .resourceLimit, "a SIGKILL the batch did not send is the kernel's limit")
        let store = try ArchiveStore(path: out.appendingPathComponent("opsreport.sqlite").path)
        XCTAssertTrue(try store.loadReports().isEmpty, "nothing stored from a changed or invalid output")

        let s2 = try run(config(worker: first))
        let r2 = Dictionary(uniqueKeysWithValues: s2.outcomes.map { ($0.name, $0) })
        for name in [full, changed] { XCTAssertEqual(r2[name + ".pdf"]?.status, .converted, name) }
        XCTAssertEqual(r2[invalid + ".pdf"]?.status, .skipped, "invalid output is a fact of this build: not retried by it")
        XCTAssertEqual(r2[limit + ".pdf"]?.status, .skipped, "same limits: a recorded resource_limit is not retried")
        XCTAssertEqual(r2[killed + ".pdf"]?.status, .skipped)
        var bigger = config(worker: first); bigger.memoryLimit = 2 << 30
        let s3 = try run(bigger)
        XCTAssertEqual(s3.outcomes.first { $0.name == limit + ".pdf" }?.status, .failed, "a larger limit retries it")
        XCTAssertEqual(s3.outcomes.first { $0.name == killed + ".pdf" }?.status, .converted)
    }

    func testACrashIsReportedInOneLineWithItsSignal() throws {
        try add(Fixtures.textStems[0], as: "crash.pdf")
        let w = try worker("crash", "printf 'Fatal error: Double value cannot be converted to Int\\nRegisters:\\nrax 0x1\\nrip 0x2\\n' >&2; kill -ILL $$")
        let o = try run(config(worker: w)).outcomes[0]
        XCTAssertEqual(o.reason, .crashed)
        XCTAssertEqual(o.message?.contains("\n"), false)
        XCTAssertTrue(o.message?.contains("signal 4 (SIGILL, a Swift runtime trap): Fatal error: Double value cannot be converted to Int") == true, o.message ?? "")
        XCTAssertFalse(o.message?.contains("rax") == true)
    }

    /// A second batch on the same output folder (another database) stops before touching
    /// anything: the first one's staging files survive and its reports are stored.
    func testASecondBatchOnTheSameOutputFolderStopsBeforeTouchingIt() throws {
        for s in Fixtures.textStems.prefix(3) { try add(s) }
        let slow = try worker("", "sleep 0.7")
        let first = try ArchiveSupport.launchLogged(["batch", input.path, "-o", out.path, "--jobs", "1", "--worker", slow], logs: root, tag: "first")
        let staging = out.appendingPathComponent(".opsreport-staging").path
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: staging) && Date() < deadline { usleep(20_000) }
        let second = try ArchiveSupport.runLogged(["batch", input.path, "-o", out.path, "--db", root.appendingPathComponent("other.sqlite").path,
                                                   "--worker", slow], logs: root, tag: "second")
        XCTAssertEqual(second.status, 4)
        XCTAssertTrue(second.err.contains("another batch is writing into this output folder"), second.err)
        first.waitUntilExit()
        let firstErr = try ArchiveSupport.logs(root, "first").err
        XCTAssertEqual(first.terminationStatus, 0, firstErr)
        let store = try ArchiveStore(path: out.appendingPathComponent("opsreport.sqlite").path)
        XCTAssertEqual(try store.loadReports().count, 3)
    }

    func testCSVCellsThatStartAFormulaAreEscaped() throws {
        try add(Fixtures.textStems[0], as: "=HYPERLINK(1).pdf")
        var c = config(worker: try ArchiveSupport.fakeWorker(in: root))
        c.csvDirectory = out.appendingPathComponent("csv").path
        _ = try run(c)
        let csv = try String(contentsOfFile: out.appendingPathComponent("csv/reports.csv").path, encoding: .utf8)
        XCTAssertTrue(csv.contains("'=HYPERLINK(1).pdf"), csv)
        XCTAssertEqual(SpreadsheetCell.escaped("+A1"), "'+A1")
        XCTAssertEqual(SpreadsheetCell.escaped("@x"), "'@x")
        XCTAssertEqual(SpreadsheetCell.escaped("\tx"), "'\tx")
        XCTAssertEqual(SpreadsheetCell.escaped("Core"), "Core")
        // CR LF is one Swift Character: the test is on Unicode scalars.
        XCTAssertEqual(SpreadsheetCell.escaped("\r\n=HYPERLINK(1)"), "'\r\n=HYPERLINK(1)")
        // Plain signed numbers stay numbers; a formula behind a sign does not.
        for number in ["-5", "+3.25", "-1,234.5", "-0.5"] { XCTAssertEqual(SpreadsheetCell.escaped(number), number) }
        for formula in ["-2+3+cmd|' /C calc'!A0", "-", "+", "-1,", "-1.2.3", "-1e5", "- 5", "-,5"] {
            XCTAssertEqual(SpreadsheetCell.escaped(formula), "'" + formula, formula)
        }
    }

    func testHashingAFileThatChangesIsRefused() throws {
        let path = root.appendingPathComponent("grow.pdf").path
        try Data(repeating: 0x25, count: 3 << 20).write(to: URL(fileURLWithPath: path))
        let h = FileHandle(forWritingAtPath: path)!
        // Grow the file while it is hashed: the hash of a moving file is never recorded.
        let grower = Thread { for _ in 0..<200 { h.seekToEndOfFile(); h.write(Data(repeating: 1, count: 1 << 16)); usleep(500) } }
        grower.start()
        var refused = false
        for _ in 0..<50 where !refused {
            do { _ = try FileBytes.sha256(ofFile: path) } catch PDFLayoutError.changedDuringRead { refused = true }
        }
        XCTAssertTrue(refused, "a file growing while hashed is reported as changed")
        XCTAssertThrowsError(try FileBytes.sha256(ofFile: path, deadline: Date().addingTimeInterval(-1)), "the time limit applies to hashing")
    }
}
