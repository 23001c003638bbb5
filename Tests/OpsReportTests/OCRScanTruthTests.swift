import XCTest
import OpsReport
@testable import Reconcile

/// The scans of the corpus read with Tesseract (tables cell by cell), extracted and reconciled,
/// against their truth files: every printed cell (labels, groups, months and meetings included,
/// `TruthComparison`) is right, or wrong with a finding naming it, or wrong and unflagged.
final class OCRScanTruthTests: XCTestCase {
    /// Per report: lowest share of right cells (%) and most wrong-and-unflagged cells reached.
    static let targets: [String: (right: Double, wrongUnflagged: Int)] = [
        "2017-06-operations-report.scanned": (99, 0),
        "2017-12-operations-report.scanned": (99, 0),
        "2017-12-operations-report.image-only": (99, 0),
    ]

    struct Score { var right = 0, flagged = 0, wrongUnflagged = 0, total = 0; var unflagged: [String] = [] }

    /// Scores `extracted` (reconciled) against `truth`.
    static func score(_ extracted: Report, truth: Report) -> Score {
        let r = Reconciler.reconcile(extracted)
        let cmp = TruthComparison(extracted: r, truth: truth)
        var marks = Set<String>()
        for f in r.findings { marks.insert(f.pointer); marks.formUnion(f.related) }
        var s = Score(right: cmp.matched, total: cmp.total)
        for m in cmp.mismatches {
            let pointer = String(m.prefix { $0 != ":" })
            if flagged(pointer, marks) { s.flagged += 1 } else { s.wrongUnflagged += 1; s.unflagged.append(m) }
        }
        return s
    }

    /// Whether a finding names the comparison pointer's cell, its row or table (a finding on a
    /// table or row covers its cells), or, for a table's length, anything in the table.
    static func flagged(_ pointer: String, _ marks: Set<String>) -> Bool {
        var p = pointer
        if p.hasPrefix("/voting_groups") { return marks.contains { $0.hasPrefix("/voting_groups") || $0 == "/narrative/voting_groups" } }
        // "/helpdesk/rows/3/5" → "/helpdesk/rows/3/counts/5"; "/helpdesk/rows/3/label" → ".../category".
        let parts = p.split(separator: "/").map(String.init)
        let labelKey = ["helpdesk": "category", "website": "metric", "party_statistics": "measure"]
        let valueKey = ["helpdesk": "counts", "website": "values", "party_statistics": "counts"]
        if parts.count == 4, parts[1] == "rows", let lk = labelKey[parts[0]], let vk = valueKey[parts[0]] {
            p = "/\(parts[0])/rows/\(parts[2])/" + (parts[3] == "label" ? lk : "\(vk)/\(parts[3])")
        }
        if p.hasSuffix("/length") { let table = String(p.dropLast("/length".count)); return marks.contains { $0.hasPrefix(table) } }
        return marks.contains { m in p == m || p.hasPrefix(m + "/") }
    }

    func testScansAreReadCellByCellToTheirTruth() throws {
        for (stem, target) in Self.targets.sorted(by: { $0.key < $1.key }) {
            let s = Self.score(try Fixtures.extracted(stem), truth: try Fixtures.truth(stem))
            let pct = 100 * Double(s.right) / Double(s.total)
            print("\(stem): right \(s.right)/\(s.total) = \(String(format: "%.1f", pct)) %, wrong and flagged \(s.flagged), wrong and unflagged \(s.wrongUnflagged)")
            XCTAssertGreaterThanOrEqual(pct, target.right, stem)
            XCTAssertLessThanOrEqual(s.wrongUnflagged, target.wrongUnflagged, "\(stem): \(s.unflagged)")
        }
    }

    func testImageOnlyVariantAndOCRProvenance() throws {
        let r = try Fixtures.extracted("2017-12-operations-report.image-only")
        XCTAssertEqual(r.variant, "image-only")
        // Its first pages are read (and found to be a report) before the others.
        let pages = r.source.pages
        XCTAssertEqual(try Fixtures.ocrRuns("2017-12-operations-report.image-only"),
                       pages > ReportExtractor.reportProbePages ? [ReportExtractor.reportProbePages, pages - ReportExtractor.reportProbePages] : [pages])
        let truth = try Fixtures.truth("2017-12-operations-report.image-only")
        XCTAssertEqual(r.period, truth.period)
        // A helpdesk cell came from its cell's OCR, with a confidence.
        let p = try XCTUnwrap(r.provenance["/helpdesk/rows/0/counts/0"])
        XCTAssertEqual(p.source, "cell_ocr")
        XCTAssertNotNil(p.confidence)
        XCTAssertEqual(r.helpdesk?.rows.first?.counts.first ?? nil, truth.helpdesk?.rows.first?.counts.first ?? nil)
    }

    func testBornDigitalProvenanceHasNoOCRKeys() throws {
        let r = try Fixtures.extracted("2017-12-operations-report")
        XCTAssertEqual(r.variant, "text")
        XCTAssertTrue(r.provenance.values.allSatisfy { $0.source == nil && $0.confidence == nil })
        let json = String(decoding: try ReportCoding.encode(r), as: UTF8.self)
        XCTAssertFalse(json.contains("\"confidence\""))
    }
}
