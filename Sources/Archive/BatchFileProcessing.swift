import Foundation
import OpsReport
import PDFLayout
#if canImport(Glibc)
import Glibc
#endif

extension BatchRunner {
    /// Converts, skips, moves or re-imports one file. Returns `nil` when the run was interrupted
    /// before the file was finished (it is then left unrecorded). Throws only on database errors
    /// and when the output folder cannot be written.
    /// - Parameter known: the hash with the file's settled identity, passed to the worker.
    func process(_ file: String, sha: String?, known: KnownHash? = nil, hashError: PDFLayoutError? = nil, store: ArchiveStore) throws -> FileOutcome? {
        let c = configuration
        let name = FileDiscovery.relativeName(of: file, under: c.inputDirectory)
        let jsonPath = jsonPaths[file] ?? FileDiscovery.jsonPath(forName: name, in: c.outputDirectory)
        guard let sha else {
            let reason: FailureReason = hashError?.kind == "changed_during_read" ? .changedDuringRead : .unreadable
            var outcome = FileOutcome(name: name, file: file, status: .failed, reason: reason)
            outcome.message = (hashError?.message ?? "\(MessageText.quoted(file)): cannot read the file to compute its SHA-256.") + " It is tried again on the next run."
            try store.recordFailure(file: file, name: name, sha256: "", toolVersion: c.toolVersion, reason: reason, message: outcome.message!)
            return outcome
        }
        if !c.force, let o = try reuse(file, name: name, jsonPath: jsonPath, sha: sha, store: store) { return o }
        if isInterrupted { return nil }
        return try convert(file, name: name, jsonPath: jsonPath, sha: sha, known: known, store: store)
    }

    /// The outcome of `rec` (recorded for these bytes and tool version) when it needs no new
    /// conversion: converted with its JSON in place, or failed for a lasting reason (unless
    /// `--retry-failed`). A transient failure (`FailureReason.isTransient`) is tried again.
    func recordedOutcome(_ rec: FileRecord, name: String, file: String) -> FileOutcome? {
        if rec.status == "converted", let p = rec.jsonPath, FileManager.default.fileExists(atPath: p) {
            return FileOutcome(name: name, file: file, status: .skipped, period: rec.period)
        }
        if rec.status == "failed" {
            let reason = rec.reason.flatMap(FailureReason.init(rawValue:)) ?? .failed
            if !configuration.retryFailed && !reason.isTransient && !WorkerLimits(configuration).exceed(recordedIn: rec.message, reason: reason) {
                return FileOutcome(name: name, file: file, status: .skipped, reason: reason, message: rec.message)
            }
        }
        return nil
    }

    /// The outcome without converting, when there is one: the file's own record (see
    /// `recordedOutcome`), the JSON of an interrupted run, or the same bytes recorded under
    /// another path. A record whose path no longer exists is moved to this file (a renamed or
    /// moved folder); one whose path still exists makes this file its `duplicate`.
    func reuse(_ file: String, name: String, jsonPath: String, sha: String, store: ArchiveStore) throws -> FileOutcome? {
        let c = configuration
        let fm = FileManager.default
        let t0 = Date()
        if var rec = try store.record(forFile: file), rec.sha256 == sha, rec.toolVersion == c.toolVersion {
            // The JSON's name changed (another file's name now collides with this one, or no
            // longer does): the JSON moves with its record; no other file is given the old name.
            if rec.status == "converted", rec.jsonPath != nil, rec.jsonPath != jsonPath {
                let json = try moveJSON(of: rec, to: jsonPath)
                try store.relocate(from: file, to: file, name: name, jsonPath: json)
                rec.jsonPath = json
            }
            if rec.jsonPath == jsonPath || rec.status != "converted", let o = recordedOutcome(rec, name: name, file: file) { return o }
        }
        if let p = try store.pending(forFile: file), p.sha256 == sha, p.toolVersion == c.toolVersion,
           let data = fm.contents(atPath: p.jsonPath), let report = try? StoredReportDecoding.decode(data) {
            try store.importReport(report, file: file, name: name, sha256: sha, toolVersion: c.toolVersion, jsonPath: p.jsonPath)
            return FileOutcome(name: name, file: file, status: .reimported, period: report.period, findings: report.findings.count,
                               seconds: Date().timeIntervalSince(t0))
        }
        for other in try store.records(sha256: sha, toolVersion: c.toolVersion, excludingFile: file) {
            if !fm.fileExists(atPath: other.file) {
                let json = try moveJSON(of: other, to: jsonPath)
                try store.relocate(from: other.file, to: file, name: name, jsonPath: json)
                var moved = other
                moved.file = file; moved.name = name; moved.jsonPath = json
                guard var o = recordedOutcome(moved, name: name, file: file) else { return nil }
                o.status = .moved
                if !o.isFailure { o.message = "recorded earlier as \(other.file), which no longer exists; record moved here" }
                return o
            }
            let reason = other.reason.flatMap(FailureReason.init(rawValue:)) ?? .failed
            if other.status == "converted" || (other.status == "failed" && !c.retryFailed && !reason.isTransient) {
                try store.recordDuplicate(file: file, name: name, sha256: sha, toolVersion: c.toolVersion, originalFile: other.file)
                let failed = other.status == "failed"
                return FileOutcome(name: name, file: file, status: .duplicate, reason: failed ? reason : nil,
                                   message: "same bytes as \(other.file)" + (failed ? ", which failed: \(other.message ?? "")" : ""),
                                   period: other.period)
            }
        }
        return nil
    }

