/// Every tolerance of the OCR layer, in one place, with its unit.
///
/// Before anything is read, the only scale on a page image is physical, so the tolerances that
/// find ruling lines and filled bands are in PDF points (1/72 inch); they are chosen from what a
/// printed table is made of (rules ≤ 1.5 pt thick, body text 8–12 pt), not from any one report.
public enum OCRTolerances {
    /// Resolution pages are rendered at for OCR (dpi): Tesseract's segmentation works best at
    /// 300 dpi; its LSTM recogniser rescales every text line itself.
    public static let renderDPI = 300.0
    /// Grey level (0–255) at or below which a pixel is ink (text, once a cell's tint is whitened).
    public static let inkLevel: UInt8 = 150
    /// Ruling lines are thin and blurred by scanning: a pixel belongs to a rule when it is
    /// darker than this share of the paper's grey (the page's median level).
    public static let ruleShareOfPaper = 0.83
    /// …and at least this many grey levels darker than the paper or tint on one side of it
    /// (looked at just beyond the thickest rule).
    public static let ruleContrast = 40
    /// Largest skew looked for, degrees either way, and the step of the search.
    public static let maxSkewDegrees = 2.0, skewStepDegrees = 0.05
    /// Skews smaller than this (degrees) are left alone: under a pixel across a table.
    public static let minSkewDegrees = 0.04
    /// A dark run at least this long (points) is part of a horizontal rule: longer than any word
    /// of body text, shorter than the narrowest table.
    public static let minHorizontalRule = 54.0
    /// A dark run at least this long (points) is part of a vertical rule: taller than two lines
    /// of 10 pt text, so no glyph stroke qualifies.
    public static let minVerticalRule = 18.0
    /// Share of a rule's length that must be ink (the rest bridged gaps): text baselines, whose
    /// glyphs only touch the line here and there, fall short.
    public static let minRuleFill = 0.9
    /// Most ink (share of its length) the pixel line just beyond a rule may hold on its clearer side.
    public static let maxRuleSideInk = 0.3
    /// Thickest rule (points); darker areas are filled bands (inverted header rows).
    public static let maxRuleThickness = 2.5
    /// Gap (points) bridged inside a rule (scan noise, JPEG blur, and the crossing of a rule the
    /// other way, whose ink hides the contrast).
    public static let ruleGap = 1.5
    /// Filled band: a block (points square) whose mean grey is at or below `bandLevel` is dark
    /// background; bands smaller than `minBandHeight` × `minBandWidth` points are ink, not fill.
    public static let bandBlock = 4.0, minBandHeight = 8.0, minBandWidth = 20.0
    public static let bandLevel = 110.0
    /// Share of ink a band needs once trimmed: light text on a fill leaves most of it dark,
    /// bold text on a tint does not.
    public static let minBandFill = 0.65
    /// Rule positions closer than this (points) are the same table boundary.
    public static let mergeRule = 3.0
    /// Horizontal rules further apart than this (points) belong to different tables.
    public static let maxRowPitch = 120.0
    /// Inset (points) from each boundary rule of a cell before its ink is read.
    public static let cellInset = 1.2
    /// White margin (pixels) put around a cell image handed to Tesseract.
    public static let cellPadding = 24
    /// A cell whose ink is at most this tall (points) holds one line of text and is read as one
    /// line (Tesseract's block mode misreads short words such as `CIO`).
    public static let maxSingleLineInk = 13.0
    /// Ink further than this (points) from a cell's text, and small, is a speck, not text.
    public static let specGap = 4.0
    /// Once a cell's background is white, lighter levels than this are scanner speckle and are
    /// whitened too (Tesseract's layout analysis gives up on a speckled strip).
    public static let lightSpeckLevel: UInt8 = 200
    /// Smallest ink (pixels at `renderDPI`) that makes a cell non-empty.
    public static let minCellInk = 12
    /// Type metrics of the sans-serif faces reports are set in (em units): cap height, and the
    /// ascent and descent a text layer's boxes span around the baseline.
    public static let capHeight = 0.72, ascent = 0.9, descent = 0.21
    /// Furthest an OCR token's box is grown to the ink it covers, as a share of the token's
    /// line height (Tesseract's box of a lone glyph can fall short of its ink by a quarter of
    /// the glyph). Only ink connected to the ink inside the box is followed, so a gap between
    /// words is never crossed; the reach bounds it where ink runs on (a rule's remains, touching
    /// glyphs).
    public static let inkSnapReach = 0.35
    /// Tesseract confidence (0–100) under which a token of punctuation only is dropped as a speck.
    public static let junkConfidence = 60.0
    /// A column is numeric when at least this share of its non-empty body cells read as numbers.
    public static let numericColumnShare = 0.6
}
