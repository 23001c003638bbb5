import Foundation
import PDFLayout
import OpsReport
#if canImport(Glibc)
import Glibc
#endif

/// Settings of one batch run (`opsreport batch`).
public struct BatchConfiguration: Sendable {
    /// The archive folder; every PDF under it, recursively, is converted.
    public var inputDirectory: String
    /// Where each report's JSON goes, at `<name without .pdf>.json` (mirroring the input's folders).
    public var outputDirectory: String
    /// The SQLite file (created if needed).
    public var databasePath: String
    /// Worker processes run at once (≥ 1).
    public var jobs: Int = 1
    /// Convert every file again, even those recorded for this SHA-256 and tool version.
    public var force = false
    /// Convert again the files recorded as failed (default: a recorded failure is skipped).
    public var retryFailed = false
    /// Seconds a worker may take on one file before it is killed (reason `timed_out`).
    public var timeout: TimeInterval = 120
    /// When set, the tidy CSVs and `datapackage.json` are written there at the end.
    public var csvDirectory: String?
    /// The worker executable: normally this program (`/proc/self/exe`), run with `extract`.
    public var executable: String
    /// Password passed to every worker (`--password`), for archives of encrypted PDFs.
    public var password: String?
    /// The tool version recorded with each file (skip test).
    public var toolVersion: String = ToolVersion.current

    /// The worker's arguments for one file: `extract PDF -o OUT [--password P]`.
    public func workerArguments(pdf: String, output: String) -> [String] {
        ["extract", pdf, "-o", output] + (password.map { ["--password", $0] } ?? [])
    }

    public init(inputDirectory: String, outputDirectory: String, databasePath: String, executable: String) {
        self.inputDirectory = URL(fileURLWithPath: inputDirectory).standardizedFileURL.path
        self.outputDirectory = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path
        self.databasePath = URL(fileURLWithPath: databasePath).standardizedFileURL.path
        self.executable = executable
    }
}

/// Converts an archive folder: one isolated worker process per PDF, `jobs` at a time, results
/// stored in an `ArchiveStore`; resumable and safe to kill at any moment.
///
/// Crash safety, per file: (1) `beginConversion` drops the file's old row and records a pending
/// conversion, (2) a stale JSON is removed, (3) the worker writes into the hidden staging folder
/// `OUTDIR/.opsreport-staging`, (4) the JSON is renamed into place, (5) one transaction stores the
/// report, its values and findings and clears the pending mark. A run killed between (4) and (5)
/// is finished by the next run by importing the JSON; a kill anywhere else leaves either the old
/// state or no row, and the file is converted again. Staging leftovers are deleted at start.
public final class BatchRunner {
    public let configuration: BatchConfiguration
    let progress: BatchProgress
    let lock = NSLock()

    public init(configuration: BatchConfiguration, progress: BatchProgress) {
        self.configuration = configuration
        self.progress = progress
    }

    var stagingDirectory: String { configuration.outputDirectory + "/.opsreport-staging" }

    /// Runs the batch.
    /// - Returns: the summary (its `exitStatus` is the command's).
    /// - Throws: `BatchError` or a database error when the run cannot go on at all (exit status 4).
    public func run() throws -> BatchSummary {
        let c = configuration
        let started = Date()
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: c.executable) else { throw BatchError.workerNotFound(c.executable) }
        let files = try FileDiscovery.pdfs(under: c.inputDirectory, excluding: [c.outputDirectory])
        do {
            try fm.createDirectory(atPath: c.outputDirectory, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: stagingDirectory)
            try fm.createDirectory(atPath: stagingDirectory, withIntermediateDirectories: true)
            try fm.createDirectory(atPath: URL(fileURLWithPath: c.databasePath).deletingLastPathComponent().path, withIntermediateDirectories: true)
        } catch { throw BatchError.output(c.outputDirectory, underlying: "\(error)") }
        let store = try ArchiveStore(path: c.databasePath)
        let forgotten = try store.forgetMissingFiles(under: c.inputDirectory)

        progress.begin(total: files.count)
        // Phase 1: hash every file (in parallel); identical bytes are converted once.
        var hashes = [String?](repeating: nil, count: files.count)
        Self.parallelForEach(count: files.count, jobs: c.jobs) { i in
            let h = try? PDFDocument.sha256(ofFile: files[i])
            self.lock.lock(); hashes[i] = h; self.lock.unlock()
        }
        var primaryOf: [String: Int] = [:]
        var duplicates: [(Int, Int)] = []
        var work: [Int] = []
        for (i, h) in hashes.enumerated() {
            guard let h else { work.append(i); continue }
            if let p = primaryOf[h] { duplicates.append((i, p)) } else { primaryOf[h] = i; work.append(i) }
        }

