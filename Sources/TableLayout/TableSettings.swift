/// Every tolerance of the table engine, in one place.
///
/// Units: **em** is the font size of the words concerned (points); **line** is the line height
/// (the median glyph-box height of a line, points); fractions are plain ratios. Absolute points
/// are avoided: a table set at 7 pt and one at 12 pt are read by the same rules.
public struct TableSettings: Sendable {
    /// Two copies of a word overlapping by at least this fraction of the narrower width are one
    /// overprinted word (fake bold). Ratio.
    public var overprintOverlap = 0.5
    /// Largest gap between a number and a following 3-digit group for the two to be one
    /// number with a space as thousands separator (no-break, thin or figure space). em.
    public var digitGroupGap = 0.7
    /// Gaps of one thousands separator agree to within this many em: the separator is one
    /// glyph, its advance the same every time up to the producer's rounding of positions
    /// (0.1 pt at 7 pt is 0.014 em), while two columns' cells printed close together may leave
    /// a gap only 0.03 em away (3.01 pt against a 3.28 pt thin space at 9 pt). em.
    public var separatorAgreement = 0.015
    /// Header words of different lines are one column's wrapped header when they overlap by
    /// this fraction of the narrower one's width (`17` under `Jun-`); words that only touch are
    /// neighbouring columns. Ratio.
    public var headerStackOverlap = 0.5
    /// Values of four or more digits printed whole (`2031`) that show a table does not group
    /// thousands with a space; one alone may be hidden text glued to a value. Words.
    public var wholeNumberEvidence = 2
    /// How many of the most common candidate gaps are tried as the thousands separator's width.
    public var separatorCandidates = 4
    /// Alignment edges of values (right edges, left edges, centres) agree to within this many
    /// em: a thousands group whose parts each sit on a column's edge is two cells. Figures have
    /// one advance, so aligned values agree up to the producer's rounding (0.14 pt at 10 pt
    /// seen); a group that merely ends near a header word's edge is 0.3 pt or more off. em.
    public var edgeAgreement = 0.02
    /// Spanning group labels are read as centred on their rows only when that fits their
    /// positions better than "at the first row" by more than this many row pitches in all. line.
    public var spanningTie = 0.25
    /// Header cells stand at a regular pitch when the widest step between neighbours is at most
    /// this many times the narrowest. Ratio.
    public var regularPitch = 1.5
    /// A numeric word smaller than this fraction of the body's value size is a footnote marker
    /// (superscript), not a value. Ratio.
    public var footnoteSize = 0.85
    /// A line centred within this many line heights of a value line belongs to its row. line.
    public var rowAttach = 0.62
    /// A wrapped label's line is level with its row's values when their centres are within this
    /// many line heights; it tells top-aligned (values on the first line) from centred and
    /// bottom-aligned labels (`RowBands`). line.
    public var wrapLevel = 0.3
    /// Consecutive lines of one wrapped label are at most this many line heights apart. line.
    public var wrapPitch = 1.25
    /// Largest vertical gap inside a table body. line.
    public var maxBodyGap = 3.2

    /// A glyph box is shrunk by this fraction of its height before looking for ink. line.
    public var inkInset = 0.15
    /// A glyph box is shrunk by this fraction of its width (and of the line height) on each
    /// side before looking for its ink. Ratio.
    public var glyphInset = 0.1
    /// Narrowest part of a glyph box, outside other words' boxes, in which its ink is looked
    /// for. Points of the rendered page (at 144 dpi, two pixels).
    public var minFreeInk = 1.0
    /// Right edges of right-aligned values agree within this fraction of the cells' height. line.
    public var alignment = 0.25
    /// The share of a white word's inner box, darkest first, whose grey level is its ground
    /// (`InkFilter.visible`): white glyphs cover up to ~70 % of a bold word's inner box,
    /// neighbouring glyphs reach into a few percent of it. Ratio.
    public var groundQuantile = 0.25
    /// A rendered grey level (0 black … 255 white) below this is ink.
    public var inkLevel: UInt8 = 160

    public init() {}
    /// The settings used unless a caller asks otherwise.
    public static let standard = TableSettings()
}
