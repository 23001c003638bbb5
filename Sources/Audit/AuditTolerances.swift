/// Every tolerance and size of the audit page, in one place. Lengths around a cell are in units
/// of the cell's own height (about one line pitch of the table's font), so crops scale with the
/// print; pixel sizes only bound the images' weight.
public enum AuditTolerances {
    /// Margin above and below a finding's cells in a crop, in cell heights (lines of context).
    public static let cropMarginLines = 2.5
    /// Margin left and right of a finding's cells in a crop, in cell heights: wide enough that
    /// the crop spans the page's whole width at table sizes (the row's label and the other
    /// columns show), clipped to the page.
    public static let cropMarginSideLines = 60.0
    /// Pixels per PDF point of a crop.
    public static let cropScale = 2.0
    /// Widest crop image, in pixels; a crop whose cells are spread further is rendered at a
    /// smaller scale to fit.
    public static let cropMaxPixels = 1100.0
    /// Pixels per PDF point of a table drawn over its page image.
    public static let tableScale = 1.25
    /// Margin around a table's cells in its drawing, in cell heights (median over its cells).
    public static let tableMarginLines = 1.5
    /// Height used for a cell box with no height (a degenerate bbox), in PDF points.
    public static let minimumCellHeight = 6.0
    /// Size of a series chart, in CSS pixels.
    public static let chartWidth = 420.0, chartHeight = 130.0
}
