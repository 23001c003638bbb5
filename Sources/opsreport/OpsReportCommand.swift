import ArgumentParser
import OpsReport

@main
struct OpsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsreport",
        abstract: "Turn SECAS Operations Report PDFs into checked, schema-valid data.",
        version: ToolVersion.current,
        subcommands: [ExtractCommand.self, ReconcileCommand.self, BatchCommand.self, TablesCommand.self, AuditCommand.self, TextCommand.self])
}
