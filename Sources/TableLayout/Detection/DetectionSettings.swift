/// Every tolerance of page-level table detection, in one place.
///
/// Units: **em** is the font size of the line concerned (its median word font size, or its glyph
/// height when the font size is unknown); **line** is that line's glyph-box height. Only
/// `rulingDarkness` (a grey level) and `renderScale` (pixels per point) are not relative to
/// the text; fractions are plain ratios. The defaults hold for born-digital documents in general;
/// nothing in them is keyed to one file.
public struct DetectionSettings: Sendable, Hashable {
    /// Horizontal gap between two words of one line, in em, from which they are two cells
    /// (a word space is about 0.25–0.35 em, a stretched justified space stays under ~0.8 em).
    public var cellGap: Double = 0.85
    /// Monospaced fonts (`CellFragments.monospaceSpaces`): largest relative spread of the
    /// advance per scalar, and fewest words measured.
    public var monospaceSpread: Double = 0.06
    public var monospaceWords: Int = 8
    /// Smallest cell gap in a monospaced font, in its word spaces.
    public var cellGapInSpaces: Double = 2.5
    /// Smallest split gap in a monospaced font, in its word spaces.
    public var splitGapInSpaces: Double = 1.5
    /// A word gap, in em, from which a column cut through a cell fragment splits it (an
    /// ordinary word space inside a spanning cell stays under it).
    public var splitGap: Double = 0.5
    /// Narrowest whitespace river between two columns, in em.
    public var minColumnGap: Double = 0.35
    /// A one-cell line at least this share of its block's width is a spanning row that does not
    /// close column rivers.
    public var spanningRowWidth: Double = 0.5
    /// Narrowest run, in em, on each side of a sparse column inside one river for both to be cuts.
    public var innerCutGap: Double = 1.0
    /// Share of a block's lines whose cell may cross a column gap (spanning cells, a long cell
    /// that runs into its neighbour) without closing the gap; at least one line always may.
    public var spanShare: Double = 0.12
    /// Lines that must have cells on both sides of a gap for it to be a column boundary.
    public var minGapSupport: Int = 2
    /// Share of a block's lines with two or more cells that must have a gap at a column
    /// boundary (see `minGapSupport`).
    public var minGapSupportShare: Double = 0.25
    /// Largest vertical gap between two consecutive lines of one table, in lines.
    public var maxRowGap: Double = 2.6
    /// A one-cell line inside a table is prose, ending the table, when it is at least this
    /// share of the table width and has at least `proseWords` words.
    public var proseWidth: Double = 0.7
    /// Words from which a cell reads as running text (see `proseWidth`, `proseCellShare`).
    public var proseWords: Int = 7
    /// A block whose cells are mostly (this share) running text is text set in columns, not a table.
    public var proseCellShare: Double = 0.5
    /// Fewest lines with two or more cells for a block to be a table.
    public var minTabularLines: Int = 2
    /// Largest gap between the lines of one multi-line cell, in lines (tight leading).
    public var maxWrapGap: Double = 0.45
    /// Shortest horizontal rule that cuts rows, as a share of the table width.
    public var minRowRule: Double = 0.15
    /// A table is densely ruled (its rules alone cut the rows, every line between two rules one
    /// row) when it has at most this many lines per ruled band on average.
    public var ruledLinesPerRow: Double = 2.5
    /// A table is densely ruled only when no ruled band holds more than this many lines (a cell
    /// wrapped over three lines at most).
    public var maxRuledBandLines: Int = 3
    /// Page columns: the middle share of the text width searched for a gutter.
    public var gutterBand: Double = 0.4
    /// Page columns: largest share of the lines reaching both sides of the gutter that may
    /// cross it (titles and figures set across both columns).
    public var gutterCrossShare: Double = 0.15
    /// Page columns: how far, in em, the end or start of a line on one side of a gutter may be
    /// from it to support it (the edge of a page column).
    public var gutterEdgeReach: Double = 1.5
    /// Page columns: words (of two letters or more) on one side of the gutter that make a
    /// line of running text there.
    public var gutterProseWords: Int = 7
    /// Page columns: fewest lines with running text beside the gutter for a column zone.
    public var gutterProseLines: Int = 4
    /// Fewest cells lying inside a column (between two text cuts) for it to be a column.
    public var minColumnCells: Int = 2
    /// Largest size of a footnote mark relative to the word it follows (`FootnoteMarks`).
    public var markSize: Double = 0.85
    /// Farthest a header cell may be from a cell under it to span it, in em.
    public var parentReach: Double = 1.5
    /// How far a caption may be from its table, in lines.
    public var captionGap: Double = 3.0
    /// Ruling lines: pixels per point of the render they are found on.
    public var renderScale: Double = 1.5
    /// Ruling lines: margin, in em, rendered above and below the table candidates of a page.
    public var renderMargin: Double = 6
    /// Ruling lines: grey level (0 black … 255 white) at or below which a pixel is ink.
    public var rulingDarkness: UInt8 = 170
    /// Ruling lines: shortest rule, in em of the page's median font size.
    public var minRuleLength: Double = 2.5
    /// Ruling lines: thickest rule, in em of the page's median font size (thicker: a filled box).
    public var maxRuleThickness: Double = 0.3
    /// Ruling lines: largest hole (anti-aliasing, dashes) bridged inside one rule, in em.
    public var ruleHole: Double = 0.15
    /// Charts (`ChartInk`): largest share of a table's pixels that may be curve ink (ink off
    /// words and off straight runs). Measured on the ICDAR 2013 development half: true tables
    /// ≤ 0.0014, line charts read as tables ≥ 0.0026.
    public var chartInkShare: Double = 0.002
    /// Charts: shortest straight run of ink, in em, that is a rule, an axis, a bar or a fill.
    public var chartStraightRun: Double = 1.0
    /// Charts: margin around each word, in em, whose ink is the word's (anti-aliasing, accents).
    public var chartWordPad: Double = 0.1
    /// Ruling lines: whether the edges of a filled area (a stack of runs thicker than
    /// `maxRuleThickness`: a coloured header band, a shaded cell) count as rules.
    public var fillEdgesAreRules: Bool = true
    /// Whether to look for ruling lines at all (they need the page rendered).
    public var useRulings: Bool = true

    public init() {}

    /// The settings used when none are given.
    public static let standard = DetectionSettings()
}

