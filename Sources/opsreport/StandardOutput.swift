import ArgumentParser
import Foundation
import OpsReport
#if canImport(Glibc)
import Glibc
#endif

/// Writing to standard output and standard error with plain `write(2)` calls, so that a reader
/// that goes away (`opsreport extract a.pdf | head -c1`) ends the process quietly with
/// `brokenPipeStatus` instead of a trap: SIGPIPE is ignored (`ignoreBrokenPipeSignal()`, at
/// start-up) and `EPIPE` is handled here.
enum StandardOutput {
    /// Exit status when standard output is a pipe whose reader has gone (`EPIPE`): 141, what a
    /// shell reports for a process ended by SIGPIPE (128 + 13), so pipelines behave as usual.
    static let brokenPipeStatus: Int32 = 141

    /// Ignores SIGPIPE, so that writing to a closed pipe fails with `EPIPE` (handled by
    /// `write(_:)`) instead of killing the process before it can clean up.
    static func ignoreBrokenPipeSignal() { signal(SIGPIPE, SIG_IGN) }

    /// Why standard output could not be written (not a closed pipe: that exits at once).
    struct WriteError: Error, LocalizedError {
        /// `errno` of the failed `write(2)`.
        var code: Int32
        var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }
        var reason: String { String(cString: strerror(code)) }
        var errorDescription: String? { "standard output cannot be written: \(reason)" }
    }

    /// Writes `data` to standard output. A closed pipe exits the process at once, quietly, with
    /// `brokenPipeStatus`.
    /// - Throws: `WriteError` for any other failure (e.g. a full disk behind `> file`).
    static func write(_ data: Data) throws {
        let ok = data.withUnsafeBytes { AtomicFile.writeAll($0, to: 1) }
        if ok { return }
        let e = errno
        if e == EPIPE { exit(brokenPipeStatus) }
        throw WriteError(code: e)
    }

    /// `write(_:)` for a command's main output: a failure other than a closed pipe is reported
    /// (naming standard output and what to do) and becomes exit status 74 (disk full) or 73.
    /// - Throws: `ExitCode` with that status.
    static func writeOrExit(_ data: Data) throws {
        do { try write(data) } catch let e as WriteError {
            CLIOutput.error("standard output cannot be written (\(e.reason)); the output is incomplete. \(e.isDiskFull ? "Free some space and run again." : "Redirect it to a writable file.")")
            throw ExitCode(e.isDiskFull ? OutputCheck.diskFullStatus : 73)
        }
    }

    /// Writes `text` to standard error, ignoring failures (a closed standard error must not stop
    /// the command).
    static func standardError(_ text: String) {
        let data = Data(text.utf8)
        _ = data.withUnsafeBytes { AtomicFile.writeAll($0, to: 2) }
    }
}