        // Phase 2: convert.
        var outcomes = [FileOutcome?](repeating: nil, count: files.count)
        var done = 0
        var fatal: Error?
        func finish(_ i: Int, _ o: FileOutcome) {
            lock.lock(); defer { lock.unlock() }
            outcomes[i] = o; done += 1
            progress.update(o, done: done, total: files.count)
        }
        Self.parallelForEach(count: work.count, jobs: c.jobs) { k in
            let i = work[k]
            self.lock.lock(); let stop = fatal != nil; self.lock.unlock()
            if stop { return }
            do { finish(i, try self.process(files[i], sha: hashes[i], store: store)) }
            catch { self.lock.lock(); fatal = fatal ?? error; self.lock.unlock() }
        }
        if let fatal { throw fatal }
        for (i, p) in duplicates {
            let name = FileDiscovery.relativeName(of: files[i], under: c.inputDirectory)
            let primary = outcomes[p]!
            try store.recordDuplicate(file: files[i], name: name, sha256: hashes[i]!, toolVersion: c.toolVersion, originalFile: files[p])
            var o = FileOutcome(name: name, file: files[i], status: .duplicate, reason: primary.reason,
                                message: "same bytes as \(primary.name)", period: primary.period)
            if primary.isFailure { o.message = "same bytes as \(primary.name), which failed: \(primary.message ?? "")" }
            finish(i, o)
        }

