import Foundation
import PDFLayout

/// Messages to standard error, one line each: control characters in the message (e.g. from a
/// file name) are escaped (`MessageText.oneLine`), so no name can forge a line.
enum CLIOutput {
    static func error(_ message: String) { StandardOutput.standardError("error: \(MessageText.oneLine(message))\n") }
    static func warning(_ message: String) { StandardOutput.standardError("warning: \(MessageText.oneLine(message))\n") }
    /// `<command>: wrote <file>`, the file quoted (`MessageText.quoted`): a name holding a newline
    /// cannot forge a second line.
    static func wrote(_ command: String, _ file: String) { StandardOutput.standardError("\(command): wrote \(MessageText.quoted(file))\n") }
}
