import Foundation
import PackagePlugin

/// Build-tool plugin of the `OpsReport` target: generates `BuildFingerprint.swift`, holding a hash
/// of every source file of the extraction code (the targets in `extractionTargets` and the
/// `opsreport` files in `commandFiles`). SwiftPM runs
/// it again whenever one of those files changes, so a build with changed extraction code gets
/// another `ToolVersion.current`, and a batch converts its files again. Works from a clean clone
/// (no git needed).
@main
struct BuildFingerprintPlugin: BuildToolPlugin {
    /// The targets whose code decides what a conversion writes: extraction, OCR (and the
    /// Tesseract shim), reconciliation, the poppler shim.
    static let extractionTargets: Set<String> = ["CPoppler", "CTesseract", "PDFLayout", "OCR", "TableLayout", "OpsReport", "Reconcile"]
    /// Files of the `opsreport` command that shape what `extract` (each batch worker) writes or
    /// refuses: the command itself, the last checks of its output, its resource limits and its
    /// messages.
    static let commandFiles = ["ExtractCommand.swift", "OutputCheck.swift", "ResourceLimits.swift", "CLIOutput.swift"]
    /// Extensions of the source files hashed.
    static let sourceExtensions: Set<String> = ["swift", "h", "c", "modulemap"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for name in Self.extractionTargets.sorted() {
            let dir = root.appending(path: "Sources").appending(path: name)
            let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }
                .filter { Self.sourceExtensions.contains($0.pathExtension) } ?? []
            inputs += files
        }
        inputs += Self.commandFiles.map { root.appending(path: "Sources").appending(path: "opsreport").appending(path: $0) }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildFingerprint.swift")
        return [.buildCommand(
            displayName: "Fingerprinting the extraction code (\(inputs.count) files)",
            executable: try context.tool(named: "BuildFingerprintTool").url,
            arguments: [output.path, root.path] + inputs.map(\.path),
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
