import Foundation
import XCTest
@testable import Archive
@testable import Audit
import OpsReport
import PDFLayout
import Reconcile

/// What every `opsreport audit` page must satisfy in headless Chromium: one entry per finding,
/// crops that decode to their stated size and show the finding's cell, no script error.
/// Screenshots and pages are kept in `$TMPDIR/opsreport-audit-screenshots/`.
class AuditPageTestCase: XCTestCase {
    var dir: URL!
    static let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-audit-screenshots")

    override func setUpWithError() throws {
        dir = try ArchiveSupport.tempDir("audit")
        addTeardownBlock { [dir] in try? FileManager.default.removeItem(at: dir!) }
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
    }

    static let planted = Fixtures.root.appendingPathComponent("layouts/2017-11-operations-report.planted-grand-total.pdf").path

    /// Checks what every audit page must satisfy in the browser; returns the DOM.
    func loadAndCheck(_ html: URL, name: String, expectedFindings: Int) throws -> String {
        let load = try Browser.load(html, screenshot: Self.screenshots.appendingPathComponent(name + ".png"),
                                    profile: dir.appendingPathComponent("profile-\(name)"))
        let dom = load.dom
        let kept = Self.screenshots.appendingPathComponent(name + ".html")
        try? FileManager.default.removeItem(at: kept)
        try FileManager.default.copyItem(at: html, to: kept)
        XCTAssertFalse(load.console.contains("Uncaught"), "script error: \(load.console)")
        let body = try XCTUnwrap(DOM.tags("body", in: dom).first)
        // The inline script ran after the load event and counted the entries.
        XCTAssertEqual(body["data-audit-ready"], String(expectedFindings))
        XCTAssertEqual(DOM.elements("article", class: "finding", in: dom).count, expectedFindings)
        // Every image decoded in the browser at the size its PNG header and its attributes give.
        let imgs = DOM.tags("img", in: dom)
        XCTAssertEqual(body["data-images-decoded"], "\(imgs.count)/\(imgs.count)")
        for img in imgs {
            let src = try XCTUnwrap(img["src"])
            XCTAssertTrue(src.hasPrefix("data:image/png;base64,"))
            let png = try XCTUnwrap(Data(base64Encoded: String(src.dropFirst("data:image/png;base64,".count))))
            let size = try XCTUnwrap(PageImage.pngSize([UInt8](png)))
            XCTAssertEqual(img["width"], String(size.width)); XCTAssertEqual(img["height"], String(size.height))
            XCTAssertEqual(img["data-natural-width"], String(size.width)); XCTAssertEqual(img["data-natural-height"], String(size.height))
        }
        return dom
    }

    /// The crop of each finding contains its cell, its outline is the cell's box at the crop's
    /// scale, and its pixel size is the clip at that scale.
    func checkCrops(_ dom: String, doc: PDFDocument) throws -> Int {
        var cropped = 0
        for (a, inner) in DOM.elements("article", class: "finding", in: dom) {
            guard let fig = DOM.tags("figure", class: "crop", in: inner).first else { continue }
            cropped += 1
            let bbox = DOM.box(a["data-bbox"]), clip = DOM.box(fig["data-clip"])
            let scale = try XCTUnwrap(Double(fig["data-scale"] ?? ""))
            XCTAssertEqual(bbox.count, 4); XCTAssertEqual(clip.count, 4)
            XCTAssertTrue(clip[0] <= bbox[0] && clip[1] <= bbox[1] && clip[2] >= bbox[2] && clip[3] >= bbox[3], "crop \(clip) misses the cell \(bbox)")
            let img = try XCTUnwrap(DOM.tags("img", in: inner).first)
            XCTAssertEqual(Double(img["width"]!)!, ((clip[2] - clip[0]) * scale).rounded(.up), accuracy: 1)
            let focus = try XCTUnwrap(DOM.tags("rect", class: "focus", in: inner).first)
            XCTAssertEqual(Double(focus["x"]!)!, (bbox[0] - clip[0]) * scale, accuracy: 0.1)
            XCTAssertEqual(Double(focus["y"]!)!, (bbox[1] - clip[1]) * scale, accuracy: 0.1)
            XCTAssertEqual(Double(focus["width"]!)!, (bbox[2] - bbox[0]) * scale, accuracy: 0.2)
            // What a person sees in the outline: the printed word, in ink.
            let page = try XCTUnwrap(Int(a["data-page"] ?? ""))
            let cell = BBox(x0: bbox[0], y0: bbox[1], x1: bbox[2], y1: bbox[3])
            let words = try doc.page(page).words.filter { $0.bbox.xOverlap(cell) > 0 && $0.bbox.yOverlap(cell) > 0 }
            let printed = DOM.elements("dd", class: "printed", in: inner).first.map { DOM.decode($0.inner) }
            if let printed { XCTAssertEqual(words.map(\.text).joined(separator: " "), printed) }
            XCTAssertLessThan(try doc.render(page: page, scale: scale).darkest(in: cell), 128, "no ink in the outlined cell")
        }
        return cropped
    }

}

/// The audit page of the corpus report with a planted Grand Total, in Chromium.
final class AuditBrowserTests: AuditPageTestCase {
    func testPlantedGrandTotalPageInChromium() throws {
        let out = dir.appendingPathComponent("planted.html")
        let run = try CLI.run(["audit", Self.planted, "-o", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = Reconciler.reconcile(try ReportExtractor.extract(path: Self.planted))
        let dom = try loadAndCheck(out, name: "planted-grand-total", expectedFindings: report.findings.count)
        // The planted error: the Grand Total printed 443.86 on page 3.
        let entry = try XCTUnwrap(DOM.elements("article", class: "finding", in: dom).first { $0.attributes["data-code"] == "grand_total_mismatch" })
        XCTAssertEqual(entry.attributes["data-pointer"], "/drivers/grand_total")
        XCTAssertEqual(entry.attributes["data-page"], "3")
        XCTAssertEqual(DOM.box(entry.attributes["data-bbox"]), report.findings[0].bbox?.array)
        XCTAssertTrue(entry.inner.contains("443.86") && entry.inner.contains("434.86"))
        // The related cells (the driver rows and the narrative total on that page) are outlined.
        XCTAssertEqual(DOM.tags("rect", class: "related", in: entry.inner).count,
                       report.findings[0].related.filter { report.provenance[$0]?.page == 3 }.count)
        XCTAssertEqual(try checkCrops(dom, doc: PDFDocument(path: Self.planted)), 1)
        // Every cell of every table is drawn, once, coloured by its status.
        let cells = DOM.tags("rect", class: "cell", in: dom)
        XCTAssertEqual(cells.count, report.provenance.count)
        XCTAssertEqual(cells.filter { ($0["class"] ?? "").contains("status-corrected") }.map { $0["data-pointer"] }, ["/drivers/grand_total"])
        let summary = try XCTUnwrap(DOM.tags("section", in: dom).first { $0["id"] == "summary" })
        XCTAssertEqual(summary["data-findings"], String(report.findings.count))
        XCTAssertEqual(summary["data-cells"], String(report.provenance.count))
    }
}
