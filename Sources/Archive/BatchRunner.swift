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
    /// Seconds a worker may add to `timeout` in all by announcing work it found in its file (pages
    /// it reads by OCR: `ChildProcess.allowancePrefix` lines, the same seconds it adds to its own
    /// CPU-time limit), so a long scan is not killed as hung; 0: the timeout is fixed. `opsreport
    /// batch` sets it to the workers' largest CPU allowance.
    public var maxTimeoutExtension: TimeInterval = 0
    /// When set, the tidy CSVs and `datapackage.json` are written there at the end.
    public var csvDirectory: String?
    /// Start each CSV with a UTF-8 byte order mark (for Excel).
    public var csvBOM = false
    /// The worker executable: normally this program (`/proc/self/exe`), run with `extract`.
    public var executable: String
    /// Password passed to every worker (`--password`), for archives of encrypted PDFs.
    public var password: String?
    /// The tool version recorded with each file (skip test).
    public var toolVersion: String = ToolVersion.current
    /// Each worker's memory (address-space) limit in bytes (0: none); see `extract --memory-limit`.
    public var memoryLimit: UInt64 = 1 << 30
    /// Each worker's CPU-time limit in seconds (0: none); see `extract --cpu-limit`.
    public var cpuLimit: UInt64 = 50
    /// Read PDFs that are symbolic links to files outside the folder, and descend linked folders.
    public var followSymlinks = false

    /// The worker's arguments for one file:
    /// `extract PDF -o OUT --memory-limit B --cpu-limit S [--announce-allowances] [--password P] [--known-hash SHA@IDENTITY]`
    /// (`--announce-allowances` when `maxTimeoutExtension` is positive)
    /// (`knownHash`: the file's hash as the batch took it, so that the worker need not hash the
    /// bytes again; see `KnownHash`).
    public func workerArguments(pdf: String, output: String, knownHash: KnownHash? = nil) -> [String] {
        ["extract", pdf, "-o", output, "--memory-limit", String(memoryLimit), "--cpu-limit", String(cpuLimit)]
            + (maxTimeoutExtension > 0 ? ["--announce-allowances"] : [])
            + (password.map { ["--password", $0] } ?? []) + (knownHash.map { ["--known-hash", $0.description] } ?? [])
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
///
/// `interrupt()` (SIGINT/SIGTERM in `opsreport batch`) ends a run early but cleanly: running
/// workers are killed, their files left unrecorded, the staging folder removed, and the summary
/// so far returned. A file whose bytes are recorded under a path that no longer exists (a moved
/// or renamed folder) has its record moved rather than being converted again.
public final class BatchRunner {
    public let configuration: BatchConfiguration
    let progress: BatchProgress
    let lock = NSLock()
    /// The running workers; cancelled by `interrupt()`.
    let children = ChildProcessGroup()
    /// Each file's JSON path (`FileDiscovery.jsonPaths`), set by `run()` before any file is
    /// processed and only read afterwards.
    var jsonPaths: [String: String] = [:]

    public init(configuration: BatchConfiguration, progress: BatchProgress) {
        self.configuration = configuration
        self.progress = progress
    }

    var stagingDirectory: String { configuration.outputDirectory + "/.opsreport-staging" }

    /// Stops the run (thread-safe; called on SIGINT/SIGTERM): no new file is started, running
    /// workers are killed and their files left unrecorded (the next run converts them), staging
    /// files are removed, and `run()` returns the summary so far with `interrupted` set.
    public func interrupt() { children.cancel() }

    /// `true` once `interrupt()` has been called.
    public var isInterrupted: Bool { children.isCancelled }

    /// Runs the batch.
    /// - Returns: the summary (its `exitStatus` is the command's).
    /// - Throws: `BatchError` or a database error when the run cannot go on at all (exit status 4).
    public func run() throws -> BatchSummary {
        let c = configuration
        let started = Date()
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: c.executable) else { throw BatchError.workerNotFound(c.executable) }
        let (files, excluded) = try FileDiscovery.scan(c.inputDirectory, excluding: [c.outputDirectory], followSymlinks: c.followSymlinks)
        guard !files.isEmpty || !excluded.isEmpty else { throw BatchError.noPDFs(c.inputDirectory) }
        try BatchOutputGuard.check(c, inputs: files)
        jsonPaths = FileDiscovery.jsonPaths(for: files, under: c.inputDirectory, in: c.outputDirectory)
        // Both locks before anything in the output folder or the database is touched: a second
        // batch on the same folder stops here, never deleting the first one's staging files.
        let dbLock = try DatabaseLock(databasePath: c.databasePath)
        let outLock = try DatabaseLock(outputDirectory: c.outputDirectory)
        defer { withExtendedLifetime((outLock, dbLock)) {} }
        do {
            try? fm.removeItem(atPath: stagingDirectory)
            try fm.createDirectory(atPath: stagingDirectory, withIntermediateDirectories: true)
        } catch { throw BatchError.output(c.outputDirectory, underlying: "\(error)") }
        defer { try? fm.removeItem(atPath: stagingDirectory) }
        let store: ArchiveStore
        do { store = try ArchiveStore(path: c.databasePath) } catch { throw BatchError.database(c.databasePath, underlying: "\(error)") }

        progress.begin(total: files.count + excluded.count)
        // Phase 1: hash every file (in parallel) under the per-file time limit, regular files
        // only; identical bytes are converted once. A file with the settled identity recorded
        // when it was last hashed is not read (see `FileIdentity`); the worker is given the hash
        // (`KnownHash`) so that it does not hash the bytes again.
        var hashes = [String?](repeating: nil, count: files.count)
        var hashErrors = [PDFLayoutError?](repeating: nil, count: files.count)
        var known = [KnownHash?](repeating: nil, count: files.count)
        var hashedNow: [(file: String, sha256: String, identity: FileIdentity?)] = []
        do {
            let recorded = c.force ? [:] : try store.recordedIdentities()
            Self.parallelForEach(count: files.count, jobs: c.jobs, stop: { self.isInterrupted }) { i in
                var h: String? = nil, k: KnownHash? = nil, failure: PDFLayoutError? = nil, read: FileIdentity?? = nil
                if let rec = recorded[files[i]], let id = try? FileBytes.identity(ofFile: files[i]), id == rec.identity {
                    h = rec.sha256; k = KnownHash(sha256: rec.sha256, identity: id)
                } else {
                    do {
                        let r = try FileBytes.hashWithIdentity(ofFile: files[i], deadline: Date().addingTimeInterval(c.timeout))
                        h = r.sha256; k = r.settled ? KnownHash(sha256: r.sha256, identity: r.identity) : nil; read = .some(k?.identity)
                    } catch let e as PDFLayoutError { failure = e } catch { failure = .unreadable(path: files[i], reason: "\(error)") }
                }
                self.lock.lock()
                hashes[i] = h; hashErrors[i] = failure; known[i] = k
                if let read, let h { hashedNow.append((files[i], h, read)) }
                self.lock.unlock()
            }
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
        func finish(_ i: Int, _ outcome: FileOutcome) {
            // One line each wherever it is shown: a control character in a name cannot forge a line.
            var o = outcome
            o.name = MessageText.oneLine(o.name); o.message = o.message.map(MessageText.oneLine)
            lock.lock(); defer { lock.unlock() }
            outcomes[i] = o; done += 1
            progress.update(o, done: done, total: files.count)
        }
        let stop = { () -> Bool in self.lock.lock(); defer { self.lock.unlock() }; return fatal != nil || self.isInterrupted }
        if !isInterrupted {
            Self.parallelForEach(count: work.count, jobs: c.jobs, stop: stop) { k in
                let i = work[k]
                do { if let o = try self.process(files[i], sha: hashes[i], known: known[i], hashError: hashErrors[i], store: store) { finish(i, o) } }
                catch { self.lock.lock(); fatal = fatal ?? error; self.lock.unlock() }
            }
        }
        if let fatal { throw fatal }
        for (i, p) in duplicates {
            guard let primary = outcomes[p] else { continue }
            let name = FileDiscovery.relativeName(of: files[i], under: c.inputDirectory)
            try store.recordDuplicate(file: files[i], name: name, sha256: hashes[i]!, toolVersion: c.toolVersion, originalFile: files[p])
            var o = FileOutcome(name: name, file: files[i], status: .duplicate, reason: primary.reason,
                                message: "same bytes as \(primary.name)", period: primary.period)
            if primary.isFailure { o.message = "same bytes as \(primary.name), which failed: \(primary.message ?? "")" }
            finish(i, o)
        }
        try store.recordIdentities(hashedNow)
        var crossChecks = BatchSummary.CrossChecks.notRun
        func summary(_ archiveFindings: [Finding], forgotten: [String]) throws -> BatchSummary {
            let resources = BatchResources.now()
            progress.note(resources.description)
            progress.end()
            let listed = excluded.map { FileOutcome(name: $0.name, file: "", status: .excluded, reason: $0.reason, message: $0.message) }
            var s = BatchSummary(outcomes: outcomes.compactMap { $0 } + listed, findingsBySeverity: try store.findingCounts(),
                                 archiveFindings: archiveFindings, forgotten: forgotten,
                                 elapsed: Date().timeIntervalSince(started), jobs: c.jobs, total: files.count + excluded.count)
            s.interrupted = isInterrupted
            s.toolVersion = c.toolVersion
            s.hashedCount = hashedNow.count
            s.crossChecks = crossChecks
            s.resources = resources
            s.reportNames = Dictionary(try store.records().map { ($0.file, $0.name) }, uniquingKeysWith: { a, _ in a })
            return s
        }
        if isInterrupted { return try summary([], forgotten: []) }

        // Phase 3: forget files gone from the folder (after phase 2, which may have moved their
        // records to new paths), cross-report findings over the whole archive, then exports.
        let forgotten = try store.forgetMissingFiles(under: c.inputDirectory)
            + store.forgetMovedFiles(sha256s: Set(hashes.compactMap { $0 }), current: Set(files))
        // Only when the converted reports changed (or the program did): the pass reads every one.
        progress.note("cross-report checks")
        let t0 = Date()
        let input = try store.crossCheckInput(rules: Self.rulesIdentity)
        let archiveFindings: [Finding]
        if try store.archiveFindingsAreCurrent(input: input) {
            archiveFindings = try store.findings(scope: "archive")
            crossChecks = .kept
            progress.note("cross-report checks: archive unchanged since the last run; \(archiveFindings.count) findings kept")
        } else {
            archiveFindings = try store.loadReportsForCrossChecks().findings()
            if isInterrupted { return try summary([], forgotten: forgotten) }
            try store.replaceArchiveFindings(archiveFindings, input: input)
            crossChecks = .computed
            progress.note("cross-report checks: \(archiveFindings.count) findings in \(String(format: "%.2f", Date().timeIntervalSince(t0))) s")
        }
        if let csv = c.csvDirectory, !isInterrupted {
            progress.note("exporting CSV and datapackage.json to \(csv)")
            try CSVExport.export(store: store, to: csv, bom: c.csvBOM)
        }
        return try summary(archiveFindings, forgotten: forgotten)
    }

    /// What names the code of the cross-report rules in `ArchiveStore.crossCheckInput(rules:)`:
    /// the tool version and the identity of this program's executable, so that another build
    /// computes the archive findings again.
    static let rulesIdentity: String = {
        let exe = (try? FileBytes.identity(ofFile: "/proc/self/exe").description) ?? "unknown executable"
        return "\(ToolVersion.current) \(exe)"
    }()

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
         9: "SIGKILL", 11: "SIGSEGV", 15: "SIGTERM", 24: "SIGXCPU, the CPU-time limit"][s] ?? "signal \(s)"
    }

    /// A worker crash in one line: the signal, and the runtime's own reason when its stderr has
    /// one (`Fatal error: …`, `terminate called …`, `what(): …`), never a register dump.
    static func crashMessage(signal s: Int32, stderr: Data) -> String {
        let lines = String(decoding: stderr, as: UTF8.self).split(whereSeparator: \.isNewline)
        let markers = ["Fatal error", "fatal error", "terminate called", "what():", "Assertion", "error: "]
        let why = lines.first { l in markers.contains { l.contains($0) } }.map { String($0.trimmingCharacters(in: .whitespaces).prefix(200)) }
        return "the worker crashed with signal \(s) (\(signalName(s)))" + (why.map { ": " + MessageText.oneLine($0) } ?? "") + "."
    }

    final class Counter: @unchecked Sendable {
        let lock = NSLock(); var value = 0
        func take() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value - 1 }
    }

    /// Runs `body(0..<count)` on `jobs` threads, each taking the next index until `stop()` is
    /// true; returns when all are done.
    static func parallelForEach(count: Int, jobs: Int, stop: @escaping () -> Bool = { false }, _ body: @escaping (Int) -> Void) {
        guard count > 0 else { return }
        let next = Counter()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            let t = Thread {
                while !stop() {
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