    /// Renames the JSON of a moved record to `jsonPath` when that differs; returns the JSON path to
    /// record (the old one when it is missing or cannot be moved: the file is then converted again).
    func moveJSON(of rec: FileRecord, to jsonPath: String) throws -> String? {
        guard let old = rec.jsonPath, old != jsonPath, FileManager.default.fileExists(atPath: old) else { return rec.jsonPath }
        try? FileManager.default.createDirectory(atPath: URL(fileURLWithPath: jsonPath).deletingLastPathComponent().path,
                                                 withIntermediateDirectories: true)
        return rename(old, jsonPath) == 0 ? jsonPath : old
    }

    /// Runs a worker on the file and stores its report or its failure; `nil` when the run was
    /// interrupted while the worker ran (the worker is killed, the conversion left unrecorded).
    func convert(_ file: String, name: String, jsonPath: String, sha: String, known: KnownHash? = nil, store: ArchiveStore) throws -> FileOutcome? {
        let c = configuration
        let fm = FileManager.default
        let t0 = Date()
        var outcome = FileOutcome(name: name, file: file, status: .failed)
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
            result = try ChildProcess.run(executable: c.executable, arguments: c.workerArguments(pdf: file, output: tmp, knownHash: known),
                                          timeout: c.timeout, maxExtension: c.maxTimeoutExtension, group: children)
        } catch {
            return try fail(.launchFailed, "cannot start the worker \(c.executable): \(error). It is tried again on the next run.")
        }
        if isInterrupted && result.termination != .exited(0) {
            try store.abandonConversion(file: file)
            return nil
        }
        let stderrText = Self.tail(result.stderr)
        let again = "It is tried again on the next run."
        let limits = WorkerLimits(c)
        switch result.termination {
        case .timedOut:
            let allowed = result.extendedSeconds > 0 ? " (\(Self.seconds(c.timeout)) + \(Self.seconds(result.extendedSeconds)) for the pages it announced to read by OCR)" : ""
            return try fail(.timedOut, "no result within \(Self.seconds(c.timeout + result.extendedSeconds))\(allowed); the worker was killed. " + limits.timeoutNote)
        case .signaled(let s) where s == SIGKILL || s == SIGXCPU:
            // Not sent by the batch (a timeout or an interruption is handled above): the kernel's
            // CPU-time hard limit, or the out-of-memory killer.
            return try fail(.resourceLimit, "the worker was killed by \(Self.signalName(s)) without a timeout or interruption: the CPU-time or memory limit was reached. " + limits.note, signal: s)
        case .signaled(let s):
            return try fail(.crashed, Self.crashMessage(signal: s, stderr: result.stderr) + " \(again)", signal: s)
        case .exited(let code) where code != 0:
            let reason = FailureReason.fromExitStatus(code) ?? .failed
            let text = stderrText.isEmpty ? "the worker exited with status \(code)" : stderrText
            return try fail(reason, reason == .resourceLimit ? text + " " + limits.note : text, exit: code)
        case .exited:
            break
        }
        // Output this build cannot store says nothing about the next build: tried again by a new
        // build (records are per tool version) or with --retry-failed.
        let rebuilt = "It is tried again by a new build of the tool, or with --retry-failed."
        guard let data = fm.contents(atPath: tmp) else {
            return try fail(.invalidOutput, "the worker exited 0 but wrote no JSON" + (stderrText.isEmpty ? "" : ": \(stderrText)") + ". \(rebuilt)", exit: 0)
        }
        let report: Report
        do { report = try StoredReportDecoding.decode(data) } catch {
            return try fail(.invalidOutput, "the worker's output is not a report JSON: \(error). \(rebuilt)", exit: 0)
        }
        let violations = ReportValidation.violations(report, limit: 5)
        guard violations.isEmpty else {
            return try fail(.invalidOutput, "the worker's output is not schema-valid (\(violations.map(\.description).joined(separator: "; "))); not stored. \(rebuilt)", exit: 0)
        }
        // The worker hashes the very bytes it parsed, or (given `known`) checks that the file still
        // has the settled identity it had when it was hashed: another hash means the file changed
        // between hashing and parsing, and its data must not be stored against this hash.
        guard report.source.sha256 == sha else {
            return try fail(.changedDuringRead, "the file changed between hashing and parsing (SHA-256 \(sha.prefix(12))… then \(report.source.sha256.prefix(12))…); nothing stored. \(again)", exit: 0)
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

    /// A duration as given: `120 s`, `0.01 s`, `2.5 s`.
    static func seconds(_ t: TimeInterval) -> String { String(format: "%g s", t) }
}
