import XCTest
import CSV
@testable import Archive
import OpsReport
import PDFLayout
import Reconcile

/// The CSV columns an auditor needs: where each value and finding was printed, the suggestion,
/// the related cells, plain-text values, and the Excel-ready byte order mark.
final class ArchiveCSVColumnsTests: XCTestCase {
    static let planted = Fixtures.root.appendingPathComponent("layouts/2017-11-operations-report.planted-grand-total.pdf").path

    func export(bom: Bool) throws -> (dir: URL, report: Report) {
        var report = Reconciler.reconcile(try ReportExtractor.extract(path: Self.planted))
        // A finding whose expected value is a label (as `group_variant` gives), to see it as plain text.
        report.findings.append(Finding(code: "group_variant", severity: .info, pointer: "/drivers/rows/0/group",
                                       expected: .string("Core"), message: "driver under an unusual group"))
        // A finding whose expected value and suggestion are lists.
        report.findings.append(Finding(code: "list_values", severity: .info, pointer: "/drivers/rows/1/days",
                                       expected: .array([.int(12), .double(3.5)]), message: "a list",
                                       suggestion: Suggestion(value: .array([.string("Core"), .string("Optional")]), confidence: .low, rationale: "r")))
        let store = try ArchiveStore()
        // Through the batch's decoding of a worker's JSON (provenance kept as page and box).
        try store.importReport(StoredReportDecoding.decode(ReportCoding.encode(report)), file: Self.planted, name: "planted.pdf")
        let dir = try ArchiveSupport.tempDir("csv-columns")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try CSVExport.export(store: store, to: dir.path, bom: bom)
        return (dir, report)
    }

    func rows(_ url: URL) throws -> [[String: String]] {
        var data = try Data(contentsOf: url)
        if data.starts(with: CSVExport.utf8BOM) { data.removeFirst(3) }
        let reader = try CSVReader(string: String(decoding: data, as: UTF8.self), hasHeaderRow: true)
        var out: [[String: String]] = []
        while let row = reader.next() { if row == [""] { continue }; out.append(Dictionary(uniqueKeysWithValues: zip(reader.headerRow!, row))) }
        return out
    }

    func box(_ r: [String: String]) -> [Double] { ["bbox_x0", "bbox_y0", "bbox_x1", "bbox_y1"].map { Double(r[$0]!)! } }

    func testFindingsCarryPageBoxSuggestionAndRelatedAsPlainText() throws {
        let (dir, report) = try export(bom: false)
        let findings = try rows(dir.appendingPathComponent("findings.csv"))
        let total = try XCTUnwrap(findings.first { $0["code"] == "grand_total_mismatch" })
        let f = report.findings[0]
        XCTAssertEqual(total["page"], "3")
        XCTAssertEqual(box(total), f.bbox!.array)
        XCTAssertEqual(total["printed"], "443.86")
        XCTAssertEqual(total["expected"], "434.86")
        XCTAssertEqual(total["suggestion_value"], "434.86")
        XCTAssertEqual(total["suggestion_confidence"], "high")
        XCTAssertEqual(total["suggestion_rationale"], f.suggestion!.rationale)
        XCTAssertGreaterThan(f.related.count, 1)
        XCTAssertEqual(total["related"], f.related.joined(separator: "; "), "a list joined with \"; \", not JSON text")
        // A label is plain text (not the JSON `"Core"`); page and box come from the pointer's provenance.
        let group = try XCTUnwrap(findings.first { $0["code"] == "group_variant" })
        XCTAssertEqual(group["expected"], "Core")
        XCTAssertEqual(group["suggestion_value"], "")
        XCTAssertEqual(group["page"], String(report.provenance["/drivers/rows/0/group"]!.page))
        XCTAssertEqual(box(group), report.provenance["/drivers/rows/0/group"]!.bbox.array)
        let list = try XCTUnwrap(findings.first { $0["code"] == "list_values" })
        XCTAssertEqual(list["expected"], "12; 3.5")
        XCTAssertEqual(list["suggestion_value"], "Core; Optional")
        XCTAssertFalse(try String(contentsOf: dir.appendingPathComponent("findings.csv"), encoding: .utf8).hasPrefix("\u{FEFF}"))
    }

    func testValuesCarryPageAndBox() throws {
        let (dir, report) = try export(bom: false)
        let values = try rows(dir.appendingPathComponent("values.csv"))
        XCTAssertEqual(values.count, SeriesConsolidation.values(of: report).count)
        for v in values {
            let prov = report.provenance[v["pointer"]!]
            XCTAssertEqual(v["page"], prov.map { String($0.page) } ?? "", v["pointer"]!)
            if let prov { XCTAssertEqual(box(v), prov.bbox.array, v["pointer"]!) }
        }
        let total = try XCTUnwrap(values.first { $0["pointer"] == "/drivers/grand_total" })
        XCTAssertEqual(total["value"], "443.86")
        XCTAssertEqual(total["page"], "3")
        XCTAssertGreaterThan(values.filter { !($0["page"] ?? "").isEmpty }.count, values.count * 9 / 10)
    }

    func testExcelReadyExportStartsWithTheByteOrderMark() throws {
        let (dir, report) = try export(bom: true)
        for name in ["values", "series", "reports", "findings", "meetings"] {
            let data = try Data(contentsOf: dir.appendingPathComponent("\(name).csv"))
            XCTAssertTrue(data.starts(with: [0xEF, 0xBB, 0xBF]), name)
        }
        // The title's em dash survives as UTF-8 after the mark.
        XCTAssertEqual(try rows(dir.appendingPathComponent("reports.csv")).first?["title"], report.title)
        XCTAssertTrue(report.title!.contains("—"))
        let pkg = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("datapackage.json"))) as! [String: Any]
        XCTAssertEqual(Set((pkg["resources"] as! [[String: Any]]).map { $0["encoding"] as! String }), ["utf-8-sig"])
    }
}
