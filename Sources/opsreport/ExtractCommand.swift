import ArgumentParser
import OpsReport

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Extract every table of a report PDF as JSON.")
    @Argument(help: "The report PDF.") var file: String
    func run() throws {}
}
