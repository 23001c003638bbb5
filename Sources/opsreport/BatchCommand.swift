import ArgumentParser
import Archive
import Foundation
import Logging
import OpsReport

/// `opsreport batch DIR`: converts every PDF under DIR in isolated worker processes, stores the
/// results in SQLite, computes cross-report findings and optionally exports CSV.
///
/// Exit status: 0 every file converted (now or in an earlier run), 3 some files failed,
/// 4 none converted or the batch could not run (missing folder, database error).
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert every report PDF under a folder into JSON and an SQLite database.",
        discussion: """
            Each PDF is parsed by a separate worker process (this program's `extract`) with a time limit, so a \
            crash or hang costs that file only. Files already recorded with the same SHA-256 and tool version are \
            skipped; a run that was killed can simply be started again. Exit status: 0 all converted, 3 some \
            failed, 4 none converted or fatal error.
            """)

    @Argument(help: "The folder holding the reports (searched recursively).") var directory: String
    @Option(name: .shortAndLong, help: "Folder for the per-report JSON files.") var out: String = "opsreport-out"
    @Option(help: "SQLite database file (default: OUT/opsreport.sqlite).") var db: String?
    @Option(name: .shortAndLong, help: "Worker processes run at once.") var jobs: Int = min(2, ProcessInfo.processInfo.activeProcessorCount)
    @Flag(help: "Convert again files already recorded for this tool version.") var force = false
    @Flag(help: "Convert again files recorded as failed.") var retryFailed = false
    @Option(help: "Seconds a worker may spend on one file before it is killed.") var timeout: Double = 120
    @Option(help: "Write tidy CSVs and datapackage.json into this folder.") var csv: String?
    @Option(help: "Password passed to every worker, for encrypted PDFs.") var password: String?
    @Option(help: ArgumentHelp("Worker executable (testing).", visibility: .hidden)) var worker: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() throws {
        let logger = Logger(label: "opsreport.batch") { StreamLogHandler.standardError(label: $0) }
        guard let exe = worker ?? ChildProcessExecutable.current else {
            logger.error("cannot find this program's executable to start workers")
            throw ExitCode(4)
        }
        var config = BatchConfiguration(inputDirectory: directory, outputDirectory: out,
                                        databasePath: db ?? (out as NSString).appendingPathComponent("opsreport.sqlite"),
                                        executable: exe)
        config.jobs = jobs
        config.force = force
        config.retryFailed = retryFailed
        config.timeout = timeout
        config.csvDirectory = csv
        config.password = password
        let runner = BatchRunner(configuration: config, progress: makeBatchProgress(logger: logger))
        let summary: BatchSummary
        do { summary = try runner.run() } catch {
            logger.error("batch stopped: \(error)")
            throw ExitCode(4)
        }
        print(summary.render(), terminator: "")
        print("Database: \(config.databasePath)\nJSON: \(config.outputDirectory)" + (csv.map { "\nCSV: \($0)" } ?? ""))
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }
}

enum ChildProcessExecutable {
    static var current: String? { ChildProcess.currentExecutable() }
}
