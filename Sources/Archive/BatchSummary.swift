import Foundation
import OpsReport
import PDFLayout

/// What happened to one file in a batch run.
public struct FileOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Parsed now by a worker.
        case converted
        /// Its JSON from an interrupted run was imported without parsing again.
        case reimported
        /// Already recorded with the same SHA-256 and tool version (converted, or failed: see `reason`).
        case skipped
        /// Same bytes as another file of the archive; not parsed twice.
        case duplicate
        /// Recorded under a path that no longer exists (a renamed or moved folder): the record
        /// was moved to this path without converting again.
        case moved
        /// Not converted: see `reason` and `message`.
        case failed
        /// Named like a PDF but not read (a link outside the folder, a FIFO or device, a name
        /// that is not UTF-8): see `reason` (`FailureReason.isExclusion`); never recorded.
        case excluded
    }
    /// Path relative to the batch folder.
    public var name: String
    /// Absolute path.
    public var file: String
    public var status: Status
    /// For `failed`, and for a `skipped` file whose recorded result is a failure.
    public var reason: FailureReason?
    public var message: String?
    public var period: String?
    /// Within-report findings of the converted report.
    public var findings: Int = 0
    /// Wall-clock seconds spent on the file in this run.
    public var seconds: Double = 0

    /// `true` when the file ends the run without a converted report (an excluded entry is not
    /// a failure: it was not read on purpose).
    public var isFailure: Bool { reason != nil && status != .excluded }
}

/// The result of a batch run: per-file outcomes and the archive's findings.
///
/// Every PDF found ends in exactly one of three categories, so that they add up to `total`:
/// converted (now, or re-imported from an interrupted run), skipped (already recorded, same
/// bytes as another file, or moved) and failed (in this run); an interrupted run adds the files
/// it did not get to.
public struct BatchSummary: Sendable {
    /// One per file finished, sorted by name (every PDF found, unless the run was interrupted).
    public var outcomes: [FileOutcome]
    /// Findings in the whole database by severity (within-report and cross-report).
    public var findingsBySeverity: [Finding.Severity: Int]
    /// Cross-report findings computed at the end of the run (none when interrupted).
    public var archiveFindings: [Finding]
    /// Files whose rows were dropped because they no longer exist under the folder.
    public var forgotten: [String] = []
    public var elapsed: TimeInterval
    public var jobs: Int
    /// PDFs found under the folder.
    public var total: Int
    /// The run was stopped by SIGINT/SIGTERM; `total - outcomes.count` files were not processed.
    public var interrupted = false
    /// Display names (path relative to the batch folder) of recorded files, by absolute path: how
    /// the cross-report findings' `report` is printed.
    public var reportNames: [String: String] = [:]
    /// The tool version files are recorded for.
    public var toolVersion = ToolVersion.current
    /// Files whose bytes this run read to hash them; the others were known by the identity
    /// recorded when they were last hashed (see `FileIdentity`), or could not be read.
    public var hashedCount = 0
    /// Whether the cross-report pass ran.
    public var crossChecks = CrossChecks.notRun
    /// Memory and CPU time used by the run (`nil` for a summary not made by `BatchRunner`).
    public var resources: BatchResources?

    /// What the cross-report pass did in a run.
    public enum CrossChecks: String, Sendable {
        /// Computed from the converted reports (some changed since the last pass).
        case computed
        /// The converted reports are those of the last pass: its findings were kept, no report read.
        case kept
        /// Not run (the run was interrupted).
        case notRun
    }

    /// A summary of `outcomes` when every PDF found was processed.
    public init(outcomes: [FileOutcome], findingsBySeverity: [Finding.Severity: Int], archiveFindings: [Finding],
                forgotten: [String] = [], elapsed: TimeInterval, jobs: Int, total: Int? = nil) {
        self.outcomes = outcomes; self.findingsBySeverity = findingsBySeverity; self.archiveFindings = archiveFindings
        self.forgotten = forgotten; self.elapsed = elapsed; self.jobs = jobs; self.total = total ?? outcomes.count
    }

    public func count(_ s: FileOutcome.Status) -> Int { outcomes.filter { $0.status == s }.count }

    /// Converted in this run (including re-imported JSON of an interrupted run).
    public var convertedCount: Int { count(.converted) + count(.reimported) }
    /// Not converted because already recorded, same bytes as another file, or moved.
    public var skippedCount: Int { count(.skipped) + count(.duplicate) + count(.moved) + count(.excluded) }
    /// Of the skipped: those whose recorded result is a failure (or a copy of a failed file).
    public var skippedFailureCount: Int { outcomes.filter { $0.status != .failed && $0.isFailure }.count }
    /// Failed in this run.
    public var failedCount: Int { count(.failed) }
    /// Found but not processed because the run was interrupted.
    public var notProcessedCount: Int { total - outcomes.count }

