import XCTest
import OpsReport
import PDFLayout

/// Generated scans: pages of a born-digital report of the other producer (reportlab grid tables,
/// Helvetica; the corpus scans are all LibreOffice) rendered at 200 dpi, turned by a skew,
/// greyed and speckled, and written as an image-only PDF. Read back by OCR, their drivers and
/// helpdesk tables must equal the text report's truth: this is the family of "a scan of another
/// layout" that the corpus scans do not cover.
final class OCRSyntheticScanTests: XCTestCase {
    func testScanOfAGridTableReportReadsItsTruth() throws {
        let stem = "2017-11-operations-report"
        let doc = try PDFDocument(path: Fixtures.pdf(stem))
        // Page 1 (title) and the pages that print the two tables, found from the text layer.
        let pages = try (1...doc.pageCount).filter { n in
            let text = try doc.page(n).words.map(\.text).joined(separator: " ")
            return n == 1 || text.contains("Grand") || text.contains("Applications")
        }
        XCTAssertEqual(pages.count, 3)
        let bitmaps = try pages.enumerated().map { i, n in
            ImagePDF.scanned(try doc.render(page: n, scale: 200 / 72), degrees: [0.6, -0.8, 0.9][i % 3], seed: UInt64(n))
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-synth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("\(stem).image-only.pdf").path
        try ImagePDF.write(bitmaps, to: path)

        let r = try ReportExtractor.extract(path: path)
        let t = try Fixtures.truth(stem)
        XCTAssertEqual(r.variant, "image-only")
        XCTAssertEqual(r.period, t.period)
        var right = 0, total = 0, wrong: [String] = []
        func check<T: Equatable>(_ p: String, _ a: T?, _ b: T?) { total += 1; if a == b { right += 1 } else { wrong.append("\(p): \(String(describing: a)) vs \(String(describing: b))") } }
        for (i, row) in (t.drivers?.rows ?? []).enumerated() {
            let e = i < (r.drivers?.rows.count ?? 0) ? r.drivers?.rows[i] : nil
            check("drivers/\(i)/driver", e?.driver, row.driver); check("drivers/\(i)/days", e?.days, row.days)
        }
        check("drivers/grand_total", r.drivers?.grandTotal, t.drivers?.grandTotal)
        for (i, row) in (t.helpdesk?.rows ?? []).enumerated() {
            let e = i < (r.helpdesk?.rows.count ?? 0) ? r.helpdesk?.rows[i] : nil
            check("helpdesk/\(i)/category", e?.category, row.category)
            for (j, v) in row.counts.enumerated() { check("helpdesk/\(i)/\(j)", e.flatMap { j < $0.counts.count ? $0.counts[j] : nil }, v) }
        }
        check("helpdesk/months", r.helpdesk?.months, t.helpdesk?.months)
        let pct = 100 * Double(right) / Double(total)
        print("synthetic scan of \(stem): right \(right)/\(total) = \(String(format: "%.1f", pct)) %; wrong: \(wrong)")
        XCTAssertGreaterThanOrEqual(pct, 98, "\(wrong)")
    }
}
