import XCTest
import CSV
import GRDB
@testable import Archive
import OpsReport

/// The tidy CSV export and its data package, on the truth reports.
final class ArchiveExportTests: XCTestCase {
    func testCSVAndDataPackageAgreeAndCarryTheTruthValues() throws {
        let (store, reports) = try ArchiveStoreTests.loadedStore()
        try store.recordFailure(file: "/x/bad.pdf", name: "bad.pdf", sha256: "00", reason: .damaged, message: "bad, \"quoted\"\nnewline")
        try store.replaceArchiveFindings(CrossReportRules.all(reports))
        let dir = try ArchiveSupport.tempDir("csv")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try CSVExport.export(store: store, to: dir.path)

        let pkg = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("datapackage.json"))) as? [String: Any])
        XCTAssertEqual(pkg["profile"] as? String, "tabular-data-package")
        let resources = try XCTUnwrap(pkg["resources"] as? [[String: Any]])
        XCTAssertEqual(resources.map { $0["path"] as? String }, ["values.csv", "series.csv", "reports.csv", "findings.csv", "meetings.csv"])
        var tables: [String: [[String: String]]] = [:]
        for r in resources {
            let name = r["name"] as! String
            let schema = r["schema"] as! [String: Any]
            let fields = schema["fields"] as! [[String: String]]
            let text = try String(contentsOf: dir.appendingPathComponent(r["path"] as! String), encoding: .utf8)
            XCTAssertTrue(text.hasSuffix("\n"))
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            XCTAssertEqual(reader.headerRow, fields.map { $0["name"]! }, name)
            var rows: [[String: String]] = []
            while let row = reader.next() {
                if row == [""] { continue }
                XCTAssertEqual(row.count, fields.count, name)
                var dict: [String: String] = [:]
                for (f, v) in zip(fields, row) {
                    dict[f["name"]!] = v
                    guard !v.isEmpty else { continue }
                    let ok: Bool
                    switch f["type"]! {
                    case "integer": ok = Int(v) != nil
                    case "number": ok = Double(v) != nil
                    case "yearmonth": ok = v.range(of: #"^\d{4}-(0[1-9]|1[0-2])$"#, options: .regularExpression) != nil
                    case "date": ok = v.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
                    case "boolean": ok = v == "true" || v == "false"
                    default: ok = true
                    }
                    XCTAssertTrue(ok, "\(name).\(f["name"]!) = \(v) is not a \(f["type"]!)")
                }
                rows.append(dict)
            }
            if let pk = schema["primaryKey"] as? [String] {
                let keys = rows.map { r in pk.map { r[$0]! }.joined(separator: "\u{1F}") }
                XCTAssertEqual(Set(keys).count, keys.count, "\(name) primary key is unique")
            }
            tables[name] = rows
        }
        // One row per printed number.
        XCTAssertEqual(tables["values"]!.count, reports.reduce(0) { $0 + SeriesConsolidation.values(of: $1).count })
        let planted = tables["values"]!.filter { $0["report"] == "truth/2017-10-operations-report" && $0["table"] == "helpdesk" && $0["measure"] == "Total" && $0["month"] == "2017-09" }
        XCTAssertEqual(planted.map { $0["value"] }, ["1194"])
        XCTAssertEqual(planted.first?["pointer"], "/helpdesk/total/10")
        let days = tables["values"]!.first { $0["report"] == "truth/2017-12-operations-report" && $0["measure"] == "Grand Total" }
        XCTAssertEqual(days?["value"], "448.12")
        XCTAssertEqual(days?["unit"], "days")
        let s = tables["series"]!.first { $0["table"] == "helpdesk" && $0["measure"] == "Total" && $0["month"] == "2017-09" }
        XCTAssertEqual(s?["value"], "1149")
        XCTAssertEqual(s?["disagree"], "true")
        XCTAssertEqual(s?["n_reports"], "4")
        XCTAssertEqual(s?["source_period"], "2017-12")
        XCTAssertEqual(tables["series"]!.filter { $0["disagree"] == "true" }.count, 1)
        // Quoting survives a comma, quotes and a newline.
        XCTAssertEqual(tables["reports"]!.first { $0["report"] == "bad.pdf" }?["message"], "bad, \"quoted\"\nnewline")
        XCTAssertEqual(tables["findings"]!.filter { $0["scope"] == "archive" }.map { $0["code"] }, ["restatement"])
        XCTAssertEqual(tables["meetings"]!.count, reports.reduce(0) { $0 + $1.meetings!.reduce(0) { $0 + max(1, $1.dates.count) } })
    }
}
