import PDFLayout

/// Thousands groups printed with a space (no-break, thin, figure) arrive as separate words
/// (`1` `109`): this stage finds the separator's width on a table and joins the groups.
public enum DigitGroups {
    /// Whether `w` may be a 3-digit thousands group following `last` on one line.
    public static func isGroupPair(_ last: Word, _ w: Word, settings: TableSettings) -> Bool {
        let em = w.em
        let gap = w.bbox.x0 - last.bbox.x1
        return w.text.count == 3 && w.text.allSatisfy(\.isNumber) && last.text.last?.isNumber == true && last.text.count <= 7
            && gap > 0 && gap < settings.digitGroupGap * em && abs(w.bbox.midY - last.bbox.midY) < 0.3 * w.bbox.height
    }

    /// The width of the space printed inside numbers (`1 109` with a no-break or thin space).
    /// The separator is one glyph, so its gaps agree to `TableSettings.separatorAgreement` em;
    /// gaps between columns vary with the widths of the values, but narrow columns of values of
    /// one width can repeat one gap too. So each gap shared by candidate pairs (a number and a
    /// following 3-digit group) is tried, and the one whose pairs are most often one number
    /// and least often two columns' cells (`columnEdges`, `ColumnEdges.apart`) wins: pairs
    /// kept less pairs shown apart, which must be positive (a column gap that values of one
    /// width repeat has many pairs shown apart; the separator's pairs, next to none). `nil`
    /// without such a gap, or when the numbers show another convention (`printsOtherGrouping`).
    public static func separatorGap(_ lines: [TextLine], settings: TableSettings = .standard) -> Double? {
        separators(lines, settings: settings).first.flatMap { $0.dominant ? $0.gap : nil }
    }

    /// The thousands separator's width found on a table, and how sure it is.
    public struct Separator: Sendable, Equatable {
        /// The gap, in PDF points, between a number's groups.
        public var gap: Double
        /// Whether the pairs at `gap` kept as one number outnumber those shown apart
        /// (`separatorGap`'s rule): the gap is then the separator's on its own evidence. When
        /// it is not dominant (a monospaced face whose space is as wide as the gap between its
        /// columns repeats that gap between cells), joining at `gap` is one reading for the
        /// caller to check against the header band.
        public var dominant: Bool
    }

    /// Every candidate gap with pairs kept as one number, best first: those whose evidence is
    /// dominant (`separatorGap`'s rule) by their score, then the others by the pairs they keep.
    /// A column gap that values of one width repeat can outscore the separator (a thin space
    /// inside numbers and a narrow column gap, both keeping every pair at them), so the caller
    /// checks each joined reading against the header band, best first.
    public static func separators(_ lines: [TextLine], settings: TableSettings = .standard) -> [Separator] {
        guard !printsOtherGrouping(lines, settings: settings) else { return [] }
        var pairs: [(a: Word, b: Word, gap: Double, em: Double)] = []
        for l in lines {
            for (a, b) in zip(l.words, l.words.dropFirst()) where isGroupPair(a, b, settings: settings) {
                pairs.append((a, b, b.bbox.x0 - a.bbox.x1, b.em))
            }
        }
        var candidates: [(gap: Double, count: Int)] = []
        for p in pairs where !candidates.contains(where: { abs($0.gap - p.gap) <= settings.separatorAgreement * p.em }) {
            candidates.append((p.gap, pairs.filter { abs($0.gap - p.gap) <= settings.separatorAgreement * p.em }.count))
        }
        var scored: [(sep: Separator, rank: Int)] = []
        for c in candidates.sorted(by: { $0.count > $1.count }).prefix(settings.separatorCandidates) {
            let edges = columnEdges(lines, separatorGap: c.gap, settings: settings)
            let at = pairs.filter { abs($0.gap - c.gap) <= settings.separatorAgreement * $0.em }
            let apart = at.filter { edges.apart($0.a, $0.b) }.count
            let score = (at.count - apart) - apart   // pairs kept as one number, less pairs shown to be two cells
            if score > 0 { scored.append((Separator(gap: c.gap, dominant: true), score)) }
            else if at.count > apart { scored.append((Separator(gap: c.gap, dominant: false), at.count - apart)) }
        }
        // Dominant ones first, then by rank; candidates of one rank keep the order of their pair counts.
        func key(_ e: (offset: Int, element: (sep: Separator, rank: Int))) -> (Int, Int, Int) { (e.element.sep.dominant ? 1 : 0, e.element.rank, -e.offset) }
        return scored.enumerated().sorted { key($0) > key($1) }.map(\.element.sep)
    }

    /// The alignment edges of a table's value columns, taken only from words whose role is
    /// certain: right edges of words that end a number (not the first part of a candidate
    /// pair), left edges of words that start one (not a following group), centres of words in
    /// no pair; only edges of the columns' alignment count (one such word makes an edge: columns
    /// may hold a single value). A candidate pair whose two parts each sit on an
    /// edge of one kind (`apart`) is two cells of neighbouring columns printed close together
    /// (`194` `215` under two months), not one number with a space separator.
    public struct ColumnEdges: Sendable {
        var right: [Double] = [], left: [Double] = [], centre: [Double] = []
        var tolerance = 0.0
        /// No edges: every candidate pair is joined.
        public init() {}
        init(right: [Double], left: [Double], centre: [Double], tolerance: Double) {
            self.right = right; self.left = left; self.centre = centre; self.tolerance = tolerance
        }

