import ArgumentParser
import Foundation
import OpsReport
import PDFLayout
import Reconcile

/// `opsreport extract FILE.pdf… [-o OUT.json | --out-dir DIR] [--password P]`: the main job.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract every table of an Operations Report PDF as JSON (schemas/report.schema.json).",
        discussion: """
        One file: JSON to standard output, or to -o OUT.json. Several files: one JSON file per \
        report in --out-dir, named after the PDF; a bad file is reported and the others go on.
        Exit status: 0 success; 10 unreadable file, 11 empty file, 12 not a PDF, 13 damaged PDF, \
        14 password required, 15 wrong password, 16 nothing legible (no text layer, and OCR of the page images reads nothing), 17 blank \
        document, 18 not an Operations Report, 19 the file changed while it was read, 20 the memory or \
        CPU-time limit was reached, or standard input holds more than 256 MiB (with several files: the status \
        of the first that failed); 64 usage; 70 internal error (the output would not be schema-valid; nothing \
        written); 73 the output cannot be written or is an input (also standard output redirected to one); \
        74 the disk is full; 141 standard output is a closed pipe.
        """)

    @Argument(help: "The report PDF(s); `-` reads one from standard input.", completion: FileCompletions.pdf) var files: [String]
    @Option(name: .shortAndLong, help: "Write the JSON here (atomically) instead of standard output (one input file only; `-`: standard output).",
            completion: FileCompletions.json) var output: String?
    @Option(help: "Write <name>.json for each input PDF into this directory (atomically).", completion: FileCompletions.directory) var outDir: String?
    @Option(help: "User password of an encrypted PDF.") var password: String?
    @Flag(help: "Leave out reconciliation findings (extraction notes only).") var noReconcile = false
    @OptionGroup var limits: ResourceLimitOptions
    @Option(help: ArgumentHelp("SHA256@DEV:INO:SIZE:MTIME:CTIME: the file's hash as the batch took it, used when the file still has that identity (batch workers).", visibility: .hidden))
    var knownHash: String?

    /// Checks the combination of arguments. Called from `run()`, not `validate()`, so that an
    /// unknown option (which the parser reports after `validate()`) is named as such first.
    func check() throws {
        if files.isEmpty { throw ValidationError("Give at least one PDF.") }
        if files.count > 1 && outDir == nil { throw ValidationError("With several files, give --out-dir DIR.") }
        if output != nil && outDir != nil { throw ValidationError("Give either -o or --out-dir, not both.") }
        _ = try limits.memoryBytes()
        if knownHash != nil && (files.count != 1 || files[0] == StandardStreams.dash) { throw ValidationError("--known-hash needs exactly one input file (not standard input).") }
        if let k = knownHash, KnownHash(k) == nil { throw ValidationError("--known-hash: give SHA256@DEV:INO:SIZE:MTIME:CTIME (64 lowercase hex digits, then the file identity).") }
        if files.filter({ $0 == StandardStreams.dash }).count > 1 { throw ValidationError("Standard input (-) can be given once only.") }
        if outDir != nil && files.contains(StandardStreams.dash) { throw ValidationError("Standard input (-) has no name to write in --out-dir; use -o FILE or standard output.") }
        let inputs = Set(files.filter { $0 != StandardStreams.dash }.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        for target in destinations().compactMap({ $0 }) where target != StandardStreams.dash && inputs.contains(URL(fileURLWithPath: target).standardizedFileURL.path) {
            throw ValidationError("The output \(target) is one of the input files; choose another output path.")
        }
        if outDir != nil {
            let names = files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            let clashes = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            if !clashes.isEmpty {
                throw ValidationError("Several inputs would be written to the same file in --out-dir: \(clashes.map { $0 + ".json" }.joined(separator: ", ")). Convert them into separate folders.")
            }
        }
    }

    /// The output path of each input file (`nil`: standard output).
    private func destinations() -> [String?] {
        files.map { file in
            outDir.map { URL(fileURLWithPath: $0).appendingPathComponent(FileNames.jsonName(forPDF: URL(fileURLWithPath: file).lastPathComponent)).path } ?? output
        }
    }

    func run() throws {
        try check()
        try InputOverwrite.refuse(outputs: destinations(), inputs: files)
        try limits.apply(file: files.count == 1 ? files[0] : "\(files.count) files")
        var firstFailure: Int32? = nil
        for (file, destination) in zip(files, destinations()) {
            let status = extractOne(file, to: destination)
            if status != 0, firstFailure == nil { firstFailure = status }
        }
        if let firstFailure { throw ExitCode(firstFailure) }
    }

    /// Extracts one file; returns its exit status.
    private func extractOne(_ file: String, to destination: String?) -> Int32 {
        var report: Report
        let input: StandardStreams.Input
        do { input = try StandardStreams.Input(file) } catch let e as StandardStreams.InputError {
            CLIOutput.error(e.message)
            return e.exitStatus
        } catch { CLIOutput.error("\(MessageText.quoted(file)): cannot be read: \(error)"); return 10 }
        defer { input.cleanup() }
        do {
            let extracted = try ReportExtractor.extract(path: input.path, password: password, knownHash: knownHash.flatMap(KnownHash.init),
                                                        willOCR: ResourceLimits.allowOCR(pages:))
            report = noReconcile ? extracted : Reconciler.reconcile(extracted)
            if input.isStandardInput { report.source.file = StandardStreams.dash }
        } catch let e as ExtractionError {
            CLIOutput.error(input.naming(e.message))
            return e.exitCode
        } catch {
            CLIOutput.error("\(file): \(error)")
            return 1
        }
        if let status = OutputCheck.refuseInvalid(report, file: file) { return status }
        guard var data = try? ReportCoding.encode(report) else { CLIOutput.error("\(file): cannot encode the report"); return 1 }
        data.append(0x0A)
        guard let destination, destination != StandardStreams.dash else {
            do { try StandardOutput.writeOrExit(data) } catch { return (error as? ExitCode)?.rawValue ?? 73 }
            return 0
        }
        // -o names a file: its directory must exist. --out-dir names a folder to fill: create it.
        do { try AtomicFile.write(data, to: destination, createDirectories: outDir != nil, inputs: files.filter { $0 != StandardStreams.dash }) } catch {
            if let status = OutputCheck.diskFull(error, destination) { return status }
            CLIOutput.error("\(destination): cannot write the output: \(error.localizedDescription). Choose a writable path in an existing directory.")
            return 73
        }
        if !report.missingSections.isEmpty {
            CLIOutput.warning("\(file): sections not found: \(report.missingSections.joined(separator: ", "))")
        }
        return 0
    }
}
