import ArgumentParser
import Archive
import Foundation
import Logging
import OpsReport
import PDFLayout

/// `opsreport batch DIR`: converts every PDF under DIR in isolated worker processes, stores the
/// results in SQLite, computes cross-report findings and optionally exports CSV.
///
/// Exit status: 0 every file converted (now or in an earlier run), 3 some files failed,
/// 4 none converted or the batch could not run (missing or empty folder, database error),
/// 130 interrupted by SIGINT/SIGTERM (the summary so far is printed; run again to resume).
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert every report PDF under a folder into JSON and an SQLite database.",
        discussion: """
            Each PDF is parsed by a separate worker process (this program's `extract`) with a time limit, so a \
            crash or hang costs that file only. Files already recorded with the same SHA-256 and tool version are \
            skipped, wherever they are now (a moved folder is not converted again); files that crashed, timed out \
            or gave no valid output are tried again on the next run. A run that was interrupted (Ctrl-C) or killed \
            can simply be started again. Exit status: 0 all converted, 3 some failed, 4 none converted or fatal \
            error, 130 interrupted.
            """)

    @Argument(help: "The folder holding the reports (searched recursively).", completion: FileCompletions.directory) var directory: String
    @Option(name: .shortAndLong, help: "Folder for the per-report JSON files.", completion: FileCompletions.directory) var out: String = "opsreport-out"
    @Option(help: "SQLite database file (default: OUT/opsreport.sqlite).", completion: FileCompletions.database) var db: String?
    @Option(name: .shortAndLong, help: "Worker processes run at once.") var jobs: Int = min(2, ProcessInfo.processInfo.activeProcessorCount)
    @Flag(help: "Convert again files already recorded for this tool version.") var force = false
    @Flag(help: "Convert again files recorded as failed for a lasting reason (damaged, not_a_report, …); crashes and timeouts are retried anyway.") var retryFailed = false
    @Option(help: "Seconds a worker may spend on one file before it is killed, plus the CPU allowance of each page it reads by OCR (10 s).") var timeout: Double = 120
    @Option(help: "Write tidy CSVs and datapackage.json into this folder.", completion: FileCompletions.directory) var csv: String?
    @Flag(help: "Start each CSV with a UTF-8 byte order mark, so that Excel reads non-ASCII text right.") var csvBom = false
    @Option(help: "Password passed to every worker, for encrypted PDFs.") var password: String?
    @Option(help: "Memory (address-space) limit of each worker: 1G, 512M, bytes; 0 for none.") var memoryLimit: String = "1G"
    @Option(help: "CPU-time limit of each worker in seconds, plus 10 s for each page read by OCR; 0 for none.") var cpuLimit: UInt64 = ResourceLimits.defaultCPUSeconds
    @Flag(help: "Read PDFs that are symbolic links to files outside the folder, and descend linked folders.") var followSymlinks = false
    @Option(help: ArgumentHelp("Worker executable (testing).", visibility: .hidden)) var worker: String?
    @OptionGroup(title: "Logging") var logging: LoggingOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard ResourceLimits.parseSize(memoryLimit) != nil else { throw ValidationError("--memory-limit: give a size such as 1G, 512M or a number of bytes (0: no limit).") }
    }

    func run() throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), !isDir.boolValue {
            CLIOutput.error("\(MessageText.quoted(directory)): is a file, not a folder. Give the folder that holds the report PDFs; to convert one file, use `opsreport extract \(directory)`.")
            throw ExitCode(4)
        }
        let logger = logging.logger(label: "opsreport.batch")
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
        config.maxTimeoutExtension = TimeInterval(ResourceLimits.maxAllowanceSeconds)
        config.csvDirectory = csv
        config.csvBOM = csvBom
        config.password = password
        config.memoryLimit = ResourceLimits.parseSize(memoryLimit) ?? ResourceLimits.defaultMemoryBytes
        config.cpuLimit = cpuLimit
        config.followSymlinks = followSymlinks
        // --quiet: no bar, only the failures (warnings) and the summary; --log-format json: log
        // lines only (a bar would break the one-object-per-line stream).
        let progress = logging.quiet || logging.logFormat == .json ? LogProgress(logger: logger) : makeBatchProgress(logger: logger)
        logger.debug("batch settings", metadata: ["input": "\(directory)", "out": "\(out)", "db": "\(config.databasePath)", "jobs": "\(jobs)",
                                                  "timeout": "\(timeout)", "memory_limit": "\(config.memoryLimit)", "cpu_limit": "\(cpuLimit)", "worker": "\(exe)"])
        let runner = BatchRunner(configuration: config, progress: progress)
        // Ctrl-C / SIGTERM: stop starting files, kill the workers, print the summary so far (exit
        // 130); a second signal ends the process at once.
        let signals = InterruptSignals { sig in
            FileHandle.standardError.write(Data("\n\(sig == SIGTERM ? "SIGTERM" : "interrupted"): stopping the workers; a second Ctrl-C quits at once\n".utf8))
            runner.interrupt()
        }
        defer { withExtendedLifetime(signals) {} }
        let summary: BatchSummary
        do { summary = try runner.run() } catch {
            logger.error("batch stopped: \(error)")
            throw ExitCode(4)
        }
        print(summary.render(), terminator: "")
        print("Database: \(MessageText.quoted(config.databasePath))\nJSON: \(MessageText.quoted(config.outputDirectory))" + (csv.map { "\nCSV: \(MessageText.quoted($0))" } ?? ""))
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }
}

enum ChildProcessExecutable {
    static var current: String? { ChildProcess.currentExecutable() }
}
