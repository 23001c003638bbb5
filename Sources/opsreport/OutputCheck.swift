import Foundation
import OpsReport
import PDFLayout

/// Last checks before `extract` (or `reconcile -o`) writes a report.
enum OutputCheck {
    /// Exit status when the report breaks a schema invariant (an internal error: `EX_SOFTWARE`).
    static let invalidStatus: Int32 = 70
    /// Exit status when the output's disk (or quota) is full (`EX_IOERR`): a transient failure.
    static let diskFullStatus: Int32 = 74

    /// `invalidStatus` after an error message listing the broken invariants when `report` is not
    /// schema-valid (`ReportValidation`); `nil` when it is valid.
    static func refuseInvalid(_ report: Report, file: String) -> Int32? {
        let v = ReportValidation.violations(report, limit: 5)
        guard !v.isEmpty else { return nil }
        CLIOutput.error("\(MessageText.quoted(file)): internal error: the report read from it would not be schema-valid (\(v.map(\.description).joined(separator: "; "))); nothing was written. Please report this with the file.")
        return invalidStatus
    }

    /// `diskFullStatus` after an error message when `error` is a full disk or quota; else `nil`.
    /// A pipe whose reader has gone (`-o /dev/stdout | head -c1`) ends the process at once,
    /// quietly, with `StandardOutput.brokenPipeStatus`.
    static func diskFull(_ error: Error, _ destination: String) -> Int32? {
        if (error as? AtomicFileError)?.code == EPIPE { exit(StandardOutput.brokenPipeStatus) }
        guard let e = error as? AtomicFileError, e.isDiskFull else { return nil }
        CLIOutput.error("\(MessageText.quoted(destination)): the disk is full (\(e.reason)); nothing was written. Free some space and run again.")
        return diskFullStatus
    }
}