    /// 130 when interrupted; otherwise 0 when every file ends converted (now or earlier), 3 when
    /// some file is failed (now or as recorded earlier) but at least one is converted, 4 when none
    /// is converted.
    public var exitStatus: Int32 {
        if interrupted { return 130 }
        let failed = outcomes.contains { $0.isFailure }
        let converted = outcomes.contains { !$0.isFailure && $0.status != .excluded }
        if !converted { return 4 }
        return failed ? 3 : 0
    }

    /// The end-of-run report printed by `opsreport batch`.
    public func render() -> String {
        let head = "converted \(convertedCount), skipped \(skippedCount)"
            + (skippedFailureCount > 0 ? " (\(skippedFailureCount) of them recorded failures)" : "") + ", failed \(failedCount)"
            + (interrupted ? ", not processed \(notProcessedCount)" : "")
        var s = "Batch\(interrupted ? " interrupted" : ""): \(total) PDF(s) in \(String(format: "%.1f", elapsed)) s with \(jobs) job(s): \(head)\n"
        let reimported = count(.reimported)
        s += "  converted   \(convertedCount)\(reimported > 0 ? "  (\(reimported) of them reimported from the JSON of an interrupted run)" : "")\n"
        var parts: [String] = []
        let plain = count(.skipped) - outcomes.filter { $0.status == .skipped && $0.isFailure }.count
        if plain > 0 { parts.append("\(plain) already converted with tool \(toolVersion)") }
        let recorded = outcomes.filter { $0.status == .skipped && $0.isFailure }.count
        if recorded > 0 { parts.append("\(recorded) recorded failure(s)") }
        if count(.duplicate) > 0 { parts.append("\(count(.duplicate)) same bytes as another file") }
        if count(.moved) > 0 { parts.append("\(count(.moved)) moved or renamed, record updated") }
        if count(.excluded) > 0 { parts.append("\(count(.excluded)) not read: not a regular file in the folder") }
        s += "  skipped     \(skippedCount)\(parts.isEmpty ? "" : "  (" + parts.joined(separator: ", ") + ")")\n"
        let notRead = outcomes.filter { $0.status == .excluded }
        if !notRead.isEmpty { s += "  not read (listed, not recorded)\n" + Self.byReason(notRead) }
        s += "  failed      \(failedCount)\n"
        s += Self.byReason(outcomes.filter { $0.status == .failed })
        let earlier = outcomes.filter { $0.status == .skipped && $0.isFailure }
        if !earlier.isEmpty {
            s += "  recorded failures, skipped (use --retry-failed to try them again)\n" + Self.byReason(earlier)
        }
        if interrupted {
            s += "  not processed \(notProcessedCount)  (interrupted; run the same command again to resume)\n"
            return s
        }
        let sev = Finding.Severity.allCases.reversed().map { "\($0.rawValue) \(findingsBySeverity[$0] ?? 0)" }.joined(separator: ", ")
        s += "Findings: \(sev)\n"
        let codes = Dictionary(grouping: archiveFindings, by: \.code).map { "\($0.key) \($0.value.count)" }.sorted()
        s += "  across reports: \(codes.isEmpty ? "none" : codes.joined(separator: ", "))\n"
        for f in archiveFindings.prefix(20) {
            let which = f.report.map { " [\(reportNames[$0] ?? $0)]" } ?? ""
            s += "    \(f.code)\(which): \(f.message)\n"
        }
        if archiveFindings.count > 20 { s += "    … \(archiveFindings.count - 20) more in the findings table\n" }
        if !forgotten.isEmpty { s += "Removed from the database (file gone): \(forgotten.joined(separator: ", "))\n" }
        return s
    }

    /// Failures grouped by reason: `    damaged (2)` then one line per file.
    static func byReason(_ failures: [FileOutcome]) -> String {
        var s = ""
        let byReason = Dictionary(grouping: failures) { $0.reason?.rawValue ?? "failed" }
        for reason in byReason.keys.sorted() {
            s += "    \(reason) (\(byReason[reason]!.count))\n"
            for o in byReason[reason]! { s += "      \(MessageText.oneLine(o.name)): \(MessageText.oneLine(o.message ?? ""))\n" }
        }
        return s
    }
}
