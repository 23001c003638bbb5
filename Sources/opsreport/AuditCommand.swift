import ArgumentParser
import Audit
import Foundation
import OpsReport
import PDFLayout

/// `opsreport audit REPORT.pdf|REPORT.json|DB.sqlite [-o audit.html]`: one self-contained HTML
/// page showing what the tool read and why it doubts a value.
///
/// The input's kind is told by its first bytes: `SQLite format 3` a database, `{` a report JSON,
/// anything else a PDF. Exit status: 0 the page was written; 2 the input is unusable (a JSON that
/// is not a report, an SQLite file that is not a batch database); 10–18 a file that cannot be
/// extracted as a PDF (as `extract`: 12 for a file that is none of the three); 20 a resource
/// limit was reached (`ResourceLimitOptions`); 64 usage; 73 the
/// output cannot be written.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Write an HTML page showing each finding on a crop of the page, and each table as read.",
        discussion: """
            INPUT is a report PDF (extracted and reconciled first), a report JSON (its PDF is found through \
            source.file; without it the page has no crops and says so) or a batch database (per series a chart \
            with restated, disputed and missing months, linked to the report and page that printed each value). \
            `-` reads INPUT from standard input. The page is one HTML file with its images inlined. \
            Exit status: 0 written, 2 unusable input, 10-18 as extract for a PDF (10 also a FIFO, device or socket), \
            20 standard input over its cap, or the memory or CPU-time limit reached (--memory-limit, --cpu-limit: \
            50 s + 5 s a report drawn + 10 s a page read by OCR), 64 usage, 73 output not writable or an input, \
            74 disk full, 141 closed pipe.
            """)

    @Argument(help: ArgumentHelp("REPORT.pdf, REPORT.json or DB.sqlite (`-`: standard input).", valueName: "input"),
              completion: FileCompletions.auditInput)
    var input: String
    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write (`-`: standard output; default: INPUT's name with .audit.html, in the current folder).", valueName: "file"),
            completion: FileCompletions.html)
    var output: String?
    @Option(help: "User password of an encrypted PDF (for a database: of its report PDFs, as given to `batch --password`).") var password: String?
    @OptionGroup var limits: ResourceLimitOptions

    /// The default output: `<input stem>.audit.html` in the current folder (`audit.html` for `-`).
    var destination: String {
        if let output { return output }
        if input == StandardStreams.dash { return "audit.html" }
        return URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent + ".audit.html"
    }

    func run() throws {
        try limits.apply(file: input)
        if destination != StandardStreams.dash, input != StandardStreams.dash,
           URL(fileURLWithPath: destination).standardizedFileURL.path == URL(fileURLWithPath: input).standardizedFileURL.path {
            throw ValidationError("The output \(destination) is the input file; choose another output path.")
        }
        try InputOverwrite.refuse(outputs: [destination], inputs: [input])
        let source: StandardStreams.Input
        do { source = try StandardStreams.Input(input) } catch let e as StandardStreams.InputError {
            CLIOutput.error(e.message); throw ExitCode(e.exitStatus)
        }
        defer { source.cleanup() }
        let page: AuditPage
        do { page = try makePage(source) } catch let e as ExtractionError {
            CLIOutput.error(e.message); throw ExitCode(e.exitCode)
        } catch let e as AuditError {
            CLIOutput.error(e.message); throw ExitCode(2)
        } catch let e as StandardStreams.InputError {
            CLIOutput.error(e.message); throw ExitCode(e.exitStatus)
        }
        for r in page.reports { if let note = r.audit.pdfNote { CLIOutput.warning("\(r.audit.name): \(note)") } }
        do { try StandardStreams.write(Data(page.render().utf8), to: destination, inputs: [input]) } catch {
            if let status = OutputCheck.diskFull(error, destination) { throw ExitCode(status) }
            CLIOutput.error("\(MessageText.quoted(destination)): cannot write the audit page: \(error.localizedDescription). Choose a writable path in an existing directory.")
            throw ExitCode(73)
        }
        if destination != StandardStreams.dash { CLIOutput.wrote("audit", destination) }
    }

    /// Tells the input's kind by its first bytes (not its name), and prepares the page.
    private func makePage(_ source: StandardStreams.Input) throws -> AuditPage {
        guard FileManager.default.isReadableFile(atPath: source.path) else {
            throw ExtractionError.pdf(.unreadable(path: source.name, reason: "no such file or no permission"))
        }
        let head = source.head()
        if head.starts(with: Array("SQLite format 3".utf8)) {
            // SQLite looks for -wal and -journal files next to the database: standard input is
            // given a named copy (removed when done; see `Input.namedCopy(suffix:)`).
            let copy = try source.namedCopy(suffix: ".sqlite")
            defer { StandardStreams.Input.removeNamedCopy(copy.folder) }
            let archive = try ArchiveAudit.load(path: copy.path, password: password)
            ResourceLimits.allow(archive.reports.count, secondsEach: ResourceLimits.auditReportCPUSeconds, for: "report(s) drawn")
            return AuditPage(title: "OpsReport audit — \(source.name)", reports: archive.reports.map(PreparedReport.init), archive: archive)
        }
        if StandardStreams.isJSON(head: head) {
            let data: Data
            do { data = try FileBytes.data(ofFile: source.path, maxBytes: JSONInputLimits.maxBytes) } catch let e as PDFLayoutError {
                throw AuditError.notAReportJSON(path: source.name, reason: e.reason)
            }
            let dir = source.name == StandardStreams.dash ? FileManager.default.currentDirectoryPath
                : URL(fileURLWithPath: source.path).deletingLastPathComponent().path
            let audit: ReportAudit
            do { audit = try ReportAudit.fromJSON(data, name: source.name, jsonDirectory: dir, password: password) } catch let e as AuditError {
                throw e
            } catch {
                throw AuditError.notAReportJSON(path: source.name, reason: (error as? DecodingError).map(ReconcileCommand.describe) ?? "\(error)")
            }
            ResourceLimits.allow(1, secondsEach: ResourceLimits.auditReportCPUSeconds, for: "report(s) drawn")
            return AuditPage(title: "OpsReport audit — \(source.name)", reports: [PreparedReport(audit)])
        }
        var audit = try ReportAudit.fromPDF(path: source.path, name: source.name, password: password, willOCR: ResourceLimits.allowOCR(pages:))
        ResourceLimits.allow(1, secondsEach: ResourceLimits.auditReportCPUSeconds, for: "report(s) drawn")
        if source.name == StandardStreams.dash { audit.report.source.file = StandardStreams.dash }
        return AuditPage(title: "OpsReport audit — \(source.name)", reports: [PreparedReport(audit)])
    }
}
