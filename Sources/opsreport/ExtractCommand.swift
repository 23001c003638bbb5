import ArgumentParser
import Foundation
import OpsReport
import Reconcile

/// `opsreport extract FILE.pdf [-o OUT.json] [--password P]`: the main job.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract every table of an Operations Report PDF as JSON (schemas/report.schema.json).",
        discussion: """
        Exit status: 0 success; 10 unreadable file, 11 empty file, 12 not a PDF, 13 damaged PDF, \
        14 password required, 15 wrong password, 16 no text layer (image-only scan), 17 blank \
        document, 18 not an Operations Report; 73 the output cannot be written.
        """)

    @Argument(help: "The report PDF.") var file: String
    @Option(name: .shortAndLong, help: "Write the JSON here (atomically) instead of standard output.") var output: String?
    @Option(help: "User password of an encrypted PDF.") var password: String?
    @Flag(help: "Leave out reconciliation findings (extraction notes only).") var noReconcile = false

    func run() throws {
        let report: Report
        do {
            let extracted = try ReportExtractor.extract(path: file, password: password)
            report = noReconcile ? extracted : Reconciler.reconcile(extracted)
        } catch let e as ExtractionError {
            CLIOutput.error(e.message)
            throw ExitCode(e.exitCode)
        }
        var data = try ReportCoding.encode(report)
        data.append(0x0A)
        if let output {
            do { try AtomicFile.write(data, to: output) } catch {
                CLIOutput.error("\(output): cannot write the output (\(error.localizedDescription)). Check the directory exists and is writable.")
                throw ExitCode(73)
            }
            if !report.missingSections.isEmpty {
                CLIOutput.warning("\(file): sections not found: \(report.missingSections.joined(separator: ", "))")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

/// Messages to standard error.
enum CLIOutput {
    static func error(_ message: String) { FileHandle.standardError.write(Data("error: \(message)\n".utf8)) }
    static func warning(_ message: String) { FileHandle.standardError.write(Data("warning: \(message)\n".utf8)) }
}
