import Foundation

/// A tiny PDF writer for table fixtures: one or more pages of Helvetica text placed at known
/// positions, and ruling lines. Positions are PDF points with the origin at the top-left (the
/// tool's space); the writer turns them into PDF's bottom-left space.
struct TablePDFBuilder {
    struct Page { var ops: [String] = [] }
    var width = 612.0, height = 792.0
    private(set) var pages: [Page] = [Page()]

    /// Helvetica's advance width of a digit, in em (all digits are equally wide).
    static let digitWidth = 0.556

    /// Starts a new page; later text and rules go on it.
    mutating func newPage() { pages.append(Page()) }

    /// Text with its left end at `x` and its baseline at `baseline` (from the top).
    /// `mono`: Courier (every glyph 0.6 em wide) instead of Helvetica.
    mutating func text(_ s: String, x: Double, baseline: Double, size: Double = 10, mono: Bool = false) {
        let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
        pages[pages.count - 1].ops.append("BT /\(mono ? "F2" : "F1") \(size) Tf \(x) \(height - baseline) Td (\(escaped)) Tj ET")
    }

    /// A number right-aligned at `right` (digits only, so its width is known).
    mutating func number(_ s: String, right: Double, baseline: Double, size: Double = 10) {
        text(s, x: right - Double(s.count) * Self.digitWidth * size, baseline: baseline, size: size)
    }

    /// A ruling line from (x0, y0) to (x1, y1), `width` points thick.
    mutating func rule(x0: Double, y0: Double, x1: Double, y1: Double, width: Double = 0.75) {
        pages[pages.count - 1].ops.append("\(width) w \(x0) \(height - y0) m \(x1) \(height - y1) l S")
    }

