import PDFLayout

/// What the OCR layer read in one table cell.
public struct OCRCellReading: Sendable, Equatable {
    /// 1-based page and the cell's box in PDF points (deskewed page, origin top-left, y down).
    public var page: Int
    public var bbox: BBox
    /// Whether the cell's column holds numbers (so it was read again with digits only).
    public var numeric: Bool
    /// Reading with any character allowed, words joined by one space.
    public var free: String
    /// Reading with the column's characters only (digits and separators); `nil` when not read so.
    public var constrained: String?
    /// Lowest word confidence (0–100) of the reading the cell's words were taken from.
    public var confidence: Double
    /// What the document's own OCR text layer prints in the cell (`nil`: no text layer).
    public var textLayer: String? = nil

    public init(page: Int, bbox: BBox, numeric: Bool, free: String, constrained: String?, confidence: Double, textLayer: String? = nil) {
        self.page = page; self.bbox = bbox; self.numeric = numeric; self.free = free
        self.constrained = constrained; self.confidence = confidence; self.textLayer = textLayer
    }
}

/// The characters a numeric column allows: digits and the separators of counts, days and dates.
let numericWhitelist = "0123456789,.-/"

/// Reads every cell of a table on its own: first with any character, then, in columns that
/// hold numbers, again with digits and separators only.
struct CellReader {
    let engine: TesseractEngine

    struct Read { var cell: GridCell; var tokens: [OCRToken]; var free: String; var constrained: [OCRToken]? }

    /// Tokens of every non-empty cell of `grid` in page pixels, and what was read per cell.
    func read(_ grid: TableGrid, in img: GreyImage) -> [Read] {
        let inset = max(1, img.px(OCRTolerances.cellInset)), pad = OCRTolerances.cellPadding
        var reads: [Read] = []
        var crops: [Int: (GreyImage, Int, Int, Bool)] = [:]
        var img = img
        let pieces = grid.cells.flatMap { splitRows($0, grid, &img) }.flatMap { split($0, grid, img) }
        for cell in pieces {
            let r = cell.rect
            var interior = img.crop(x0: r.x0 + inset, y0: r.y0 + inset, x1: r.x1 - inset, y1: r.y1 - inset)
            // Light text on a dark fill that was not found as a band: turn the cell over.
            if interior.median() < 128 { interior.invert(x0: 0, y0: 0, x1: interior.width, y1: interior.height) }
            interior.whitenBackground(x0: 0, y0: 0, x1: interior.width, y1: interior.height)
            guard let ink = interior.textBox(gap: img.px(OCRTolerances.specGap)),
                  ink.count >= OCRTolerances.minCellInk else { continue }
            let crop = interior.crop(x0: ink.x0, y0: ink.y0, x1: ink.x1, y1: ink.y1, pad: pad)
            let ox = r.x0 + inset + ink.x0 - pad, oy = r.y0 + inset + ink.y0 - pad
            let oneLine = Double(ink.y1 - ink.y0) <= OCRTolerances.maxSingleLineInk * img.scale
            let tokens = engine.read(pixels: crop.pixels, width: crop.width, height: crop.height, ppi: img.dpi, segmentation: oneLine ? .line : .block)
                .filter { !Self.isJunk($0) }.map { shifted(Self.snapped($0, to: crop), ox, oy) }
            crops[reads.count] = (crop, ox, oy, oneLine)
            reads.append(Read(cell: cell, tokens: tokens, free: tokens.map(\.text).joined(separator: " "), constrained: nil))
        }
        // Columns of numbers, and the first body row (rows above it are headers).
        let columns = Set(reads.map(\.cell.column))
        var numericColumns = Set<Int>()
        for c in columns {
            let inCol = reads.filter { $0.cell.column == c && $0.cell.colSpan == 1 }
            let numeric = inCol.filter { Self.looksNumeric($0.free) }.count
            if inCol.count >= 2, Double(numeric) >= OCRTolerances.numericColumnShare * Double(inCol.count) { numericColumns.insert(c) }
        }
        guard !numericColumns.isEmpty else { return reads }
        let rows = Set(reads.map(\.cell.row)).sorted()
        let firstBody = rows.first { r in
            let cells = reads.filter { $0.cell.row == r && numericColumns.contains($0.cell.column) }
            return !cells.isEmpty && cells.filter { Self.looksNumeric($0.free) }.count * 2 >= cells.count
        } ?? Int.max
        for i in reads.indices where numericColumns.contains(reads[i].cell.column) && reads[i].cell.colSpan == 1 && reads[i].cell.row >= firstBody {
            guard let (crop, dx, dy, oneLine) = crops[i] else { continue }
            var t: [OCRToken] = []
            // Line mode first; a lone digit often comes back empty from it, so then word, then
            // character. A cell of several lines (two dates) is read as a block first, as freely.
            for mode in (oneLine ? [] : [OCRSegmentation.block]) + [.line, .word, .character] where t.isEmpty {
                t = engine.read(pixels: crop.pixels, width: crop.width, height: crop.height, ppi: img.dpi, segmentation: mode, whitelist: numericWhitelist)
            }
            reads[i].constrained = t.map { var s = shifted(Self.snapped($0, to: crop), dx, dy); s.text = Self.groupingComma(s.text); return s }
        }
        return reads
    }

