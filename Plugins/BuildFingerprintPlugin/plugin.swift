import Foundation
import PackagePlugin

/// Build-tool plugin of the `OpsReport` target: generates `BuildFingerprint.swift`, holding a hash
/// of every source file of the extraction code (the targets in `extractionTargets`). SwiftPM runs
/// it again whenever one of those files changes, so a build with changed extraction code gets
/// another `ToolVersion.current`, and a batch converts its files again. Works from a clean clone
/// (no git needed).
@main
struct BuildFingerprintPlugin: BuildToolPlugin {
    /// The targets whose code decides what a conversion writes.
    static let extractionTargets: Set<String> = ["CPoppler", "PDFLayout", "TableLayout", "OpsReport", "Reconcile"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for name in Self.extractionTargets.sorted() {
            let dir = root.appending(path: "Sources").appending(path: name)
            let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }
                .filter { ["swift", "h", "modulemap"].contains($0.pathExtension) } ?? []
            inputs += files
        }
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