    /// The document's bytes.
    func data() -> Data {
        var objects: [String] = []
        let n = pages.count
        // 1 catalog, 2 pages, 3 and 4 fonts, then per page: page object, content stream.
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        let kids = (0..<n).map { "\(5 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(n) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
        for (i, p) in pages.enumerated() {
            let content = p.ops.joined(separator: "\n")
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(6 + 2 * i) 0 R >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    /// Writes the document to a new temporary file and returns its path.
    func write(named name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-tables-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try data().write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// The fixture tables the tests generate, with the cells they must come out as.
enum TableFixtures {
    /// An unruled table under a caption: spanning headers ("North", "South") each centred over
    /// two year columns, a label wrapped over two lines, right-aligned numbers; a paragraph of
    /// prose below it.
    static func unruled() -> TablePDFBuilder {
        var b = TablePDFBuilder()
        b.text("Table 1: Fruit sales by region", x: 72, baseline: 100, size: 11)
        let rights = [230.0, 290, 370, 430]
        b.text("North", x: 232, baseline: 130)
        b.text("South", x: 372, baseline: 130)
        b.text("Fruit", x: 72, baseline: 145)
        for (i, y) in ["2019", "2020", "2019", "2020"].enumerated() { b.number(y, right: rights[i], baseline: 145) }
        let rows: [(String, [String], Double)] = [("Apples", ["120", "130", "140", "150"], 162),
                                                  ("Dried apricots and", ["15", "16", "17", "18"], 176),
                                                  ("Pears", ["200", "210", "220", "230"], 202)]
        for (label, values, y) in rows {
            b.text(label, x: 72, baseline: y)
            for (i, v) in values.enumerated() { b.number(v, right: rights[i], baseline: y) }
        }
        b.text("figs", x: 72, baseline: 187)
        b.text("The table above shows how many crates of each fruit were sold in the two regions over", x: 72, baseline: 260)
        b.text("the last two years; the figures are those reported by the cooperatives of each region.", x: 72, baseline: 273)
        return b
    }

    /// The cells `unruled()` must give: (row, col, colSpan, text).
    static let unruledCells: [(Int, Int, Int, String)] = [
        (0, 1, 2, "North"), (0, 3, 2, "South"),
        (1, 0, 1, "Fruit"), (1, 1, 1, "2019"), (1, 2, 1, "2020"), (1, 3, 1, "2019"), (1, 4, 1, "2020"),
        (2, 0, 1, "Apples"), (2, 1, 1, "120"), (2, 2, 1, "130"), (2, 3, 1, "140"), (2, 4, 1, "150"),
        (3, 0, 1, "Dried apricots and figs"), (3, 1, 1, "15"), (3, 2, 1, "16"), (3, 3, 1, "17"), (3, 4, 1, "18"),
        (4, 0, 1, "Pears"), (4, 1, 1, "200"), (4, 2, 1, "210"), (4, 3, 1, "220"), (4, 4, 1, "230"),
    ]

    /// A fully ruled 3 × 4 grid whose cells hold two lines where a rule, not the text, says
    /// they are one cell ("Unit price" over "(EUR)").
    static func ruled() -> TablePDFBuilder {
        var b = TablePDFBuilder()
        let xs = [72.0, 200, 300, 400], ys = [300.0, 330, 350, 370, 390]
        for y in ys { b.rule(x0: xs[0], y0: y, x1: xs[3], y1: y) }
        for x in xs { b.rule(x0: x, y0: ys[0], x1: x, y1: ys[4]) }
        b.text("Item", x: 76, baseline: 313); b.text("Unit price", x: 204, baseline: 313); b.text("Stock", x: 304, baseline: 313)
        b.text("(EUR)", x: 204, baseline: 325)
        let rows = [("Bolts", "0.10", "5000"), ("Nuts", "0.05", "7200"), ("Washers", "0.02", "900")]
        for (i, r) in rows.enumerated() {
            let y = ys[i + 1] + 14
            b.text(r.0, x: 76, baseline: y); b.text(r.1, x: 204, baseline: y); b.text(r.2, x: 304, baseline: y)
        }
        return b
    }

    static let ruledCells: [(Int, Int, Int, String)] = [
        (0, 0, 1, "Item"), (0, 1, 1, "Unit price (EUR)"), (0, 2, 1, "Stock"),
        (1, 0, 1, "Bolts"), (1, 1, 1, "0.10"), (1, 2, 1, "5000"),
        (2, 0, 1, "Nuts"), (2, 1, 1, "0.05"), (2, 2, 1, "7200"),
        (3, 0, 1, "Washers"), (3, 1, 1, "0.02"), (3, 2, 1, "900"),
    ]

    /// Justified typewriter prose (Courier, double spaces where a line was stretched, aligned from
    /// line to line) above a Courier table whose columns are four spaces apart.
    static func typewriter() -> TablePDFBuilder {
        var b = TablePDFBuilder()
        // Stretched lines whose double spaces happen to line up, as justification does.
        let prose = ["Estimates of  sampling error  are subject to",
                     "variability.  Thus, analysts  and users must",
                     "take care in  analyzing data  from complex",
                     "samples, and  in drawing any  inferences."]
        for (i, l) in prose.enumerated() { b.text(l, x: 72, baseline: 100 + Double(i) * 12, mono: true) }
        let rows = ["Age      Males    Females", "0-4      1,204    1,187", "5-9      1,311    1,290", "10-14    1,350    1,298"]
        for (i, r) in rows.enumerated() { b.text(r, x: 72, baseline: 200 + Double(i) * 12, mono: true) }
        return b
    }

    /// Both tables on one page, and a page of prose only.
    static func twoTablesAndProse() -> TablePDFBuilder {
        var b = unruled()
        let r = ruled()
        for op in r.pages[0].ops { b.append(op) }
        b.newPage()
        for i in 0..<12 {
            b.text("This page holds running text only, set in one column with ordinary word spacing, line \(i + 1).", x: 72, baseline: 100 + Double(i) * 14)
        }
        return b
    }
}

extension TablePDFBuilder {
    /// Appends a raw content operator to the current page.
    mutating func append(_ op: String) { pages[pages.count - 1].ops.append(op) }
}
