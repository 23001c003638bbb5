import ArgumentParser
import Foundation
import PDFLayout
import OpsReport
import Reconcile

/// `opsreport reconcile FILE.pdf|FILE.json`: cross-checks every total of one report and flags
/// OCR damage. Exit status: 0 no finding reaches `--fail-on`, 1 some finding does, 2 the input
/// is unusable (the reason goes to stderr).
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Cross-check totals and flag OCR damage in one report.",
        discussion: """
            FILE is a report PDF (extracted first) or a report JSON written by `extract` (or a corpus \
            truth file). Prints one line per finding, or the JSON array of findings with --json. \
            Exit status: 0 clean, 1 when a finding reaches --fail-on, 2 for unusable input (also a FIFO, or standard \
            input over its cap: 64 MiB of JSON, 256 MiB of PDF), 73 when the -o file cannot be written or is the \
            input (also standard output redirected to it), 74 disk full, 141 closed pipe, \
            20 the memory or CPU-time limit was reached (--memory-limit, --cpu-limit).
            """)

    enum Level: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info
        var severity: Finding.Severity { Finding.Severity(rawValue: rawValue)! }
    }

    @Argument(help: "The report: a .pdf, or a .json report (`-`: standard input).", completion: FileCompletions.pdfOrJSON) var file: String
    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1 (error, warning, info).")
    var failOn: Level = .error
    @Option(help: "Password of an encrypted PDF.") var password: String?
    @Option(name: .shortAndLong, help: "Also write the reconciled report (with findings) as JSON to this path (`-`: standard output, the findings then go to standard error).",
            completion: FileCompletions.json)
    var output: String?
    @Flag(help: "Print the findings as a JSON array instead of lines.") var json = false
    @OptionGroup var limits: ResourceLimitOptions

    func run() throws {
        try limits.apply(file: file)
        let report: Report
        let input: StandardStreams.Input
        do { input = try StandardStreams.Input(file) } catch let e as StandardStreams.InputError {
            CLIOutput.error(e.message); throw ExitCode(2)
        }
        // The findings always go to standard output (or the report, with -o -).
        try InputOverwrite.refuse(outputs: [nil] + (output.map { [$0] } ?? []), inputs: [file])
        defer { input.cleanup() }
        do {
            report = try load(input)
        } catch let e as ExtractionError {
            CLIOutput.error(input.naming(e.message))
            throw ExitCode(2)
        } catch let e as UnusableReport {
            CLIOutput.error("\(MessageText.quoted(file)): \(e.reason). Give a report PDF or a report JSON written by `opsreport extract`.")
            throw ExitCode(2)
        } catch let e as DecodingError {
            CLIOutput.error("\(file): not a report JSON (\(Self.describe(e))). Give a report PDF or a report JSON written by `opsreport extract`.")
            throw ExitCode(2)
        } catch {
            CLIOutput.error("\(file): cannot be read as a report: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let reconciled = Reconciler.reconcile(report)
        if let output {
            if let status = OutputCheck.refuseInvalid(reconciled, file: file) { throw ExitCode(status) }
            do { try StandardStreams.write(ReportCoding.encode(reconciled) + (output == StandardStreams.dash ? Data([0x0A]) : Data()), to: output, inputs: [file]) } catch {
                if let status = OutputCheck.diskFull(error, output) { throw ExitCode(status) }
                CLIOutput.error("\(output): cannot write the reconciled report: \(error.localizedDescription). Choose a writable path in an existing directory.")
                throw ExitCode(73)
            }
        }
        let findings = reconciled.findings
        // With the report on standard output, the findings go to standard error.
        let toStdout = output != StandardStreams.dash
        func print(_ s: String) throws { if toStdout { try StandardOutput.writeOrExit(Data((s + "\n").utf8)) } else { StandardOutput.standardError(s + "\n") } }
        if json {
            let e = ReportCoding.encoder()
            try print(String(decoding: try e.encode(findings), as: UTF8.self))
        } else {
            for f in findings { try print(Self.line(f)) }
            let counts = Finding.Severity.allCases.reversed().map { s in "\(findings.filter { $0.severity == s }.count) \(s.rawValue)" }
            try print("\(MessageText.quoted(file)): \(findings.count) finding(s): \(counts.joined(separator: ", "))")
        }
        if findings.contains(where: { $0.severity >= failOn.severity }) { throw ExitCode(1) }
    }

    /// Why a JSON file is not a usable report.
    struct UnusableReport: Error { var reason: String }

    /// A report from a PDF, or from a report JSON (told by its name, or for standard input by
    /// its first character).
    private func load(_ input: StandardStreams.Input) throws -> Report {
        let isJSON = !input.isStandardInput ? file.lowercased().hasSuffix(".json")
            : input.head().first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{")
        guard isJSON else { return try ReportExtractor.extract(path: input.path, password: password, willOCR: ResourceLimits.allowOCR(pages:)) }
        let data: Data
        do { data = try FileBytes.data(ofFile: input.path, maxBytes: JSONInputLimits.maxBytes) } catch let e as PDFLayoutError {
            throw UnusableReport(reason: "cannot read the file (\(e.reason))")
        }
        let report: Report
        do { report = try ReportCoding.decode(data) } catch let e as JSONInputLimits.Refusal { throw UnusableReport(reason: e.reason) }
        // The decoder is lenient (truth files lack source and provenance); a report must still
        // say which month it is and print something to check.
        let hasContent = report.drivers != nil || report.helpdesk != nil || report.website != nil || report.partyStatistics != nil
            || report.votingGroups != nil || report.meetings != nil || report.narrative != Narrative()
        guard report.period != nil, hasContent else {
            throw UnusableReport(reason: "not a report JSON: it has no period (YYYY-MM) or no tables and narrative figures")
        }
        // Its findings can be checked whatever it lacks; a reconciled copy is written only of a
        // report that keeps to the schema (a truth file has no `source`).
        let broken = ReportValidation.violations(report, limit: 5)
        if output != nil, !broken.isEmpty {
            throw UnusableReport(reason: "the report JSON does not keep to schemas/report.schema.json (\(broken.map(\.description).joined(separator: "; "))), so no reconciled copy of it is written; without -o its findings are printed")
        }
        return report
    }

    /// "at /helpdesk/total/3: expected a number" style description of a decoding error.
    static func describe(_ e: DecodingError) -> String {
        func path(_ c: [CodingKey]) -> String { "/" + c.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/") }
        switch e {
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "at \(path(c.codingPath)): \(c.debugDescription)"
        case .keyNotFound(let k, let c): return "at \(path(c.codingPath)): missing key \(k.stringValue)"
        case .dataCorrupted(let c): return c.codingPath.isEmpty ? "the file is not valid JSON" : "at \(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }

    /// `error total_row_mismatch /helpdesk/total/10 (p.6): message [suggest 1149, high: rationale]`
    static func line(_ f: Finding) -> String {
        var s = "\(f.severity.rawValue) \(f.code) \(f.pointer)"
        if let p = f.page { s += " (p.\(p))" }
        s += ": \(f.message)"
        if let sug = f.suggestion { s += " [suggest \(text(sug.value)), \(sug.confidence.rawValue): \(sug.rationale)]" }
        return s
    }

    private static func text(_ v: JSONValue) -> String {
        switch v {
        case .int(let i): return String(i)
        case .double(let d): return String(format: "%.2f", d)
        case .string(let s): return "\"\(s)\""
        case .array(let a): return "[" + a.map(text).joined(separator: ", ") + "]"
        case .null: return "null"
        }
    }
}
