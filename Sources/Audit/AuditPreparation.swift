import Foundation
import OpsReport
import PDFLayout

/// A finding with what the page shows of it.
public struct AuditedFinding: Sendable {
    public var finding: Finding
    /// Page and box of the finding's cell: the finding's own, else its pointer's provenance.
    public var page: Int?
    public var focus: BBox?
    /// Whether `focus` was derived from the cell's row and column (`DerivedBox`): the cell has
    /// no box of its own (its value could not be read).
    public var focusIsDerived = false
    /// The related cells printed on the same page, with their boxes.
    public var related: [(pointer: String, bbox: BBox)]
    /// The crop around the cell and the related cells (nil without a PDF or a box).
    public var crop: PageImage?
}

/// One table (a report section) on one page, drawn over the page image.
public struct AuditedTable: Sendable {
    public var section: String
    public var page: Int
    public var cells: [(pointer: String, bbox: BBox, text: String, status: CellStatus)]
    public var image: PageImage?
}

/// Everything the page shows of one report.
public struct PreparedReport: Sendable {
    public var audit: ReportAudit
    public var findings: [AuditedFinding]
    public var tables: [AuditedTable]
    public var statuses: CellStatuses
    /// Why some images are missing (the PDF could not be opened or rendered).
    public var imageProblems: [String]

    /// Locates every finding and table of `audit` and renders their images from its PDF.
    public init(_ audit: ReportAudit) {
        self.audit = audit
        let report = audit.report
        let statuses = CellStatuses(report)
        self.statuses = statuses
        imageProblems = []
        var images: PageImages?
        var problems: [String] = []
        if let pdf = audit.pdfPath {
            do { images = try PageImages(path: pdf, password: audit.password) } catch {
                problems.append("\(pdf): cannot be opened for crops: \((error as? PDFLayoutError)?.message ?? "\(error)")")
            }
        }
        func render(_ body: (PageImages) throws -> PageImage) -> PageImage? {
            guard let images else { return nil }
            do { return try body(images) } catch {
                problems.append("\((error as? PDFLayoutError)?.message ?? "\(error)")")
                return nil
            }
        }
        self.findings = report.findings.map { f in
            let prov = report.provenance[f.pointer]
            var page = f.page ?? prov?.page
            var focus = f.bbox ?? prov?.bbox
            var derived = false
            if focus == nil, let d = DerivedBox.box(for: f.pointer, in: report.provenance), page == nil || page == d.page {
                page = d.page; focus = d.bbox; derived = true
            }
            let related = f.related.compactMap { p -> (pointer: String, bbox: BBox)? in
                guard let r = report.provenance[p], r.page == page else { return nil }
                return (p, r.bbox)
            }
            var item = AuditedFinding(finding: f, page: page, focus: focus, focusIsDerived: derived, related: related, crop: nil)
            if let page, let focus {
                let h = max(focus.height, AuditTolerances.minimumCellHeight)
                item.crop = render {
                    try $0.crop(page: page, around: [focus] + related.map(\.bbox),
                                marginX: h * AuditTolerances.cropMarginSideLines, marginY: h * AuditTolerances.cropMarginLines,
                                scale: AuditTolerances.cropScale, maxPixels: AuditTolerances.cropMaxPixels)
                }
            }
            return item
        }
        let groups = Dictionary(grouping: report.provenance, by: { "\(JSONPointer.section($0.key))\u{1F}\($0.value.page)" })
        var tables: [AuditedTable] = []
        for (_, entries) in groups {
            let first = entries[0]
            let cells = entries.map { (pointer: $0.key, bbox: $0.value.bbox, text: $0.value.text, status: statuses.byPointer[$0.key] ?? .read) }
                .sorted { ($0.bbox.y0, $0.bbox.x0, $0.pointer) < ($1.bbox.y0, $1.bbox.x0, $1.pointer) }
            var table = AuditedTable(section: JSONPointer.section(first.key), page: first.value.page, cells: cells, image: nil)
            let heights = cells.map { max($0.bbox.height, AuditTolerances.minimumCellHeight) }.sorted()
            let margin = heights[heights.count / 2] * AuditTolerances.tableMarginLines
            table.image = render {
                try $0.crop(page: table.page, around: cells.map(\.bbox), marginX: margin, marginY: margin,
                            scale: AuditTolerances.tableScale, maxPixels: .infinity)
            }
            tables.append(table)
        }
        self.tables = tables.sorted { ($0.page, $0.cells.first?.bbox.y0 ?? 0, $0.section) < ($1.page, $1.cells.first?.bbox.y0 ?? 0, $1.section) }
        imageProblems = Array(Set(problems)).sorted()
    }

    /// Anchor of a table drawing in the page.
    public func anchor(of table: AuditedTable) -> String { "\(audit.anchor)-\(table.section)-p\(table.page)" }
}
