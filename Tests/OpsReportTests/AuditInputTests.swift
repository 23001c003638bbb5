import Foundation
import GRDB
import XCTest
@testable import Audit
import OpsReport
import PDFLayout
import Reconcile

/// `opsreport audit REPORT.json`: the PDF found through `source.file` (or said to be gone), and
/// text from the PDF escaped in the page.
final class AuditInputTests: AuditPageTestCase {
    func plantedReport() throws -> Report { Reconciler.reconcile(try ReportExtractor.extract(path: Self.planted)) }

    func testJSONWithItsPDFNextToItHasCrops() throws {
        // The JSON names the PDF by a relative path that only resolves next to the JSON.
        var report = try plantedReport()
        try FileManager.default.copyItem(atPath: Self.planted, toPath: dir.appendingPathComponent("report.pdf").path)
        report.source.file = "report.pdf"
        let json = dir.appendingPathComponent("report.json")
        try ReportCoding.encode(report).write(to: json)
        let out = dir.appendingPathComponent("report.html")
        let run = try CLI.run(["audit", json.path, "-o", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertEqual(DOM.tags("figure", class: "crop", in: html).count, 1)
        XCTAssertEqual(DOM.tags("rect", class: "cell", in: html).count, report.provenance.count)
        XCTAssertFalse(html.contains("class=\"note\""))
    }

    func testJSONWhosePDFIsGoneSaysSoAndHasNoCrops() throws {
        var report = try plantedReport()
        report.source.file = dir.appendingPathComponent("gone/report.pdf").path
        let json = dir.appendingPathComponent("gone.json")
        try ReportCoding.encode(report).write(to: json)
        let out = dir.appendingPathComponent("gone.html")
        let run = try CLI.run(["audit", json.path, "-o", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("is gone"), run.stderr)
        let dom = try loadAndCheck(out, name: "pdf-gone", expectedFindings: report.findings.count)
        XCTAssertEqual(DOM.tags("img", in: dom).count, 0)
        let note = try XCTUnwrap(DOM.elements("p", class: "note", in: dom).first)
        XCTAssertTrue(note.inner.contains("is gone") && note.inner.contains("no crops"), note.inner)
        // The findings are still there, with their printed and expected values.
        let entry = try XCTUnwrap(DOM.elements("article", class: "finding", in: dom).first)
        XCTAssertTrue(entry.inner.contains("443.86") && entry.inner.contains("434.86"))
    }

    func testChangedPDFIsNotCropped() throws {
        // The same name but other bytes: crops would show another document.
        var report = try plantedReport()
        let other = dir.appendingPathComponent("report.pdf")
        try FileManager.default.copyItem(atPath: Fixtures.pdf("2017-10-operations-report"), toPath: other.path)
        report.source.file = other.path
        let page = AuditPage(title: "t", reports: [PreparedReport(try ReportAudit.fromJSON(ReportCoding.encode(report), name: "r", jsonDirectory: dir.path))])
        XCTAssertNil(page.reports[0].audit.pdfPath)
        XCTAssertTrue(page.reports[0].audit.pdfNote?.contains("has changed") == true)
        XCTAssertTrue(page.reports[0].findings.allSatisfy { $0.crop == nil })
    }

    func testTextFromThePDFIsEscaped() throws {
        // A hostile label and printed text: markup, quotes and what looks like an entity.
        let hostile = "<script>document.title='owned'</script>\"><img src=x onerror=alert(1)> &lt;b&gt; & co"
        var report = try plantedReport()
        report.title = hostile
        report.drivers!.rows[0].driver = hostile
        report.provenance["/drivers/rows/0/driver"]!.text = hostile
        report.findings[0].printed = hostile
        report.findings[0].suggestion!.rationale = hostile
        try FileManager.default.copyItem(atPath: Self.planted, toPath: dir.appendingPathComponent("report.pdf").path)
        report.source.file = "report.pdf"
        let json = dir.appendingPathComponent("hostile.json")
        try ReportCoding.encode(report).write(to: json)
        let out = dir.appendingPathComponent("hostile.html")
        XCTAssertEqual(try CLI.run(["audit", json.path, "-o", out.path]).status, 0)
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertFalse(html.contains("<script>document"))
        XCTAssertFalse(html.contains("<img src=x"))
        let dom = try loadAndCheck(out, name: "escaped", expectedFindings: report.findings.count)
        // In the browser: only our own script, and the text shown literally.
        XCTAssertEqual(dom.components(separatedBy: "<script").count - 1, 1)
        XCTAssertFalse(dom.contains("<title>owned</title>"))
        let entry = try XCTUnwrap(DOM.elements("article", class: "finding", in: dom).first)
        XCTAssertEqual(DOM.elements("dd", class: "printed", in: entry.inner).first.map { DOM.decode($0.inner) }, hostile)
        let serialised = hostile.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        XCTAssertEqual(dom.components(separatedBy: serialised).count - 1, 4, "title, heading, printed, rationale")
        XCTAssertTrue(dom.contains("<title>/drivers/rows/0/driver: " + serialised), "the cell's tooltip")
    }

    func testUnusableInputsHaveDistinctStatusesAndAreNotChanged() throws {
        // An SQLite file that is not a batch database: refused, and not touched (no migration).
        let foreign = dir.appendingPathComponent("other.sqlite")
        try DatabaseQueue(path: foreign.path).write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        let before = try Data(contentsOf: foreign)
        let db = try CLI.run(["audit", foreign.path, "-o", dir.appendingPathComponent("a.html").path])
        XCTAssertEqual(db.status, 2, db.stderr)
        XCTAssertTrue(db.stderr.contains("not an OpsReport batch database"), db.stderr)
        XCTAssertEqual(try Data(contentsOf: foreign), before)
        // A JSON that is not a report.
        let json = dir.appendingPathComponent("x.json")
        try Data("{\"rows\": [1, 2]}".utf8).write(to: json)
        let j = try CLI.run(["audit", json.path, "-o", dir.appendingPathComponent("b.html").path])
        XCTAssertEqual(j.status, 2, j.stderr)
        XCTAssertTrue(j.stderr.contains("not a report JSON"), j.stderr)
        // Neither: read as a PDF, which it is not (extract's status); a missing file.
        let text = dir.appendingPathComponent("notes.txt")
        try Data("hello".utf8).write(to: text)
        XCTAssertEqual(try CLI.run(["audit", text.path, "-o", dir.appendingPathComponent("c.html").path]).status, 12)
        XCTAssertEqual(try CLI.run(["audit", dir.appendingPathComponent("none.pdf").path, "-o", dir.appendingPathComponent("d.html").path]).status, 10)
        // Nothing was written for any of them; the output may not be the input.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".html") }, [])
        XCTAssertEqual(try CLI.run(["audit", Self.planted, "-o", Self.planted]).status, 64)
    }

    func testRotatedPageIsDrawnInReadingOrientation() throws {
        // Page 7 turned by /Rotate 270: its table drawing is landscape-shaped like the words' space,
        // and every cell box holds ink in the rendered page.
        let path = Fixtures.root.appendingPathComponent("layouts/2017-11-operations-report.page7-rotated-270.pdf").path
        let prepared = PreparedReport(try ReportAudit.fromPDF(path: path))
        let doc = try PDFDocument(path: path)
        let page7 = try doc.page(7)
        XCTAssertEqual(page7.rotation, 270)
        let tables = prepared.tables.filter { $0.page == 7 }
        XCTAssertFalse(tables.isEmpty)
        let bitmap = try doc.render(page: 7, scale: 1, rotation: page7.rotation)
        XCTAssertEqual(Double(bitmap.width), page7.width, accuracy: 1)
        for t in tables {
            let image = try XCTUnwrap(t.image)
            XCTAssertEqual(Double(image.pixelWidth), (image.clip.width * image.scale).rounded(.up), accuracy: 1)
            for c in t.cells where !c.text.isEmpty { XCTAssertLessThan(bitmap.darkest(in: c.bbox), 160, "\(c.pointer) \(c.text)") }
        }
    }
}
