import ArgumentParser

// Owned by the batch work (issue 4); replaced there.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch", abstract: "Convert an archive folder (not yet built).")
    func run() throws { throw ExitCode(2) }
}
