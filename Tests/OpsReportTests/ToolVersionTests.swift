import Foundation
import XCTest
@testable import Archive
import OpsReport

/// The tool version is the release plus a fingerprint of the extraction code made at build
/// time; a batch converts again what another build converted.
final class ToolVersionTests: TempFolderTestCase {
    override var tempTag: String { "tool-version" }

    /// The fingerprint tool built for the build-tool plugin, next to `opsreport`.
    var fingerprintTool: String { URL(fileURLWithPath: ArchiveSupport.opsreport).deletingLastPathComponent().appendingPathComponent("BuildFingerprintTool-tool").path }

    func fingerprint(root: URL, files: [URL]) throws -> String {
        // The output goes to the test's temporary folder, never into the tree hashed.
        let out = self.root.appendingPathComponent("out-\(UUID().uuidString).swift")
        let r = try CLI.run(fingerprintTool, [out.path, root.path] + files.map(\.path))
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOf: out, encoding: .utf8)
        return try XCTUnwrap(text.firstMatch(of: /buildFingerprint = "([0-9a-f]{16})"/).map { String($0.1) })
    }

    func testVersionIsReleasePlusTheFingerprintOfThisBuildsSources() throws {
        XCTAssertNotNil(ToolVersion.current.wholeMatch(of: /\d+\.\d+\.\d+\+[0-9a-f]{16}/), ToolVersion.current)
        XCTAssertEqual(ToolVersion.current, "\(ToolVersion.release)+\(ToolVersion.fingerprint)")
        let v = try CLI.run(["--version"])
        XCTAssertEqual(v.stdout.trimmingCharacters(in: .whitespacesAndNewlines), ToolVersion.current)
        // The same hash over the package's extraction sources, as the plugin lists them.
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = try Self.outputShapingFiles(package)
        XCTAssertGreaterThan(files.count, 50)
        XCTAssertEqual(try fingerprint(root: package, files: files), ToolVersion.fingerprint)
    }

    /// Every source file whose change can change an output: the extraction, OCR and
    /// reconciliation targets, the poppler and Tesseract shims (C too), and the command files
    /// that shape `extract`'s output.
    static func outputShapingFiles(_ package: URL) throws -> [URL] {
        var files: [URL] = []
        for target in ["CPoppler", "CTesseract", "OCR", "OpsReport", "PDFLayout", "Reconcile", "TableLayout"] {
            let dir = package.appendingPathComponent("Sources/\(target)")
            files += (FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
                .filter { ["swift", "h", "c", "modulemap"].contains($0.pathExtension) }
        }
        files += ["ExtractCommand", "OutputCheck", "ResourceLimits", "CLIOutput"].map { package.appendingPathComponent("Sources/opsreport/\($0).swift") }
        return files
    }

    func testFingerprintCoversEveryFileThatShapesAnOutput() throws {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let hashed = Set(ToolVersion.fingerprintFiles)
        for required in ["Sources/OCR/PageOCR.swift", "Sources/OCR/TesseractEngine.swift", "Sources/CTesseract/TesseractLibrary.c",
                         "Sources/CTesseract/include/CTesseract.h", "Sources/opsreport/ExtractCommand.swift", "Sources/opsreport/OutputCheck.swift",
                         "Sources/opsreport/ResourceLimits.swift", "Sources/opsreport/CLIOutput.swift", "Sources/OpsReport/ReportExtractor.swift",
                         "Sources/CPoppler/shim.h"] {
            XCTAssertTrue(hashed.contains(required), "\(required) is not in the fingerprint")
        }
        let expected = Set(try Self.outputShapingFiles(package).map { String($0.standardizedFileURL.path.dropFirst(package.standardizedFileURL.path.count + 1)) })
        XCTAssertEqual(hashed, expected)
        XCTAssertEqual(ToolVersion.fingerprintFiles, ToolVersion.fingerprintFiles.sorted())
    }

    func testFingerprintFollowsTheSourcesNotTheFolder() throws {
        func tree(_ name: String, _ body: String) throws -> (URL, [URL]) {
            let root = self.root.appendingPathComponent(name)
            let file = root.appendingPathComponent("Sources/OpsReport/Rule.swift")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try body.write(to: file, atomically: true, encoding: .utf8)
            return (root, [file])
        }
        let (a, fa) = try tree("a", "let tolerance = 0.5\n")
        let (b, fb) = try tree("b", "let tolerance = 0.5\n")
        let (c, fc) = try tree("c", "let tolerance = 0.6\n")
        XCTAssertEqual(try fingerprint(root: a, files: fa), try fingerprint(root: b, files: fb), "a clone elsewhere has the same version")
        XCTAssertNotEqual(try fingerprint(root: a, files: fa), try fingerprint(root: c, files: fc), "changed code has another version")
    }

    func testAnotherBuildConvertsAgain() throws {
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try ArchiveSupport.copyCorpus(["2017-01-operations-report", "2017-02-operations-report"], to: input)
        var c = BatchConfiguration(inputDirectory: input.path, outputDirectory: out.path,
                                   databasePath: out.appendingPathComponent("opsreport.sqlite").path,
                                   executable: try ArchiveSupport.fakeWorker(in: root))
        func run(_ version: String) throws -> BatchSummary {
            c.toolVersion = version
            return try BatchRunner(configuration: c, progress: RecordingProgress()).run()
        }
        XCTAssertEqual(try run("0.2.0+aaaaaaaaaaaaaaaa").count(.converted), 2)
        XCTAssertEqual(try run("0.2.0+aaaaaaaaaaaaaaaa").count(.skipped), 2, "the same build skips")
        XCTAssertEqual(try run("0.2.0+bbbbbbbbbbbbbbbb").count(.converted), 2, "another build converts again")
        let versions = try ArchiveStore(path: c.databasePath).records().map(\.toolVersion)
        XCTAssertEqual(versions, ["0.2.0+bbbbbbbbbbbbbbbb", "0.2.0+bbbbbbbbbbbbbbbb"])
    }
}
