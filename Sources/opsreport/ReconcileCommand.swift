import ArgumentParser

// Owned by the reconcile work (issue 3); replaced there.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reconcile", abstract: "Cross-check totals and flag OCR damage (not yet built).")
    func run() throws { throw ExitCode(2) }
}
