import Foundation

/// Messages to standard error.
enum CLIOutput {
    static func error(_ message: String) { FileHandle.standardError.write(Data("error: \(message)\n".utf8)) }
    static func warning(_ message: String) { FileHandle.standardError.write(Data("warning: \(message)\n".utf8)) }
}