    /// A cell merged across columns (no rule crosses it) is read in pieces at the table's column
    /// boundaries that no ink crosses: a header band printed without inner rules holds one
    /// header per column, while a label that really spans columns keeps its piece whole.
    func split(_ cell: GridCell, _ grid: TableGrid, _ img: GreyImage) -> [GridCell] {
        guard cell.colSpan > 1 else { return [cell] }
        let inset = max(1, img.px(OCRTolerances.cellInset)), clear = max(1, img.px(OCRTolerances.cellInset))
        var interior = img.crop(x0: cell.rect.x0, y0: cell.rect.y0 + inset, x1: cell.rect.x1, y1: cell.rect.y1 - inset)
        if interior.median() < 128 { interior.invert(x0: 0, y0: 0, x1: interior.width, y1: interior.height) }
        interior.whitenBackground(x0: 0, y0: 0, x1: interior.width, y1: interior.height)
        var cuts: [Int] = []
        for c in (cell.column + 1)..<(cell.column + cell.colSpan) {
            let x = grid.columns[c] - cell.rect.x0
            if interior.inkBox(x0: x - clear, y0: 0, x1: x + clear + 1, y1: interior.height) == nil { cuts.append(c) }
        }
        guard !cuts.isEmpty else { return [cell] }
        var out: [GridCell] = [], start = cell.column
        for c in cuts + [cell.column + cell.colSpan] {
            out.append(GridCell(rect: PixelRect(x0: grid.columns[start], y0: cell.rect.y0, x1: grid.columns[c], y1: cell.rect.y1),
                                row: cell.row, column: start, rowSpan: cell.rowSpan, colSpan: c - start))
            start = c
        }
        return out
    }

    /// A cell merged across rows is cut at the table's row boundaries where, across the cell,
    /// there is only paper or a faint rule the rule finder missed (which is erased): a rule too
    /// thin to be found whole must not merge two rows of numbers. Text crossing the boundary (a
    /// label spanning rows) keeps the cell whole.
    func splitRows(_ cell: GridCell, _ grid: TableGrid, _ img: inout GreyImage) -> [GridCell] {
        let d = max(2, img.px(OCRTolerances.maxRuleThickness)), inset = max(1, img.px(OCRTolerances.cellInset))
        let x0 = cell.rect.x0 + inset, x1 = cell.rect.x1 - inset, w = x1 - x0
        guard w > 4 else { return [cell] }
        let level = UInt8(Double(RulingLines.paperLevel(img)) * OCRTolerances.ruleShareOfPaper)
        var cuts: [Int] = [], ruleRows: [Int] = []
        for r in (cell.row + 1)..<max(cell.row + 1, cell.row + cell.rowSpan) {
            let y = grid.rows[r]
            // Inky rows around the boundary: a rule makes a few (at most its thickness), text
            // crossing the boundary makes them all.
            var rows: [Int] = []
            for yy in max(0, y - d)..<min(img.height, y + d + 1) {
                var n = 0
                for x in x0..<x1 where img.pixels[yy * img.width + x] <= level { n += 1 }
                if n > w / 20 { rows.append(yy) }
            }
            if rows.count <= d / 2 + 1 { cuts.append(r); ruleRows += rows }
        }
        for y in ruleRows { img.whiten(x0: x0 - inset, y0: y - 1, x1: x1 + inset, y1: y + 2) }
        var ys = cuts.map { grid.rows[$0] }
        ys += faintRules(x0: x0, x1: x1, y0: cell.rect.y0 + 2 * d, y1: cell.rect.y1 - 2 * d, in: &img, level: level)
        ys = ys.sorted()
        guard !ys.isEmpty else { return [cell] }
        var out: [GridCell] = [], top = cell.rect.y0
        for y in ys + [cell.rect.y1] {
            out.append(GridCell(rect: PixelRect(x0: cell.rect.x0, y0: top, x1: cell.rect.x1, y1: y),
                                row: cell.row, column: cell.column, rowSpan: 1, colSpan: cell.colSpan))
            top = y
        }
        return out
    }

