import ArgumentParser
import Foundation
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
            Exit status: 0 clean, 1 when a finding reaches --fail-on, 2 for unusable input.
            """)

    enum Level: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info
        var severity: Finding.Severity { Finding.Severity(rawValue: rawValue)! }
    }

    @Argument(help: "The report: a .pdf, or a .json report.") var file: String
    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1 (error, warning, info).")
    var failOn: Level = .error
    @Option(help: "Password of an encrypted PDF.") var password: String?
    @Option(name: .shortAndLong, help: "Also write the reconciled report (with findings) as JSON to this path.")
    var output: String?
    @Flag(help: "Print the findings as a JSON array instead of lines.") var json = false

    func run() throws {
        let report: Report
        do {
            report = try load()
        } catch let e as ExtractionError {
            FileHandle.standardError.write(Data((e.message + "\n").utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("\(file): cannot be read as a report: \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
        let reconciled = Reconciler.reconcile(report)
        if let output {
            try ReportCoding.encode(reconciled).write(to: URL(fileURLWithPath: output), options: .atomic)
        }
        let findings = reconciled.findings
        if json {
            let e = ReportCoding.encoder()
            print(String(decoding: try e.encode(findings), as: UTF8.self))
        } else {
            for f in findings { print(Self.line(f)) }
            let counts = Finding.Severity.allCases.reversed().map { s in "\(findings.filter { $0.severity == s }.count) \(s.rawValue)" }
            print("\(file): \(findings.count) finding(s): \(counts.joined(separator: ", "))")
        }
        if findings.contains(where: { $0.severity >= failOn.severity }) { throw ExitCode(1) }
    }

    private func load() throws -> Report {
        if file.lowercased().hasSuffix(".json") {
            return try ReportCoding.decode(Data(contentsOf: URL(fileURLWithPath: file)))
        }
        return try ReportExtractor.extract(path: file, password: password)
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
