import CPoppler
import Foundation

/// Prints a `VariantContent` as an Operations Report PDF under a `VariantLayout`: title,
/// running header, headings, lead-in sentences, the drivers table and three month tables with
/// their captions, page breaks where the page is full.
final class VariantPrinter {
    let c: PDFCanvas
    let layout: VariantLayout
    let content: VariantContent
    var rng: SeededRandom
    var y = 0.0
    var pageWidth = 595.28
    let pageHeight = 841.89
    let top = 70.0
    var bottom: Double { pageHeight - 70 }
    var pageNumber = 0
    /// Draw operations of the current page (drawn at the page's end, shuffled when asked).
    var ops: [() -> Void] = []
    /// Whether a row was broken by a page break (`VariantLayout.splitRows`).
    var splitRowPrinted = false

    init(path: String, layout: VariantLayout, content: VariantContent, seed: UInt64) {
        c = PDFCanvas(path: path)
        self.layout = layout; self.content = content
        rng = SeededRandom(seed: seed ^ 0xBADC0DE)
    }

    static let monthShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthCorpus = ["Jan", "Feb", "Mar", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
    static let monthFull = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    func print() {
        startPage(width: 595.28)
        let title = "Operations Report \u{2014} \(Self.monthFull[content.month - 1]) \(content.year)"
        emit(title, x: 68, baseline: 130, size: 16, bold: true)
        emit("1. Purpose", x: 68, baseline: 170, size: 12, bold: true)
        emit("This paper gives the monthly update of activities in support of the Code.", x: 68, baseline: 190, size: layout.size)
        y = 230
        printDrivers()
        printMonthTable(heading: "4. Helpdesk Activities", lead: "The enquiries have been grouped into the following categories:",
                        caption: "Table 2: SECAS Helpdesk Emails", rows: content.helpdesk, total: content.helpdeskTotal,
                        start: layout.helpdeskStart, allowEmpty: false)
        printMonthTable(heading: "5. SEC Website Update and Statistics", lead: "Below are some key statistics relating to the website:",
                        caption: "Table 3: SEC Website Statistics", rows: content.website, total: nil, start: 0.15, allowEmpty: false)
        printMonthTable(heading: "7. Party Statistics", lead: "The table below gives the changes in membership:",
                        caption: "Table 4: Party Statistics", rows: content.party, total: nil, start: 0.15, allowEmpty: true)
        endPage()
        c.finish()
    }

    // MARK: pages and drawing

    func startPage(width: Double) {
        pageWidth = width
        cairo_pdf_surface_set_size_(c, width: width, height: pageHeight)
        pageNumber += 1
        let ref = "SECP_99_\(String(format: "%02d", content.month))01_11 \u{2013} Operations Report \u{2013} \(Self.monthFull[content.month - 1]) \(content.year)"
        emit(ref, x: 62, baseline: 44, size: 7.5)
        emit("This document has a Classification of White    Page \(pageNumber)", x: 220, baseline: 808, size: 7.5)
        y = top
    }

    func endPage() {
        if layout.shuffled { ops.shuffle(using: &rng) }
        for op in ops { op() }
        ops = []
        c.newPage()
    }

    func emit(_ s: String, x: Double, baseline: Double, size: Double, bold: Bool = false, grey: Double = 0) {
        let family = layout.family
        ops.append { [c] in c.font(family, bold: bold, size: size); c.text(s, x: x, baseline: baseline, grey: grey) }
    }

    func width(_ s: String, size: Double, bold: Bool = false) -> Double {
        c.font(layout.family, bold: bold, size: size); return c.width(s)
    }

    /// A label as drawn: ligature code points when the layout asks for them.
    func drawn(_ label: String) -> String {
        layout.ligatures ? label.replacingOccurrences(of: "fi", with: "\u{FB01}").replacingOccurrences(of: "fl", with: "\u{FB02}") : label
    }

    func emitLabel(_ s: String, x: Double, baseline: Double, size: Double) {
        emit(drawn(s), x: x, baseline: baseline, size: size)
        if layout.fakeBold > 0 { emit(drawn(s), x: x + layout.fakeBold, baseline: baseline, size: size) }
    }

    /// Greedy word wrap of `label` into lines no wider than `limit` points.
    func wrap(_ label: String, size: Double, limit: Double) -> [String] {
        var lines: [String] = []
        for word in label.split(separator: " ").map(String.init) {
            if let last = lines.last, width(last + " " + word, size: size) <= limit { lines[lines.count - 1] = last + " " + word } else { lines.append(word) }
        }
        return lines
    }

    func number(_ v: Int?, allowEmpty: Bool) -> String? {
        guard let v else { return nil }
        if v < 0 { return layout.minus + (number(-v, allowEmpty: allowEmpty) ?? "0") }
        if v == 0 { return layout.zero.isEmpty && !allowEmpty ? "0" : (layout.zero.isEmpty ? nil : layout.zero) }
        let digits = String(v)
        guard !layout.thousands.isEmpty, digits.count > 3 else { return digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += layout.thousands }
            out.append(ch)
        }
        return out
    }

    /// Emits a value aligned in the column `[x0, x1]`.
    func emitValue(_ s: String, x0: Double, x1: Double, baseline: Double, size: Double) -> Double {
        let w = width(s, size: size)
        let x: Double
        switch layout.align {
        case .right: x = x1 - w
        case .centre: x = (x0 + x1 - w) / 2
        case .left: x = x0
        }
        emit(s, x: x, baseline: baseline, size: size)
        return x + w
    }

    func heading(_ text: String, lead: String) {
        emit(text, x: 68, baseline: y + 12, size: 12, bold: true)
        emit(lead, x: 68, baseline: y + 12 + 2.2 * layout.size, size: layout.size)
        y += 12 + 3.4 * layout.size
    }

    func caption(_ text: String) {
        let s = layout.size
        emit(text, x: 200, baseline: y + 1.3 * s, size: s, bold: true)
        y += 3 * s
    }
}

/// `cairo_pdf_surface_set_size` for the canvas's surface (applies to the page being started).
func cairo_pdf_surface_set_size_(_ c: PDFCanvas, width: Double, height: Double) {
    cairo_pdf_surface_set_size(c.surface, width, height)
}
