import OpsReport

/// Why a file was not converted, as recorded in `reports.reason` and printed in the summary.
///
/// The first nine mirror `ExtractionError.kind` and are read from the child's exit status
/// (`ExtractionError.exitCode`, 10…18); the others come from how the child ended.
public enum FailureReason: String, Sendable, CaseIterable, Codable {
    case unreadable, empty
    case notPDF = "not_pdf"
    case damaged
    case passwordRequired = "password_required"
    case wrongPassword = "wrong_password"
    case noTextLayer = "no_text_layer"
    case blank
    case notAReport = "not_a_report"
    /// The child was ended by a signal (segfault, abort, trap).
    case crashed
    /// The child ran past `--timeout` and was killed. Retried by a run with a larger `--timeout`.
    case timedOut = "timed_out"
    /// The child's output was missing, not a report JSON or not schema-valid (exit 0), or it
    /// refused its own output (exit 70). Retried by a new build of the tool.
    case invalidOutput = "invalid_output"
    /// The child exited with a status the tool does not document (e.g. 1, 19).
    case failed
    /// The child could not be started at all.
    case launchFailed = "launch_failed"
    /// The worker reached its memory or CPU-time limit (exit status 20, SIGXCPU, or a SIGKILL the
    /// batch did not send). Retried by a run with a larger limit, or with `--retry-failed`.
    case resourceLimit = "resource_limit"
    /// The file changed while it was hashed or read (exit status 19, or the parsed bytes' hash
    /// differs from the one taken when the batch started): retried on the next run.
    case changedDuringRead = "changed_during_read"
    /// The worker's output disk is full (exit status 74): retried on the next run.
    case diskFull = "disk_full"
    /// The worker could not write its output into the staging folder (exit status 73).
    case outputFailed = "output_failed"
    /// Not read: a symbolic link pointing outside the folder (see `--follow-symlinks`).
    case symlinkOutside = "symlink_outside"
    /// Not read: a FIFO, device or socket named like a PDF.
    case notRegular = "not_regular"
    /// Not read: a file or folder name that is not valid UTF-8.
    case badName = "bad_name"

    /// Reasons of entries a batch does not read at all (listed, never recorded in the database).
    public var isExclusion: Bool { self == .symlinkOutside || self == .notRegular || self == .badName }

    /// `true` for a failure that says nothing lasting about the file, so that the next run tries
    /// it again without `--retry-failed`: the worker crashed or could not be started, its output
    /// could not be written, or the file could not be read or changed while read. `timed_out`
    /// and `resource_limit` are retried by a run with a larger limit (`WorkerLimits`);
    /// `invalid_output` (this build wrote a report it cannot store) by a new build, since records
    /// are per tool version. The other reasons (`damaged`, `not_pdf`, `password_required`, …, and
    /// `failed`, an undocumented exit status of this tool version) come from the file's bytes and
    /// stay skipped until `--retry-failed` or `--force`.
    public var isTransient: Bool {
        switch self {
        case .crashed, .launchFailed, .unreadable, .changedDuringRead, .diskFull, .outputFailed: return true
        default: return false
        }
    }

    /// The reason for a child's exit status; `nil` for 0 (success).
    public static func fromExitStatus(_ status: Int32) -> FailureReason? {
        switch status {
        case 0: return nil
        case 10: return .unreadable
        case 11: return .empty
        case 12: return .notPDF
        case 13: return .damaged
        case 14: return .passwordRequired
        case 15: return .wrongPassword
        case 16: return .noTextLayer
        case 17: return .blank
        case 18: return .notAReport
        case 19: return .changedDuringRead
        case 20: return .resourceLimit
        case 70: return .invalidOutput
        case 73: return .outputFailed
        case 74: return .diskFull
        default: return .failed
        }
    }
}
