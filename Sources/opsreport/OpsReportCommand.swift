import ArgumentParser
import OpsReport

@main
struct OpsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsreport",
        abstract: "Turn SECAS Operations Report PDFs into checked, schema-valid data.",
        version: ToolVersion.current,
        subcommands: [ExtractCommand.self, ReconcileCommand.self, BatchCommand.self, TablesCommand.self, AuditCommand.self, TextCommand.self])

    /// Ignores SIGPIPE first (a closed output pipe then ends a command quietly with status 141,
    /// see `StandardOutput`), then parses and runs the command.
    static func main() {
        StandardOutput.ignoreBrokenPipeSignal()
        main(nil)
    }
}
