import Foundation
import XCTest
import GRDB
@testable import Archive
import OpsReport

/// Helpers for the archive tests: temporary folders, a fake worker, the built `opsreport`
/// executable, and a canonical dump of a database for comparing runs.
enum ArchiveSupport {
    /// A fresh temporary folder (removed by the caller's `addTeardownBlock`).
    static func tempDir(_ tag: String) throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-\(tag)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    /// The `opsreport` executable built next to the test bundle.
    static var opsreport: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // …/debug/OpsReportPackageTests.xctest  (or a bundle folder on other layouts)
        if !FileManager.default.fileExists(atPath: dir.appendingPathComponent("opsreport").path) { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("opsreport").path
    }

    /// Writes a shell script that behaves like `opsreport extract FILE -o OUT` without parsing:
    /// it copies `truth/<stem>.json` (with a `source` block holding the file's SHA-256) after
    /// `delay` seconds; a stem containing `crash` dies of
    /// SIGSEGV, `hang` sleeps forever, `truncated` exits 13 and `encrypted` 14 with a message,
    /// `garbage` exits 0 with a non-JSON output; other unknown stems exit 18.
    static func fakeWorker(in dir: URL, delay: Double = 0) throws -> String {
        let script = """
            #!/bin/sh
            f="$2"; out="$4"; b=$(basename "$f" .pdf)
            case "$b" in
              *crash*) kill -SEGV $$ ;;
              *hang*) exec sleep 1000 ;;
              *truncated*) echo "$f: damaged or incomplete PDF (no xref table). Download it again." >&2; exit 13 ;;
              *encrypted*) echo "$f: the PDF is encrypted and needs a password. Run again with --password." >&2; exit 14 ;;
              *garbage*) echo "not json" > "$out"; exit 0 ;;
            esac
            t="\(Fixtures.truthDir.path)/$b.json"
            [ -f "$t" ] || { echo "$f: not an Operations Report (no title)." >&2; exit 18; }
            sleep \(delay)
            \(writeTruth("$t"))
            """
        let path = dir.appendingPathComponent("fake-extract.sh").path
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    /// A batch's JSON output decoded, its `source` block (added by the worker) cleared, to
    /// compare with a truth file.
    static func decodedOutput(_ data: Data) throws -> Report {
        var r = try ReportCoding.decode(data)
        r.source = Source(file: "", sha256: "", pages: 0)
        return r
    }

    /// Shell lines writing the truth file `truth` to `"$out"` as the real worker would: with a
    /// `source` block holding the SHA-256 of the input `"$f"` (the batch checks it).
    static func writeTruth(_ truth: String) -> String {
        """
        sha=$(sha256sum "$f" | cut -d' ' -f1)
        { printf '{"source": {"file": "%s", "sha256": "%s", "pages": 1},' "$f" "$sha"; tail -c +2 "\(truth)"; } > "$out"
        """
    }

    /// Writes an executable shell script `name` into `dir` and returns its path.
    static func script(_ body: String, named name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    /// Runs `opsreport` with `args`, its standard output and error going to `log.out` and
    /// `log.err` in `dir`; returns the launched process.
    static func launchLogged(_ args: [String], logs dir: URL, tag: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: opsreport)
        p.arguments = args
        for suffix in ["out", "err"] { _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("\(tag).\(suffix)").path, contents: nil) }
        p.standardOutput = try FileHandle(forWritingTo: dir.appendingPathComponent("\(tag).out"))
        p.standardError = try FileHandle(forWritingTo: dir.appendingPathComponent("\(tag).err"))
        try p.run()
        return p
    }

    /// Runs `opsreport` to completion; returns its exit status, standard output and error.
    static func runLogged(_ args: [String], logs dir: URL, tag: String) throws -> (status: Int32, out: String, err: String) {
        let p = try launchLogged(args, logs: dir, tag: tag)
        p.waitUntilExit()
        return (p.terminationStatus, try logs(dir, tag).out, try logs(dir, tag).err)
    }

    /// The logs written by `launchLogged`.
    static func logs(_ dir: URL, _ tag: String) throws -> (out: String, err: String) {
        (try String(contentsOf: dir.appendingPathComponent("\(tag).out"), encoding: .utf8),
         try String(contentsOf: dir.appendingPathComponent("\(tag).err"), encoding: .utf8))
    }

    /// Copies corpus PDFs (stems) into `dir`.
    static func copyCorpus(_ stems: [String], to dir: URL) throws {
        for s in stems { try FileManager.default.copyItem(atPath: Fixtures.pdf(s), toPath: dir.appendingPathComponent(s + ".pdf").path) }
    }

    /// Runs `opsreport` with `args`; returns the process (launched) for waiting or killing.
    static func launch(_ args: [String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: opsreport)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Runs `opsreport` to completion; returns its exit status.
    @discardableResult
    static func runOpsreport(_ args: [String]) throws -> Int32 {
        let p = try launch(args)
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// A canonical, order-independent text dump of a database's content: every table with the
    /// report id replaced by the report's name, and without ids, timestamps and durations.
    static func dump(_ dbPath: String) throws -> [String: [String]] {
        let q = try DatabaseQueue(path: dbPath)
        return try q.read { db in
            var out: [String: [String]] = [:]
            out["reports"] = try Row.fetchAll(db, sql: """
                SELECT name, sha256, tool_version, status, reason, message, exit_status, signal, period, reference, variant,
                       (SELECT name FROM reports d WHERE d.id = r.duplicate_of) AS dup, json_path FROM reports r
                """).map { $0.description }.sorted()
            for t in ["narrative", "driver_days", "helpdesk_emails", "website_statistics", "party_statistics", "voting_groups", "meetings", "modification_status"] {
                out[t] = try Row.fetchAll(db, sql: "SELECT r.name AS report, t.* FROM \(t) t JOIN reports r ON r.id = t.report_id")
                    .map { row in row.description.replacingOccurrences(of: #"report_id:\d+"#, with: "", options: .regularExpression) }.sorted()
            }
            out["findings"] = try Row.fetchAll(db, sql: """
                SELECT r.name, f.scope, f.code, f.severity, f.pointer, f.related, f.printed, f.expected, f.message
                  FROM findings f LEFT JOIN reports r ON r.id = f.report_id
                """).map { $0.description }.sorted()
            out["pending_conversions"] = try Row.fetchAll(db, sql: "SELECT file FROM pending_conversions").map { $0.description }
            return out
        }
    }

    /// Every file under `dir` (relative path → bytes), skipping the database files.
    static func files(under dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = dir.standardizedFileURL.path + "/"
        for case let u as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let rel = u.standardizedFileURL.path.replacingOccurrences(of: base, with: "")
            if rel.contains(".sqlite") { continue }
            out[rel] = try Data(contentsOf: u)
        }
        return out
    }
}

/// Collects outcomes in memory (for in-process runs).
final class RecordingProgress: BatchProgress {
    var outcomes: [FileOutcome] = []
    var notes: [String] = []
    var total = -1
    func begin(total: Int) { self.total = total }
    func update(_ outcome: FileOutcome, done: Int, total: Int) { outcomes.append(outcome) }
    func note(_ message: String) { notes.append(message) }
    func end() {}
}

/// A test case with a fresh temporary folder `root` per test, removed afterwards.
class TempFolderTestCase: XCTestCase {
    var root: URL!
    /// Names the folder (`opsreport-<tag>-<uuid>`).
    var tempTag: String { "test" }
    override func setUpWithError() throws {
        root = try ArchiveSupport.tempDir(tempTag)
        let r = root!
        addTeardownBlock { try? FileManager.default.removeItem(at: r) }
    }
}
