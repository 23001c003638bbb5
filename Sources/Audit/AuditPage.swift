import Foundation
import OpsReport
import Plot

/// Body nodes of the audit page.
typealias BodyNode = Node<HTML.BodyContext>

/// An element named `name` holding `nodes` (attributes and children).
func el(_ name: String, _ nodes: BodyNode...) -> BodyNode { .element(named: name, nodes: nodes) }
func el(_ name: String, _ nodes: [BodyNode]) -> BodyNode { .element(named: name, nodes: nodes) }

/// The audit page: one self-contained HTML document (images inlined as `data:` URIs, no
/// external file), built with Plot. Everything taken from a PDF or a database is escaped.
///
/// DOM contract (what the browser test reads): `#summary` with `data-reports`, `data-cells`,
/// `data-findings`; one `article.finding` per finding (`data-code`, `data-severity`,
/// `data-pointer`, `data-page`, `data-bbox` = the cell's box `x0,y0,x1,y1` in PDF points), holding
/// `figure.crop` (`data-clip` = the box of the page shown, `data-scale` = pixels per point) with an
/// `img` (width/height in pixels) and an SVG overlay of `rect.focus`/`rect.related`;
/// `figure.table-drawing` per table and page with one `rect.cell` per cell (`data-status`); one
/// `figure.series` per series of a database; the `body` gets `data-audit-ready` from the inline
/// script once every image has decoded (each `img` gets `data-natural-width`/`-height`).
public struct AuditPage {
    public var title: String
    public var reports: [PreparedReport]
    /// For a database: the archive (series and unattached findings).
    public var archive: ArchiveAudit?

    public init(title: String, reports: [PreparedReport], archive: ArchiveAudit? = nil) {
        self.title = title; self.reports = reports; self.archive = archive
    }

    /// The HTML document.
    public func render() -> String {
        let html = HTML(
            .head(
                .meta(.charset(.utf8)),
                .element(named: "title", nodes: [.safe(title)]),
                .element(named: "style", nodes: [.raw(Self.css)])),
            .body(.group(body())))
        return html.render()
    }

    func body() -> [BodyNode] {
        var nodes: [BodyNode] = [el("h1", .safe(title)), summary()]
        if let archive { nodes.append(seriesSection(archive)) }
        nodes += reports.map(reportSection)
        nodes.append(.element(named: "script", nodes: [.raw(Self.script)]))
        return nodes
    }

    /// Reports, cells by status and findings by severity.
    func summary() -> BodyNode {
        var cells: [CellStatus: Int] = [:]
        for r in reports { for (s, n) in r.statuses.counts { cells[s, default: 0] += n } }
        let findings = reports.flatMap { $0.audit.report.findings } + (archive?.archiveFindings ?? [])
        let totalCells = cells.values.reduce(0, +)
        func row(_ label: String, _ value: Int, _ cls: String) -> BodyNode {
            el("tr", .class(cls), el("th", .safe(label)), el("td", .safe(String(value))))
        }
        var rows = [row("reports", reports.count, "reports"), row("cells", totalCells, "cells")]
        rows += CellStatus.allCases.map { row("cells \($0.rawValue)", cells[$0] ?? 0, "status-\($0.rawValue)") }
        rows += Finding.Severity.allCases.reversed().map { s in
            row("findings: \(s.rawValue)", findings.filter { $0.severity == s }.count, "severity-\(s.rawValue)")
        }
        return el("section", .id("summary"), .attr("data-reports", String(reports.count)), .attr("data-cells", String(totalCells)),
                  .attr("data-findings", String(findings.count)),
                  el("h2", .safe("Summary")), el("table", rows), legend())
    }

    func legend() -> BodyNode {
        el("p", .class("legend"), .group(CellStatus.allCases.map { s in
            el("span", .class("swatch status-\(s.rawValue)"), .safe(s.rawValue))
        }))
    }

    static let css = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
        table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:2px 8px;text-align:left}
        .finding{border:1px solid #bbb;border-left:6px solid #999;margin:1em 0;padding:.5em 1em}
        .finding.severity-error{border-left-color:#c00}.finding.severity-warning{border-left-color:#e90}
        .finding.severity-info{border-left-color:#39c}
        figure{margin:.5em 0}.frame{position:relative;display:inline-block;border:1px solid #888}
        .frame img{display:block}.frame svg{position:absolute;left:0;top:0}
        rect.focus{fill:none;stroke:#d00;stroke-width:3}rect.related{fill:none;stroke:#06c;stroke-width:2;stroke-dasharray:5 3}
        rect.cell{stroke-width:1;fill-opacity:.28}
        .status-read{fill:#2a2;background:#bfb}.status-corrected{fill:#06c;background:#bdf}
        .status-flagged{fill:#e00;background:#fbb}.status-unreadable{fill:#f80;background:#fd9}
        rect.cell.status-read{stroke:#2a2}rect.cell.status-corrected{stroke:#06c}rect.cell.status-flagged{stroke:#e00}
        rect.cell.status-unreadable{stroke:#f80}
        .swatch{padding:1px 8px;margin-right:6px;border-radius:3px}.note{color:#a40;font-weight:bold}
        dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dt{font-weight:bold}dd{margin:0}
        .printed{font:bold 16px monospace}svg.chart circle.disputed{fill:#e90}svg.chart circle.restated{fill:#c00}
        figure.series{display:inline-block;vertical-align:top;width:424px;margin:6px;border:1px solid #ddd;padding:4px}
        figure.series figcaption{font-size:12px}
        svg.chart circle{fill:#06c}svg.chart .missing{fill:#999}svg.chart text{font:10px sans-serif}
        """

    /// Marks each image with its decoded size and the body as ready; a failure is visible as a
    /// missing marker (and in the browser console).
    static let script = """
        window.addEventListener('load', function () {
          var imgs = document.querySelectorAll('img');
          var ok = 0;
          imgs.forEach(function (img) {
            img.setAttribute('data-natural-width', img.naturalWidth);
            img.setAttribute('data-natural-height', img.naturalHeight);
            if (img.complete && img.naturalWidth > 0) ok++;
          });
          document.body.setAttribute('data-images-decoded', ok + '/' + imgs.length);
          document.body.setAttribute('data-audit-ready', document.querySelectorAll('article.finding').length);
        });
        """
}