        /// Whether `a` and `b` sit on edges of one kind (right, left or centre) each.
        public func apart(_ a: Word, _ b: Word) -> Bool {
            func on(_ x: Double, _ edges: [Double]) -> Bool { edges.contains { abs($0 - x) <= tolerance } }
            return (on(a.bbox.x1, right) && on(b.bbox.x1, right)) || (on(a.bbox.x0, left) && on(b.bbox.x0, left))
                || (on(a.bbox.midX, centre) && on(b.bbox.midX, centre))
        }
    }

    /// The `ColumnEdges` of `lines` given the separator's gap.
    public static func columnEdges(_ lines: [TextLine], separatorGap gap: Double, settings: TableSettings = .standard) -> ColumnEdges {
        var ends: [Double] = [], starts: [Double] = [], alone: [Double] = [], aloneEnds: [Double] = [], aloneStarts: [Double] = []
        var em = 0.0
        for l in lines {
            let ws = l.words
            var first = [Bool](repeating: false, count: ws.count), second = first
            for i in ws.indices.dropLast() where isPair(ws[i], ws[i + 1], gap: gap, settings: settings) { first[i] = true; second[i + 1] = true }
            for (i, w) in ws.enumerated() where w.text.contains(where: \.isNumber) && NumberText.isNumeric(w.text) && !isYear(w.text) {
                em = max(em, w.em)
                if !first[i] { ends.append(w.bbox.x1) }
                if !second[i] { starts.append(w.bbox.x0) }
                if !first[i] && !second[i] { alone.append(w.bbox.midX); aloneEnds.append(w.bbox.x1); aloneStarts.append(w.bbox.x0) }
            }
        }
        let tolerance = settings.edgeAgreement * em
        // The columns' alignment: the edge kind on which the values of no pair collapse to the
        // fewest positions (right-aligned values of different widths share right edges only).
        // Only that kind's edges count: the other kinds coincide by chance (a group `579` starts
        // where the 3-digit values of its right-aligned column start).
        func positions(_ xs: [Double]) -> Int {
            var n = 0, last = -Double.infinity
            for x in xs.sorted() where x - last > tolerance { n += 1; last = x }
            return n
        }
        let counts = [positions(aloneEnds), positions(alone), positions(aloneStarts)]
        switch counts.indices.min(by: { counts[$0] < counts[$1] }) {
        case 1: return ColumnEdges(right: [], left: [], centre: alone, tolerance: tolerance)
        case 2: return ColumnEdges(right: [], left: starts, centre: [], tolerance: tolerance)
        default: return ColumnEdges(right: ends, left: [], centre: [], tolerance: tolerance)
        }
    }

    /// A four-digit word that can be a year (1900–2099): header bands print years (over one
    /// month or centred over several), so such a word marks no value column's edge either.
    static func isYear(_ text: String) -> Bool {
        text.count == 4 && text.allSatisfy(\.isNumber) && Int(text).map { (1900...2099).contains($0) } == true
    }

    /// One year or several glued (`20192019`: header cells printed without a gap).
    static func isYears(_ digits: String) -> Bool {
        let d = Array(digits)
        guard !d.isEmpty, d.count % 4 == 0 else { return false }
        return stride(from: 0, to: d.count, by: 4).allSatisfy { isYear(String(d[$0..<($0 + 4)])) }
    }

    /// A candidate pair whose gap is the separator's.
    static func isPair(_ last: Word, _ w: Word, gap: Double, settings: TableSettings) -> Bool {
        let em = w.em
        return isGroupPair(last, w, settings: settings) && abs((w.bbox.x0 - last.bbox.x1) - gap) <= settings.separatorAgreement * em
    }

    /// Whether the table's numbers show another thousands convention, so none of them uses a
    /// space: a value grouped with a comma (`1,879`), or at least
    /// `TableSettings.wholeNumberEvidence` values of four or more integer digits printed whole
    /// (`2031`); a single such word is no convention (hidden text glued to a value, `104` `9`
    /// `208` read as one word). A four-digit word that can be a year (1900–2099) is no
    /// evidence, nor are years glued together (`20192019`): header bands print years.
    static func printsOtherGrouping(_ lines: [TextLine], settings: TableSettings = .standard) -> Bool {
        var whole = 0
        for l in lines {
            for w in l.words {
                let t = NumberText.normalise(w.text)
                let integer = t.split(separator: ".", maxSplits: 1).first.map(String.init) ?? t
                let digits = integer.filter(\.isNumber)
                guard !digits.isEmpty, integer.allSatisfy({ $0.isNumber || $0 == "," || $0 == "-" || $0 == "\u{2212}" }) else { continue }
                if integer.contains(","), NumberText.parseInt(integer) != nil { return true }
                if isYears(digits) { continue }
                if digits.count >= 4 && !integer.contains(",") { whole += 1 }
                if whole >= settings.wholeNumberEvidence { return true }
            }
        }
        return false
    }

    /// Joins thousands groups split by a (no-break, thin) space: `12` `345` → one word
    /// `12 345`, when their gap is the separator's (`separatorGap`) and the two parts are not
    /// cells of two columns (`edges`).
    public static func joinDigitGroups(_ line: TextLine, separatorGap gap: Double, edges: ColumnEdges = ColumnEdges(), settings: TableSettings = .standard) -> TextLine {
        var out: [Word] = []
        for w in line.words {
            if let last = out.last, isPair(last, w, gap: gap, settings: settings), !edges.apart(last, w) {
                var m = last
                m.text = last.text + " " + w.text
                m.bbox = last.bbox.union(w.bbox)
                out[out.count - 1] = m
            } else {
                out.append(w)
            }
        }
        return TextLine(words: out, page: line.page)
    }
}