        // Phase 3: cross-report findings over the whole archive, then exports.
        progress.note("cross-report checks")
        let archiveFindings = CrossReportRules.all(try store.loadReportsForCrossChecks())
        try store.replaceArchiveFindings(archiveFindings)
        if let csv = c.csvDirectory {
            progress.note("exporting CSV and datapackage.json to \(csv)")
            try CSVExport.export(store: store, to: csv)
        }
        try? fm.removeItem(atPath: stagingDirectory)
        progress.end()
        return BatchSummary(outcomes: outcomes.map { $0! }, findingsBySeverity: try store.findingCounts(),
                            archiveFindings: archiveFindings, forgotten: forgotten,
                            elapsed: Date().timeIntervalSince(started), jobs: c.jobs)
    }

    /// Converts (or skips, or re-imports) one file. Throws only on database errors.
    func process(_ file: String, sha: String?, store: ArchiveStore) throws -> FileOutcome {
        let c = configuration
        let name = FileDiscovery.relativeName(of: file, under: c.inputDirectory)
        let jsonPath = FileDiscovery.jsonPath(forName: name, in: c.outputDirectory)
        let t0 = Date()
        var outcome = FileOutcome(name: name, file: file, status: .failed)
        guard let sha else {
            outcome.reason = .unreadable
            outcome.message = "\(file): cannot read the file to compute its SHA-256."
            try store.recordFailure(file: file, name: name, sha256: "", toolVersion: c.toolVersion, reason: .unreadable, message: outcome.message!)
            return outcome
        }
        let fm = FileManager.default
        if !c.force {
            if let rec = try store.record(forFile: file), rec.sha256 == sha, rec.toolVersion == c.toolVersion {
                if rec.status == "converted", let p = rec.jsonPath, fm.fileExists(atPath: p) {
                    return FileOutcome(name: name, file: file, status: .skipped, period: rec.period)
                }
                if rec.status == "failed", !c.retryFailed {
                    return FileOutcome(name: name, file: file, status: .skipped, reason: rec.reason.flatMap(FailureReason.init(rawValue:)) ?? .failed,
                                       message: rec.message)
                }
            }
            if let p = try store.pending(forFile: file), p.sha256 == sha, p.toolVersion == c.toolVersion,
               let data = fm.contents(atPath: p.jsonPath), let report = try? StoredReportDecoding.decode(data) {
                try store.importReport(report, file: file, name: name, sha256: sha, toolVersion: c.toolVersion, jsonPath: p.jsonPath)
                return FileOutcome(name: name, file: file, status: .reimported, period: report.period, findings: report.findings.count,
                                   seconds: Date().timeIntervalSince(t0))
            }
        }

        try store.beginConversion(file: file, sha256: sha, toolVersion: c.toolVersion, jsonPath: jsonPath)
        try? fm.removeItem(atPath: jsonPath)
        let tmp = stagingDirectory + "/" + UUID().uuidString + ".json.tmp"
        defer { try? fm.removeItem(atPath: tmp) }
        func fail(_ reason: FailureReason, _ message: String, exit: Int32? = nil, signal: Int32? = nil) throws -> FileOutcome {
            outcome.reason = reason; outcome.message = message; outcome.seconds = Date().timeIntervalSince(t0)
            try store.recordFailure(file: file, name: name, sha256: sha, toolVersion: c.toolVersion, reason: reason, message: message,
                                    exitStatus: exit, signal: signal, durationMs: Int(outcome.seconds * 1000))
            return outcome
        }
        let result: ChildResult
        do {
            result = try ChildProcess.run(executable: c.executable, arguments: c.workerArguments(pdf: file, output: tmp), timeout: c.timeout)
        } catch {
            return try fail(.launchFailed, "cannot start the worker \(c.executable): \(error)")
        }
        let stderrText = Self.tail(result.stderr)
        switch result.termination {
        case .timedOut:
            return try fail(.timedOut, "no result within \(Int(c.timeout)) s; the worker was killed (raise --timeout if the file is just large)")
        case .signaled(let s):
            return try fail(.crashed, "the worker crashed with signal \(s) (\(Self.signalName(s)))" + (stderrText.isEmpty ? "" : ": \(stderrText)"), signal: s)
        case .exited(let code) where code != 0:
            let reason = FailureReason.fromExitStatus(code) ?? .failed
            return try fail(reason, stderrText.isEmpty ? "the worker exited with status \(code)" : stderrText, exit: code)
        case .exited:
            break
        }
        guard let data = fm.contents(atPath: tmp) else {
            return try fail(.invalidOutput, "the worker exited 0 but wrote no JSON" + (stderrText.isEmpty ? "" : ": \(stderrText)"), exit: 0)
        }
        let report: Report
        do { report = try StoredReportDecoding.decode(data) } catch {
            return try fail(.invalidOutput, "the worker's output is not a report JSON: \(error)", exit: 0)
        }
        do {
            try fm.createDirectory(atPath: URL(fileURLWithPath: jsonPath).deletingLastPathComponent().path, withIntermediateDirectories: true)
            guard rename(tmp, jsonPath) == 0 else { throw BatchError.output(jsonPath, underlying: String(cString: strerror(errno))) }
        } catch let e as BatchError { throw e } catch { throw BatchError.output(jsonPath, underlying: "\(error)") }
        let seconds = Date().timeIntervalSince(t0)
        try store.importReport(report, file: file, name: name, sha256: sha, toolVersion: c.toolVersion, jsonPath: jsonPath,
                               durationMs: Int(seconds * 1000))
        return FileOutcome(name: name, file: file, status: .converted, period: report.period, findings: report.findings.count, seconds: seconds)
    }

    /// The worker's explanation from its stderr: the `error: ` lines without that prefix when there
    /// are any, else the whole text; trimmed, at most 1000 characters (the end kept).
    static func tail(_ data: Data) -> String {
        var s = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let errors = s.split(separator: "\n").filter { $0.hasPrefix("error: ") }.map { $0.dropFirst(7) }
        if !errors.isEmpty { s = errors.joined(separator: " ") }
        return s.count > 1000 ? "…" + String(s.suffix(999)) : s
    }

    static func signalName(_ s: Int32) -> String {
        [4: "SIGILL, a Swift runtime trap", 5: "SIGTRAP, a Swift runtime trap", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE",
         9: "SIGKILL", 11: "SIGSEGV", 15: "SIGTERM"][s] ?? "signal \(s)"
    }

    final class Counter: @unchecked Sendable {
        let lock = NSLock(); var value = 0
        func take() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value - 1 }
    }

    /// Runs `body(0..<count)` on `jobs` threads, each taking the next index; returns when all are done.
    static func parallelForEach(count: Int, jobs: Int, _ body: @escaping (Int) -> Void) {
        guard count > 0 else { return }
        let next = Counter()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            let t = Thread {
                while true {
                    let i = next.take()
                    if i >= count { break }
                    body(i)
                }
                group.leave()
            }
            t.start()
        }
        group.wait()
    }
}
