import Foundation
import OpsReport

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
        /// Not converted: see `reason` and `message`.
        case failed
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

    /// `true` when the file ends the run without a converted report.
    public var isFailure: Bool { reason != nil }
}

/// The result of a batch run: per-file outcomes and the archive's findings.
public struct BatchSummary: Sendable {
    /// One per PDF found, sorted by name.
    public var outcomes: [FileOutcome]
    /// Findings in the whole database by severity (within-report and cross-report).
    public var findingsBySeverity: [Finding.Severity: Int]
    /// Cross-report findings computed at the end of the run.
    public var archiveFindings: [Finding]
    /// Files whose rows were dropped because they no longer exist under the folder.
    public var forgotten: [String] = []
    public var elapsed: TimeInterval
    public var jobs: Int

    public func count(_ s: FileOutcome.Status) -> Int { outcomes.filter { $0.status == s }.count }

    /// 0 when every file ends converted (now or earlier), 3 when some file is failed (now or as
    /// recorded earlier) but at least one is converted, 4 when none is converted (or no PDF found).
    public var exitStatus: Int32 {
        let failed = outcomes.contains { $0.isFailure }
        let converted = outcomes.contains { !$0.isFailure }
        if !converted { return 4 }
        return failed ? 3 : 0
    }

    /// The end-of-run report printed by `opsreport batch`.
    public func render() -> String {
        var s = "Batch: \(outcomes.count) PDF(s) in \(String(format: "%.1f", elapsed)) s with \(jobs) job(s)\n"
        let skippedFailed = outcomes.filter { $0.status == .skipped && $0.isFailure }.count
        s += "  converted   \(count(.converted))\n"
        if count(.reimported) > 0 { s += "  reimported  \(count(.reimported))  (JSON of an interrupted run)\n" }
        s += "  skipped     \(count(.skipped))  (already recorded for tool \(ToolVersion.current)\(skippedFailed > 0 ? ", \(skippedFailed) of them as failed" : ""))\n"
        if count(.duplicate) > 0 { s += "  duplicate   \(count(.duplicate))  (same bytes as another file)\n" }
        let failures = outcomes.filter(\.isFailure)
        s += "  failed      \(failures.count)\n"
        let byReason = Dictionary(grouping: failures) { $0.reason!.rawValue }
        for reason in byReason.keys.sorted() {
            s += "    \(reason) (\(byReason[reason]!.count))\n"
            for o in byReason[reason]! { s += "      \(o.name)\(o.status == .skipped ? " [recorded earlier]" : ""): \(o.message ?? "")\n" }
        }
        let sev = Finding.Severity.allCases.reversed().map { "\($0.rawValue) \(findingsBySeverity[$0] ?? 0)" }.joined(separator: ", ")
        s += "Findings: \(sev)\n"
        let codes = Dictionary(grouping: archiveFindings, by: \.code).map { "\($0.key) \($0.value.count)" }.sorted()
        s += "  across reports: \(codes.isEmpty ? "none" : codes.joined(separator: ", "))\n"
        for f in archiveFindings.prefix(20) { s += "    \(f.code): \(f.message)\n" }
        if archiveFindings.count > 20 { s += "    … \(archiveFindings.count - 20) more in the findings table\n" }
        if !forgotten.isEmpty { s += "Removed from the database (file gone): \(forgotten.joined(separator: ", "))\n" }
        return s
    }
}
