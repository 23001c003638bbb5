import Archive
import Foundation
import OpsReport
import Plot

extension AuditPage {
    /// Per series (table and measure) of the database, a small inline-SVG line chart: one point
    /// per month, disputed months (reports disagree) and restated months (a `restatement`
    /// finding) marked, missing months (inside the series' range, no value) as grey ticks. Each
    /// point links to the table drawing of the report and page that printed the value kept.
    func seriesSection(_ archive: ArchiveAudit) -> BodyNode {
        let groups = Dictionary(grouping: archive.series, by: { "\($0.table)\u{1F}\($0.measure)" })
        let keys = groups.keys.sorted()
        var nodes: [BodyNode] = [.id("series"), el("h2", .safe("Monthly series (\(keys.count))"))]
        if !archive.archiveFindings.isEmpty {
            nodes.append(el("h3", .safe("Archive findings")))
            nodes += archive.archiveFindings.map { findingEntry(AuditedFinding(finding: $0, page: nil, focus: nil, related: [], crop: nil)) }
        }
        nodes += keys.map { seriesChart(groups[$0]!, archive) }
        return el("section", nodes)
    }

    func seriesChart(_ points: [AuditSeriesMonth], _ archive: ArchiveAudit) -> BodyNode {
        let first = points[0]
        let months = MonthRange.months(from: points.map(\.month).min()!, to: points.map(\.month).max()!)
        let have = Set(points.map(\.month))
        let missing = months.filter { !have.contains($0) }
        let w = AuditTolerances.chartWidth, h = AuditTolerances.chartHeight
        let left = 48.0, right = 12.0, top = 10.0, bottom = 28.0
        let lo = min(0, points.map(\.value).min()!), hi = max(points.map(\.value).max()!, lo + 1)
        func x(_ m: String) -> Double {
            let i = Double(months.firstIndex(of: m) ?? 0)
            return left + (months.count > 1 ? i / Double(months.count - 1) : 0.5) * (w - left - right)
        }
        func y(_ v: Double) -> Double { top + (1 - (v - lo) / (hi - lo)) * (h - top - bottom) }
        func f(_ d: Double) -> String { String(format: "%.1f", d) }
        let line = points.map { "\(f(x($0.month))),\(f(y($0.value)))" }.joined(separator: " ")
        var svg: [BodyNode] = [
            .attr("class", "chart"), .attr("width", f(w)), .attr("height", f(h)), .attr("viewBox", "0 0 \(f(w)) \(f(h))"),
            .attr("xmlns", "http://www.w3.org/2000/svg"),
            .element(named: "polyline", nodes: [.attr("points", line), .attr("fill", "none"), .attr("stroke", "#06c")]),
            .element(named: "text", nodes: [.attr("x", "2"), .attr("y", f(y(hi) + 4)), .safe(AuditPage.number(hi, first.unit))]),
            .element(named: "text", nodes: [.attr("x", "2"), .attr("y", f(y(lo))), .safe(AuditPage.number(lo, first.unit))]),
            .element(named: "text", nodes: [.attr("x", f(left)), .attr("y", f(h - 4)), .safe(months.first ?? "")]),
            .element(named: "text", nodes: [.attr("x", f(w - right - 40)), .attr("y", f(h - 4)), .safe(months.last ?? "")]),
        ]
        for m in missing {
            svg.append(.element(named: "rect", nodes: [
                .attr("class", "missing"), .attr("data-month", m), .attr("x", f(x(m) - 2)), .attr("y", f(h - bottom - 4)),
                .attr("width", "4"), .attr("height", "12"), .element(named: "title", nodes: [.safe("\(m): no value (missing)")])]))
        }
        for p in points {
            let source = archive.reportIndex[p.sourceReportId].map { archive.reports[$0] }
            let prov = source?.report.provenance[p.sourcePointer]
            let status = p.restated ? "restated" : p.disputed ? "disputed" : "single"
            var where_ = source?.name ?? "report \(p.sourceReportId)"
            if let prov { where_ += ", page \(prov.page)" }
            let text = "\(p.month): \(AuditPage.number(p.value, p.unit)) — \(where_)"
                + (p.disputed ? "; \(p.reportCount) reports print \(p.distinctValues) different values" : "")
            let target = source.map { s in prov.map { "#\(s.anchor)-\(JSONPointer.section(p.sourcePointer))-p\($0.page)" } ?? "#\(s.anchor)" } ?? "#series"
            let circle: BodyNode = .element(named: "circle", nodes: [
                .attr("class", status), .attr("cx", f(x(p.month))), .attr("cy", f(y(p.value))),
                .attr("r", status == "single" ? "2.5" : "4.5"), .element(named: "title", nodes: [.safe(text)])])
            svg.append(.element(named: "a", nodes: [
                .attr("href", target), .attr("class", "point"), .attr("data-month", p.month), .attr("data-status", status),
                .attr("data-report", source?.name ?? ""), .attr("data-page", prov.map { String($0.page) } ?? ""), circle]))
        }
        let disputed = points.filter(\.disputed).count, restated = points.filter(\.restated).count
        return el("figure", .class("series"), .attr("data-table", first.table), .attr("data-measure", first.measure),
                  .attr("data-missing", String(missing.count)), .attr("data-disputed", String(disputed)),
                  .attr("data-restated", String(restated)),
                  el("figcaption", .safe("\(first.table) — \(first.measure): \(points.count) month(s), \(disputed) disputed, \(restated) restated, \(missing.count) missing")),
                  .element(named: "svg", nodes: svg))
    }

    /// `1149`, days `223.75`.
    static func number(_ v: Double, _ unit: String) -> String {
        unit == "days" ? String(format: "%.2f", v) : (v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v))
    }
}

/// Months `YYYY-MM` from one to another, inclusive.
enum MonthRange {
    static func months(from a: String, to b: String) -> [String] {
        func parse(_ s: String) -> Int? {
            let p = s.split(separator: "-")
            guard p.count == 2, let y = Int(p[0]), let m = Int(p[1]), (1...12).contains(m) else { return nil }
            return y * 12 + m - 1
        }
        guard let s = parse(a), let e = parse(b), s <= e, e - s < 1200 else { return [a] }
        return (s...e).map { String(format: "%04d-%02d", $0 / 12, $0 % 12 + 1) }
    }
}
