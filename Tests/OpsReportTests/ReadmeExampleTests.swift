import Audit
import Foundation
import OpsReport
import Reconcile
import XCTest

/// The README's library example: the same text, compiled here, and run.
final class ReadmeExampleTests: XCTestCase {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The README's example, statement for statement (between the markers); it returns what it
    /// made so that the test can check it.
    func example() throws -> (report: Report, json: Data, html: String) {
        // README example begin
        let path = "samples/2017-11-operations-report.pdf"
        let report = Reconciler.reconcile(try ReportExtractor.extract(path: path))
        print(report.period ?? "no period", report.drivers?.grandTotal.map { "\($0)" } ?? "no grand total")
        for finding in report.findings where finding.severity == .error {
            print(finding.code, finding.pointer, finding.page ?? 0, finding.message)
        }
        if let cell = report.provenance["/drivers/grand_total"] {
            print("printed", cell.text, "on page", cell.page, "at", cell.bbox.array)
        }
        let json = try ReportCoding.encode(report)
        let page = AuditPage(title: "Audit", reports: [PreparedReport(ReportAudit(name: path, report: report, pdfPath: path))])
        let html = page.render()
        // README example end
        return (report, json, html)
    }

    func testTheREADMEExampleIsThisCode() throws {
        let readme = try String(contentsOf: Self.package.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try XCTUnwrap(readme.components(separatedBy: "```swift\nimport Audit\n").dropFirst().first?.components(separatedBy: "```").first)
        let readmeLines = ("import Audit\n" + block).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let body = try XCTUnwrap(source.components(separatedBy: "// README example begin\n").dropFirst().first?
            .components(separatedBy: "        // README example end").first)
        let bodyLines = body.split(separator: "\n").map { String($0.dropFirst(8)) }
        let imports = readmeLines.prefix { $0.hasPrefix("import ") }
        XCTAssertEqual(Array(imports), ["import Audit", "import Foundation", "import OpsReport", "import Reconcile"])
        XCTAssertTrue(imports.allSatisfy { source.contains("\n\($0)\n") || source.hasPrefix("\($0)\n") })
        XCTAssertEqual(readmeLines.dropFirst(imports.count).filter { !$0.isEmpty }, bodyLines.filter { !$0.isEmpty })
    }

    func testTheREADMENamesEveryModuleOfTheLibrary() throws {
        // The modules of the `OpsReportKit` product in Package.swift, each named in the README's section on it.
        let manifest = try String(contentsOf: Self.package.appendingPathComponent("Package.swift"), encoding: .utf8)
        let targets = try XCTUnwrap(manifest.firstMatch(of: /\.library\(name: "OpsReportKit", targets: \[([^\]]*)\]/)?.1)
        let modules = targets.matches(of: /"([A-Za-z]+)"/).map { String($0.1) }
        XCTAssertGreaterThanOrEqual(modules.count, 6)
        let readme = try String(contentsOf: Self.package.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "## The library: `OpsReportKit`").dropFirst().first?
            .components(separatedBy: "```").first)
        for m in modules { XCTAssertTrue(section.contains("`\(m)`"), "\(m) is not named in the README's library section") }
    }

    func testTheREADMEExampleRuns() throws {
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(Self.package.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        let (report, json, html) = try example()
        let expected = try ReportCoding.decode(Data(contentsOf: Self.package.appendingPathComponent("samples/2017-11-operations-report.expected.json")))
        XCTAssertEqual(report.drivers, expected.drivers)
        XCTAssertEqual(try ReportCoding.decode(json).helpdesk, expected.helpdesk)
        XCTAssertTrue(html.contains(expected.title!))
        XCTAssertEqual(html.components(separatedBy: "<article class=\"finding").count - 1, expected.findings.count)
    }
}
