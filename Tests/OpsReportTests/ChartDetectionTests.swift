import XCTest
import PDFLayout
import TableLayout

/// Charts are not tables: the tick labels of a dual-axis line chart line up like a table's
/// cells, but its plot area is drawn with curves (`ChartInk`). Generated charts of several
/// shapes (seeded random series, one to three of them, thin and thick lines) are not read as
/// tables, while the same labels without the curves are.
final class ChartDetectionTests: XCTestCase {
    /// A dual-axis chart: tick labels down both sides, month labels under the plot, and
    /// `series` random-walk polylines over the plot area when `curves` is set.
    func chart(seed: UInt64, series: Int, lineWidth: Double, curves: Bool) -> TablePDFBuilder {
        var b = TablePDFBuilder()
        var rng = seed &* 6364136223846793005 &+ 1442695040888963407
        func random() -> Double { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Double(rng >> 11) / Double(1 << 53) }
        let top = 150.0, pitch = 24.0, ticks = 9, left = 110.0, right = 470.0
        b.text("Figure 3: Spread against the benchmark (bp)", x: 100, baseline: top - 30, size: 10)
        for i in 0..<ticks {
            let y = top + Double(i) * pitch
            b.number(String((ticks - 1 - i) * 50), right: left - 6, baseline: y + 3, size: 8)
            b.number(String((ticks - 1 - i) * 25), right: right + 30, baseline: y + 3, size: 8)
        }
        let bottom = top + Double(ticks - 1) * pitch
        for (k, month) in ["Jan-08", "Jul-08", "Jan-09", "Jul-09", "Jan-10", "Jul-10"].enumerated() {
            b.text(month, x: left + Double(k) * 66, baseline: bottom + 16, size: 8)
        }
        b.rule(x0: left, y0: top, x1: left, y1: bottom, width: 0.5)
        b.rule(x0: left, y0: bottom, x1: right, y1: bottom, width: 0.5)
        guard curves else { return b }
        for _ in 0..<series {
            var y = top + random() * (bottom - top)
            var x = left
            while x < right {
                let nx = min(right, x + 2 + random() * 4)
                let ny = min(bottom, max(top, y + (random() - 0.5) * 14))
                b.rule(x0: x, y0: y, x1: nx, y1: ny, width: lineWidth)
                x = nx; y = ny
            }
        }
        return b
    }

    func testLineChartsAreNotTablesButTheirLabelsAloneAre() throws {
        for seed in UInt64(1)...6 {
            let series = 1 + Int(seed % 3), width = [0.6, 1.0, 1.6][Int(seed % 3)]
            let labels = try PDFDocument(path: try chart(seed: seed, series: series, lineWidth: width, curves: false).write(named: "labels-\(seed).pdf"))
            XCTAssertFalse(try TableDetector.tables(in: labels)[0].tables.isEmpty,
                           "seed \(seed): the tick labels alone line up as a table (else this test shows nothing)")
            let drawn = try PDFDocument(path: try chart(seed: seed, series: series, lineWidth: width, curves: true).write(named: "chart-\(seed).pdf"))
            let tables = try TableDetector.tables(in: drawn)[0].tables
            XCTAssertEqual(tables.count, 0, "seed \(seed), \(series) series, \(width) pt: a chart read as \(tables.map(\.grid))")
        }
    }

    func testRuledAndUnruledTablesAreNotCharts() throws {
        // Rules and text: all ink is text or straight runs.
        for fixture in [TableFixtures.ruled(), TableFixtures.unruled()] {
            let doc = try PDFDocument(path: try fixture.write(named: "plain-\(UUID().uuidString).pdf"))
            let page = try doc.page(1)
            let found = try TableDetector.tables(in: doc)[0].tables
            XCTAssertEqual(found.count, 1)
            let bitmap = try doc.render(page: 1, scale: DetectionSettings.standard.renderScale)
            for t in found {
                XCTAssertLessThanOrEqual(ChartInk.curveShare(in: t.bbox, bitmap: bitmap, words: page.words, em: 10),
                                         DetectionSettings.standard.chartInkShare / 4, "a table's ink is text and straight runs")
            }
        }
    }
}
