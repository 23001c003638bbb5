/// A seeded random number generator (SplitMix64): the same seed gives the same variant.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &self)] }
    mutating func uniform(_ r: ClosedRange<Double>) -> Double { Double.random(in: r, using: &self) }
}

/// How the month headers of a month table are printed.
enum HeaderForm: CaseIterable {
    /// `Jan-17` on one line.
    case dashYY
    /// `Jan-` over `17`, some columns unwrapped (`Jul-17`) and centred on the band.
    case wrappedDash
    /// `Jan 2017` on one line.
    case spaceYear
    /// `Jan` over `2017`.
    case wrappedYear
    /// A spanning year line (`2016`, `2017`) over month names without years.
    case spanningYear
}

/// How month names are spelled in headers without a two-digit year.
enum MonthNames: CaseIterable { case short, corpus, full }

/// How a numeric value sits in its column.
enum Alignment: CaseIterable { case right, centre, left }

/// Text a person cannot see, drawn right after a visible value.
enum HiddenText: CaseIterable { case none, white, covered }

/// The random choices of one layout variant: fonts, sizes, gaps, alignments, header forms,
/// zeros, separators, page breaks, drawing order and the quirks other extractors trip on.
struct VariantLayout {
    var family: String
    var size: Double
    /// Header font size (points): may be smaller than the body (7 pt headers).
    var headerSize: Double
    /// Smallest white space between two value columns (points), down to 2.
    var gap: Double
    var align: Alignment
    var headerForm: HeaderForm
    var monthNames: MonthNames
    /// The label column's header (`Category`), or none; where it sits in a two-line band.
    var labelHeader: Bool
    var labelHeaderPlacement: Int // 0 top, 1 centred, 2 bottom
    /// Zero printed as `0`, `-`, `–`, or left empty (empty only where no total depends on it).
    var zero: String
    /// Thousands separator: `,`, a no-break space, a thin space or none.
    var thousands: String
    var captionAbove: Bool
    /// Cells drawn in a random order instead of reading order.
    var shuffled: Bool
    /// Labels overprinted with this horizontal offset (points) to fake bold; 0 for none.
    var fakeBold: Double
    /// Labels printed with ligature code points (U+FB01 ﬁ, U+FB02 ﬂ).
    var ligatures: Bool
    /// A raised footnote digit after one driver's days.
    var superscript: Bool
    var hidden: HiddenText
    /// Wrapped labels: values centred on the label's lines (true) or on its first line.
    var centredValues: Bool
    /// Widest label line before it wraps (points).
    var labelWrap: Double
    /// Extra space between rows, in font sizes.
    var rowGap: Double
    /// Where on its page the helpdesk table starts (fraction of the page), to force page breaks.
    var helpdeskStart: Double
    /// Whether a table continued on a new page repeats its header band.
    var repeatHeader: Bool
    /// A wrapped row that meets the page's foot is broken: values and its first label line on
    /// one page, the rest of the label on the next.
    var splitRows: Bool
    /// Columns printed unwrapped (`Jul-17`) in a `.wrappedDash` header; `nil` for a random few.
    var unwrapped: Set<Int>? = nil
    /// The minus sign of negative values (`-`, U+2212 `−`, en dash).
    var minus = "-"
    /// Group labels of the drivers table centred on their rows (true) or at the first row.
    var centredGroups: Bool

    /// A plain layout: one sans font at 9 pt, right-aligned values 8 pt apart, `Jan-17`
    /// headers, zeros as `0`, commas, captions below, reading order, no quirks. Tests switch on
    /// one quirk at a time.
    static var plain: VariantLayout {
        var l = VariantLayout(seed: 0)
        l.family = "DejaVu Sans"; l.size = 9; l.headerSize = 9; l.gap = 8; l.align = .right; l.headerForm = .dashYY
        l.monthNames = .short; l.labelHeader = false; l.labelHeaderPlacement = 1; l.zero = "0"; l.thousands = ","
        l.captionAbove = false; l.shuffled = false; l.fakeBold = 0; l.ligatures = false; l.superscript = false
        l.hidden = .none; l.centredValues = true; l.labelWrap = 120; l.rowGap = 0.6; l.helpdeskStart = 0.2
        l.repeatHeader = true; l.centredGroups = true; l.splitRows = false
        return l
    }

    init(seed: UInt64) {
        var r = SeededRandom(seed: seed)
        family = r.pick(["DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif", "DejaVu Sans Mono", "Liberation Sans Narrow"])
        size = r.pick([7, 8, 8.5, 9, 10, 11])
        headerSize = r.chance(0.3) ? min(size, 7) : size
        gap = r.pick([2, 3, 4, 6, 8, 12, 16])
        align = r.chance(0.7) ? .right : r.pick(Alignment.allCases)
        headerForm = r.pick(HeaderForm.allCases)
        monthNames = r.pick(MonthNames.allCases)
        labelHeader = r.chance(0.6)
        labelHeaderPlacement = Int.random(in: 0...2, using: &r)
        zero = r.pick(["0", "0", "-", "\u{2013}", ""])
        thousands = r.pick([",", ",", "\u{00A0}", "\u{2009}", ""])
        captionAbove = r.chance(0.35)
        shuffled = r.chance(0.3)
        fakeBold = r.chance(0.2) ? r.pick([0.3, 0.6, 1.0, 1.4]) : 0
        ligatures = r.chance(0.3)
        superscript = r.chance(0.3)
        hidden = r.chance(0.3) ? r.pick([.white, .covered]) : .none
        centredValues = r.chance(0.7)
        labelWrap = r.uniform(70...170)
        rowGap = r.pick([0.25, 0.4, 0.6, 0.9])
        helpdeskStart = r.chance(0.35) ? r.uniform(0.55...0.8) : r.uniform(0.1...0.3)
        repeatHeader = r.chance(0.5)
        centredGroups = r.chance(0.6)
        splitRows = r.chance(0.5)
    }
}
