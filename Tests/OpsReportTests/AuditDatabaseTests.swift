import Foundation
import XCTest
@testable import Archive
@testable import Audit
import OpsReport
import PDFLayout
import Reconcile

/// `opsreport audit DB.sqlite` on a small batch database made here from corpus reports (August,
/// October, and November with its planted Grand Total: September is missing, and October's
/// helpdesk total for October is restated by November), loaded in headless Chromium.
final class AuditDatabaseTests: AuditPageTestCase {
    func makeDatabase() throws -> (db: URL, reports: [String: Report]) {
        let db = dir.appendingPathComponent("archive.sqlite")
        let store = try ArchiveStore(path: db.path)
        var reports: [String: Report] = [:]
        for path in [Fixtures.pdf("2017-08-operations-report"), Fixtures.pdf("2017-10-operations-report"), Self.planted] {
            let r = Reconciler.reconcile(try ReportExtractor.extract(path: path))
            let json = dir.appendingPathComponent("\(r.period!).json")
            try ReportCoding.encode(r).write(to: json)
            try store.importReport(r, file: path, name: URL(fileURLWithPath: path).lastPathComponent, jsonPath: json.path)
            reports[r.period!] = r
        }
        try store.replaceArchiveFindings(try store.loadReportsForCrossChecks().findings())
        return (db, reports)
    }

    func testDatabasePageInChromium() throws {
        let (db, reports) = try makeDatabase()
        let store = try ArchiveStore(path: db.path)
        let findings = try store.findings(scope: "report") + store.findings(scope: "archive")
        let restatement = try XCTUnwrap(findings.first { $0.code == "restatement" })
        XCTAssertEqual(restatement.report.map { $0.contains("2017-10") }, true)
        XCTAssertTrue(findings.contains { $0.code == "archive_gap" })
        let out = dir.appendingPathComponent("db.html")
        let run = try CLI.run(["audit", db.path, "-o", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let dom = try loadAndCheck(out, name: "database", expectedFindings: findings.count)
        // Crops of the findings that have a cell: the planted total and the restated count.
        let cropped = try ["2017-10", "2017-11"].map { p -> Int in
            let doc = try PDFDocument(path: reports[p]!.source.file)
            let section = try XCTUnwrap(DOM.elements("section", class: "report", in: dom).first { $0.inner.contains(reports[p]!.title!) })
            // Every finding with a cell has its crop.
            XCTAssertEqual(try checkCrops(section.inner, doc: doc),
                           DOM.elements("article", class: "finding", in: section.inner).filter { $0.attributes["data-bbox"] != nil }.count)
            return DOM.elements("article", class: "finding", in: section.inner).count
        }
        // October: its restated count (and what the reconciler finds in it); November: its planted total.
        XCTAssertTrue(cropped.allSatisfy { $0 >= 1 }, "\(cropped)")
        // One chart per consolidated series.
        let series = Set(try store.auditSeries().map { "\($0.table)\u{1F}\($0.measure)" })
        let charts = DOM.tags("figure", class: "series", in: dom)
        XCTAssertEqual(charts.count, series.count)
        // The restated month is marked on its series; the driver series miss September.
        let restatedMonths = try store.auditSeries().filter(\.restated)
        XCTAssertFalse(restatedMonths.isEmpty)
        let restated = charts.filter { $0["data-restated"] != "0" }
        XCTAssertEqual(Set(restated.compactMap { "\($0["data-table"]!)/\($0["data-measure"]!)" }),
                       Set(restatedMonths.map { "\($0.table)/\($0.measure)" }))
        let total = try XCTUnwrap(charts.first { $0["data-table"] == "drivers" && $0["data-measure"] == SeriesConsolidation.grandTotalLabel })
        XCTAssertEqual(total["data-missing"], "1")
        // Each point links to a drawing in the page of the report and page that printed it.
        let ids = Set(dom.matches(of: #/ id="([^"]*)"/#).map { String($0.1) })
        let points = DOM.tags("a", class: "point", in: dom)
        XCTAssertGreaterThan(points.count, 100)
        for p in points {
            let href = try XCTUnwrap(p["href"])
            XCTAssertTrue(ids.contains(String(href.dropFirst())), "dangling link \(href)")
            let name = try XCTUnwrap(p["data-report"]), page = try XCTUnwrap(p["data-page"])
            XCTAssertTrue(href.hasSuffix("-p\(page)"), href)
            XCTAssertTrue(reports.values.contains { URL(fileURLWithPath: $0.source.file).lastPathComponent == name })
        }
        // A restated month's point says so and names the report and page of the value kept.
        for m in restatedMonths {
            let point = try XCTUnwrap(points.first { $0["data-month"] == m.month && $0["data-status"] == "restated" })
            let source = try XCTUnwrap(reports.values.first { try store.archivedReports().first { $0.id == m.sourceReportId }?.file == $0.source.file })
            XCTAssertEqual(point["data-report"], URL(fileURLWithPath: source.source.file).lastPathComponent)
            XCTAssertEqual(point["data-page"], String(try XCTUnwrap(source.provenance[m.sourcePointer]).page))
        }
    }

    func testReportWhoseJSONIsGoneKeepsItsFindingsAndCrops() throws {
        let (db, reports) = try makeDatabase()
        try FileManager.default.removeItem(at: dir.appendingPathComponent("2017-11.json"))
        let archive = try ArchiveAudit.load(path: db.path)
        let november = try XCTUnwrap(archive.reports.first { $0.report.period == "2017-11" })
        XCTAssertTrue(november.pdfNote?.contains("is gone: no table drawings") == true, november.pdfNote ?? "")
        let prepared = PreparedReport(november)
        XCTAssertTrue(prepared.tables.isEmpty)
        // The findings come from the database, with their page and box: the crop still shows the cell.
        let planted = try XCTUnwrap(prepared.findings.first { $0.finding.code == "grand_total_mismatch" })
        XCTAssertEqual(planted.focus, reports["2017-11"]!.findings.first { $0.code == "grand_total_mismatch" }?.bbox)
        let crop = try XCTUnwrap(planted.crop)
        XCTAssertTrue(crop.clip.x0 <= planted.focus!.x0 && crop.clip.y1 >= planted.focus!.y1)
        XCTAssertEqual(PageImage.pngSize(crop.png)?.width, crop.pixelWidth)
        // The other reports still have their drawings.
        XCTAssertFalse(PreparedReport(try XCTUnwrap(archive.reports.first { $0.report.period == "2017-10" })).tables.isEmpty)
    }
}
