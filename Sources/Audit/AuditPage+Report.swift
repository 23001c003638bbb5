import Foundation
import OpsReport
import PDFLayout
import Plot

extension AuditPage {
    /// One report: heading, notes, findings with crops, tables over their page images.
    func reportSection(_ r: PreparedReport) -> BodyNode {
        let report = r.audit.report
        var nodes: [BodyNode] = [
            .id(r.audit.anchor), .class("report"),
            el("h2", .safe("\(report.title ?? report.period ?? "Report") — \(r.audit.name)")),
            el("p", .safe("period \(report.period ?? "unknown"), \(report.source.pages) page(s), \(report.findings.count) finding(s), \(report.provenance.count) cell(s) with provenance")),
        ]
        for note in [r.audit.pdfNote].compactMap({ $0 }) + r.imageProblems {
            nodes.append(el("p", .class("note"), .safe(note)))
        }
        nodes.append(el("h3", .safe("Findings")))
        nodes += r.findings.map(findingEntry)
        if !r.tables.isEmpty {
            nodes.append(el("h3", .safe("Tables as read")))
            nodes.append(legend())
            nodes += r.tables.map { tableDrawing($0, anchor: r.anchor(of: $0)) }
        }
        return el("section", nodes)
    }

    static func boxText(_ b: BBox) -> String { b.array.map { String(format: "%.2f", $0) }.joined(separator: ",") }

    func findingEntry(_ a: AuditedFinding) -> BodyNode {
        let f = a.finding
        var attrs: [BodyNode] = [.class("finding severity-\(f.severity.rawValue)"), .attr("data-code", f.code),
                                 .attr("data-severity", f.severity.rawValue), .attr("data-pointer", f.pointer)]
        if let p = a.page { attrs.append(.attr("data-page", String(p))) }
        if let b = a.focus { attrs.append(.attr("data-bbox", Self.boxText(b))) }
        if a.focusIsDerived { attrs.append(.attr("data-bbox-derived", "row-and-column")) }
        var facts: [BodyNode] = []
        func fact(_ k: String, _ v: String, _ cls: String = "") { facts += [el("dt", .safe(k)), el("dd", .class(cls), .safe(v))] }
        fact("cell", f.pointer.isEmpty ? "(the archive)" : f.pointer + (a.page.map { ", page \($0)" } ?? ""))
        if a.focusIsDerived { fact("box", "not read; placed from its row's and column's cells") }
        if let p = f.printed { fact("printed", p, "printed") }
        if let e = f.expected { fact("expected", Self.plain(e)) }
        if let s = f.suggestion {
            fact("suggestion", "\(Self.plain(s.value)) (\(s.confidence.rawValue) confidence)")
            fact("rationale", s.rationale)
        }
        if !f.related.isEmpty { fact("related", f.related.joined(separator: ", ")) }
        if let rep = f.report { fact("report", rep) }
        var body: [BodyNode] = attrs + [
            el("h4", .safe("\(f.severity.rawValue): \(f.code)")), el("p", .class("message"), .safe(f.message)), el("dl", facts)]
        if let crop = a.crop, let focus = a.focus {
            let rects = [Self.rect(crop.pixels(focus), cls: "focus", pointer: f.pointer)]
                + a.related.map { Self.rect(crop.pixels($0.bbox), cls: "related", pointer: $0.pointer) }
            body.append(figure(crop, cls: "crop", overlay: rects))
        }
        return el("article", body)
    }

    /// An image with an SVG overlay of the same pixel size.
    func figure(_ image: PageImage, cls: String, overlay: [BodyNode], extra: [BodyNode] = []) -> BodyNode {
        let w = String(image.pixelWidth), h = String(image.pixelHeight)
        let img: BodyNode = .selfClosedElement(named: "img", attributes: [
            .attribute(named: "src", value: image.dataURI), .attribute(named: "width", value: w),
            .attribute(named: "height", value: h), .attribute(named: "alt", value: "page \(image.page)")])
        let svg: BodyNode = .element(named: "svg", nodes: [
            .attr("width", w), .attr("height", h), .attr("viewBox", "0 0 \(w) \(h)"),
            .attr("xmlns", "http://www.w3.org/2000/svg")] + overlay)
        return el("figure", [.class(cls), .attr("data-page", String(image.page)), .attr("data-clip", Self.boxText(image.clip)),
                             .attr("data-scale", String(format: "%.4f", image.scale))] + extra
                  + [el("div", .class("frame"), img, svg),
                     el("figcaption", .safe("page \(image.page), box \(Self.boxText(image.clip)) pt"))])
    }

    static func rect(_ px: BBox, cls: String, pointer: String, title: String? = nil) -> BodyNode {
        var nodes: [BodyNode] = [.attr("class", cls), .attr("data-pointer", pointer),
                                 .attr("x", String(format: "%.1f", px.x0)), .attr("y", String(format: "%.1f", px.y0)),
                                 .attr("width", String(format: "%.1f", px.width)), .attr("height", String(format: "%.1f", px.height))]
        if let title { nodes.append(.element(named: "title", nodes: [.safe(title)])) }
        return .element(named: "rect", nodes: nodes)
    }

    func tableDrawing(_ t: AuditedTable, anchor: String) -> BodyNode {
        guard let image = t.image else {
            return el("p", .id(anchor), .class("table-missing"), .safe("\(t.section), page \(t.page): \(t.cells.count) cell(s), no page image"))
        }
        let rects = t.cells.map { c in
            Self.rect(image.pixels(c.bbox), cls: "cell status-\(c.status.rawValue)", pointer: c.pointer,
                      title: "\(c.pointer): \(c.text) (\(c.status.rawValue))")
        }
        return el("div", .id(anchor), el("h4", .safe("\(t.section), page \(t.page)")),
                  figure(image, cls: "table-drawing", overlay: rects, extra: [.attr("data-table", t.section)]))
    }

    /// A finding value as plain text: `Core`, `1149`, `223.75`, `[1, 2]`.
    static func plain(_ v: JSONValue) -> String {
        switch v {
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(format: "%.2f", d)
        case .string(let s): return s
        case .array(let a): return "[" + a.map(plain).joined(separator: ", ") + "]"
        case .null: return ""
        }
    }
}