    /// Rows of a merged cell crossed by a faint rule the rule finder missed altogether: a thin
    /// run of rows nearly all ink across the cell, with clear paper just above and below. Erased.
    func faintRules(x0: Int, x1: Int, y0: Int, y1: Int, in img: inout GreyImage, level: UInt8) -> [Int] {
        guard y1 > y0, x1 > x0 else { return [] }
        let w = x1 - x0, thick = max(2, img.px(OCRTolerances.maxRuleThickness))
        func fill(_ y: Int) -> Double {
            guard y >= 0, y < img.height else { return 0 }
            var n = 0
            for x in x0..<x1 where img.pixels[y * img.width + x] <= level { n += 1 }
            return Double(n) / Double(w)
        }
        let f = (y0..<y1).map(fill)
        var out: [Int] = [], y = 0
        while y < f.count {
            guard f[y] >= OCRTolerances.minRuleFill * 0.9 else { y += 1; continue }
            var e = y
            while e + 1 < f.count && f[e + 1] >= OCRTolerances.minRuleFill * 0.9 { e += 1 }
            let clear = fill(y0 + y - 3) < OCRTolerances.maxRuleSideInk && fill(y0 + e + 3) < OCRTolerances.maxRuleSideInk
            if e - y + 1 <= thick && clear {
                img.whiten(x0: x0, y0: y0 + y - 1, x1: x1, y1: y0 + e + 2)
                out.append(y0 + (y + e) / 2)
            }
            y = e + 1
        }
        return out
    }

    /// Glyphs that reach below the baseline: a token without any has its baseline at its ink's bottom.
    static let descenders = Set("gjpqyQ,;()[]{}|/_@$")

    /// `t` with its box grown to the ink it covers. Tesseract's LSTM recogniser sometimes
    /// returns a lone glyph's box shrunk inside its ink and its line's baseline raised, and
    /// the type size derived from that box then reads as a smaller, raised mark (a footnote
    /// marker) instead of the value. The glyphs the box touches are followed from the ink
    /// inside it (8-connected pixels, `OCRTolerances.inkLevel`) out to at most
    /// `OCRTolerances.inkSnapReach` of the line height beyond it; the box grows to their ink.
    /// Ink not connected to the box's own (the next word) is never taken. The baseline moves
    /// down to the ink's bottom when the token has no descender glyph; the line's top moves up
    /// to the ink's top. Boxes in `img`'s pixels.
    static func snapped(_ t: OCRToken, to img: GreyImage) -> OCRToken {
        let reach = max(1, Int((OCRTolerances.inkSnapReach * Double(max(t.lineHeight, t.y1 - t.y0))).rounded()))
        guard let ink = img.connectedInkBox(seeds: (t.x0, t.y0, t.x1, t.y1), reach: reach) else { return t }
        var s = t
        s.x0 = min(t.x0, ink.x0); s.y0 = min(t.y0, ink.y0); s.x1 = max(t.x1, ink.x1); s.y1 = max(t.y1, ink.y1)
        if !t.text.contains(where: descenders.contains), s.y1 > s.baseline { s.baseline = s.y1 }
        s.lineTop = min(s.lineTop, s.y0)
        return s
    }

    func shifted(_ t: OCRToken, _ dx: Int, _ dy: Int) -> OCRToken {
        var t = t; t.x0 += dx; t.x1 += dx; t.y0 += dy; t.y1 += dy; t.baseline += dy; t.lineTop += dy; return t
    }

    /// A point followed by exactly three digits is a thousands separator misread (Tesseract
    /// confuses `,` and `.` at scan resolution; no value of a count or days column has three
    /// decimals): `4.979` → `4,979`, `1.234.567` → `1,234,567`.
    static func groupingComma(_ s: String) -> String {
        let c = Array(s)
        var out = c
        for i in c.indices where c[i] == "." && i > 0 && c[i - 1].isNumber {
            let rest = c[(i + 1)...].prefix { $0.isNumber }
            let after = i + 1 + rest.count
            if rest.count == 3 && (after == c.count || c[after] == "," || c[after] == ".") { out[i] = "," }
        }
        return String(out)
    }

    /// A token with neither letters nor digits (other than a dash), read with low confidence:
    /// a speck Tesseract turned into `.` or `'`.
    static func isJunk(_ t: OCRToken) -> Bool {
        !t.text.contains { $0.isLetter || $0.isNumber } && !t.text.allSatisfy({ "-–—".contains($0) }) && t.confidence < OCRTolerances.junkConfidence
    }

    /// Mostly digits: at least half the characters, and at most one letter.
    static func looksNumeric(_ s: String) -> Bool {
        let chars = s.filter { !$0.isWhitespace }
        guard !chars.isEmpty else { return false }
        if chars.allSatisfy({ "-–—".contains($0) }) { return true }
        let digits = chars.filter(\.isNumber).count, letters = chars.filter(\.isLetter).count
        return digits * 2 >= chars.count && letters <= 1
    }
}
