import Foundation
import PDFLayout

/// Messages to standard error, one line each: control characters in the message (e.g. from a
/// file name) are escaped (`MessageText.oneLine`), so no name can forge a line.
enum CLIOutput {
    static func error(_ message: String) { FileHandle.standardError.write(Data("error: \(MessageText.oneLine(message))\n".utf8)) }
    static func warning(_ message: String) { FileHandle.standardError.write(Data("warning: \(MessageText.oneLine(message))\n".utf8)) }
}
