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
    /// Fewest values sharing an edge with their header cells for that edge to be the columns'
    /// alignment (`ValueColumns.alignment`). Words.
    public var alignmentEvidence = 3
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

    // MARK: - Key-value, meeting-like and label/number tables (issue 7)
    //
    // The stages `KeyValueLayout`, `ColumnStarts`, `RowBlocks`, `LineBlocks`, `SpanningBlocks`
    // and `Phrases`. Values were 1 to 10 absolute points before; each em value below is that
    // figure divided by 10 pt, the middle of the reports' 9–11 pt body sizes, and the comment says
    // what it must separate at 7 pt and 12 pt.

    /// Numeric words whose x-ranges, each widened by this many em on both sides, touch are one
    /// value column (`KeyValueLayout`). Right-aligned values of one column overlap outright; the
    /// slack only bridges a narrower value's rounding (was 2 pt: 1.4 pt at 7 pt, 2.4 pt at
    /// 12 pt, far below any gap between two value columns). em (median of the numeric words).
    public var valueColumnSlack = 0.2
    /// A line is the value column's header only when its centre is more than this many line
    /// heights above the first value's centre: a label line beside the first value is not.
    /// line (the larger of glyph height and font size).
    public var headerClearance = 0.6
    /// A header word stands over the value column when its centre is within this many em of
    /// the column's centre (was 10 pt): `Days` centred over its values is a fraction of an em
    /// off, a label of the column to the left is several em away at any size. em (the word's).
    public var headerCentring = 1.0
    /// Lines centred at most this many line heights below the header line's centre are part of
    /// the header band (a header word set a little lower). line (glyph height).
    public var headerBandReach = 0.5
    /// A word is label text left of the value column when its right edge stops more than this
    /// many em before the column (was 1 pt: 0.7 pt at 7 pt, 1.2 pt at 12 pt, both well inside a
    /// word space). em (the word's).
    public var labelClearance = 0.1
    /// Left edges of label lines within this many em of each other are one column start when
    /// the most common start is looked for (was 3 pt: about a third of a glyph at any size,
    /// while the group and label columns start several em apart). em (median of the label lines).
    public var labelStartCluster = 0.3
    /// A label word belongs to the group column when it ends more than this many em before the
    /// label column's start (was 1 pt). em (median of the label lines).
    public var groupColumnClearance = 0.1
    /// A group-column label that belongs to no group (a total's label) sits on a value line
    /// when their centres are within this many line heights. line (the larger of glyph height
    /// and font size).
    public var groupOnValueLine = 0.6
    /// Consecutive lines of one spanning group label are at most this many line heights apart
    /// (centre to centre); a wider step starts the next group. line (glyph height, `LineMeasure.line`).
    public var groupStack = 1.3
    /// Rows whose centre is more than this many em above the first group label's top belong to
    /// the group carried over from the previous page (was 2 pt: a row beside the label is never
    /// above its top, a row one line above is a whole line pitch above). em (the label's line).
    public var carriedGroupSlack = 0.2
    /// Header words that start more than this many em after the previous header word's right
    /// edge begin a new column (was 6 pt: a word space is 0.25–0.3 em, a column gap more than
    /// 1 em; at 7 pt 4.2 pt against 2 pt spaces, at 12 pt 7.2 pt against 3.6 pt). em (the word's).
    public var headerColumnGap = 0.6
    /// Without a header, body words that start more than this many em after the previous word
    /// of their line start a column (was 8 pt). em (the word's).
    public var bodyColumnGap = 0.8
    /// Body column starts within this many em of each other are one column (was 4 pt). em
    /// (median of the body lines).
    public var columnStartCluster = 0.4
    /// A word still belongs to a column when it starts at most this many em left of the
    /// column's start (was 4 pt: scanned pages drift by a few points). em (the word's).
    public var columnStartSlack = 0.4
    /// …or at most this fraction of the gap to the previous column start, when larger. Ratio.
    public var columnStartShare = 0.2
    /// A row of a meeting-like table starts where its key column has text after a step wider
    /// than this many line pitches (cell padding between rows). em (`TextLine.em`, the larger
    /// of the two lines').
    public var rowStartGap = 1.3
    /// A cell's text continues on lines at most this many em below its previous line; text
    /// further below is another cell's overflow. em (`LineMeasure.em`).
    public var cellOverflow = 2.6
    /// Consecutive lines of one flowing category label are at most this many em apart (centre
    /// to centre). em (`LineMeasure.em`).
    public var categoryStack = 1.3
    /// A category block is at or above a row when its top is at most this many line heights
    /// below the row's top. line (glyph height of the block's first line).
    public var topReach = 0.5
    /// A category block is top-aligned with a row when their tops agree within this many em
    /// (was 3 pt: equal tops differ by rounding, a centred block sits half a line or more
    /// lower). em (the block's first line).
    public var topAgreement = 0.3
    /// Words of one line farther apart than this many glyph heights are separate phrases
    /// (`Phrases`): a word space is a third of one, two chart labels several. line (the
    /// following word's glyph height).
    public var phraseGap = 1.5
    /// A chart's data label is read from the line above a number only when that line's centre
    /// is at most this many line heights above the number's. line (the number's line).
    public var labelAboveReach = 2.2
    /// A header word with no column of its own under it belongs to the column whose centre is
    /// within this share of the column pitch of its centre. column pitch.
    public var headerColumnReach = 0.5
    /// A year (`2018`, `18`) printed after a month word on the same line, closer than this many
    /// em, is part of that month's header cell (`Jul 2018`). em (the month word's).
    public var monthYearGap = 1.0
    /// Below a month header line, a line whose words all start right of the first month
    /// column's left edge less this many em is a candidate header remnant (OCR debris of
    /// wrapped year parts). em (the line's tallest word).
    public var headerDebrisReach = 1.5
    /// Largest gap between a header line and the line above it for that line to be part of
    /// the header band (a spanning year over its months). em of the lower line.
    public var headerLineGap = 1.0
    /// Most words a label-column heading (`Category`, `Meeting Category`) has; a longer run
    /// of words left of the value columns above a header is running text. Words.
    public var labelHeadingWords = 3
    /// ... and is one when at least this share of its words are two-digit year parts, month
    /// words or text with no digits. ratio.
    public var headerDebrisShare = 0.6
    /// A text-layer word lies under a word read again from the image when they overlap across
    /// by more than this share of the narrower width (`WordOverlay`). ratio.
    public var overlayOverlap = 0.5
    /// ... and its centre is inside the read word's box grown by this many of its heights on
    /// every side. line (the read word's box height).
    public var overlayReach = 0.5
    /// Two words stand on one line when their tops differ by less than this many em (was
    /// `max(2 pt, half the font size)`). em (the first word's).
    public var sameLineTop = 0.5

    public init() {}
    /// The settings used unless a caller asks otherwise.
    public static let standard = TableSettings()
}
