import OpsReport

/// The finding codes the within-report reconciler produces, with their severities.
///
/// Arithmetic mismatches are `error`; damage that was repaired (and, where the arithmetic allows,
/// confirmed) is `warning`; observations that do not change a value are `info`.
public enum FindingCode {
    /// Driver rows do not sum to the printed grand total (error).
    public static let grandTotalMismatch = "grand_total_mismatch"
    /// A table's categories do not sum to its printed total row/cell (error).
    public static let totalRowMismatch = "total_row_mismatch"
    /// A figure quoted in the narrative disagrees with the table it summarises (error).
    public static let narrativeMismatch = "narrative_mismatch"
    /// The voting-group counts do not sum to the narrative's number of Voting Groups (error).
    public static let votingGroupsMismatch = "voting_groups_mismatch"
    /// A row's cell count differs from the table's month count (error), or the month header is
    /// missing (warning).
    public static let cellCountMismatch = "cell_count_mismatch"
    /// The month header is not the consecutive run of months ending at the report period (warning).
    public static let monthSequence = "month_sequence"
    /// A section listed in `missing_sections` (warning).
    public static let sectionMissing = "section_missing"
    /// A row whose numbers were all lost (warning, values implied by the totals), or a row absent
    /// from a table whose every total exceeds its categories (error).
    public static let rowMissing = "row_missing"
    /// A single cell with no printed text inside a checked sum (warning, value implied).
    public static let cellMissing = "cell_missing"
    /// Printed text of a number that is not a clean number: letters for digits, stray separators,
    /// trailing garbage (warning; info when the stored value already equals the reading).
    public static let ocrConfusable = "ocr_confusable"
    /// A damaged ordinal in a date (`315t` for `31st`, `2"` for `2nd`) (warning for a date value,
    /// info in other text).
    public static let ocrOrdinal = "ocr_ordinal"
    /// A damaged document or modification reference (`SECMPO0027`) (warning).
    public static let ocrReference = "ocr_reference"
    /// A date that cannot exist or cannot be read (warning).
    public static let impossibleDate = "impossible_date"
    /// A meeting date outside the report's month (info).
    public static let dateOutsidePeriod = "date_outside_period"
    /// A number too large for the arithmetic checks (more than 10¹² in its unit); it is left out
    /// of every sum (error).
    public static let valueOutOfRange = "value_out_of_range"

    /// Every code `Reconciler.findings(for:)` can produce; `Reconciler.reconcile` replaces existing
    /// findings with these codes and keeps all others (e.g. the archive's cross-report codes).
    public static let all: Set<String> = [
        grandTotalMismatch, totalRowMismatch, narrativeMismatch, votingGroupsMismatch, cellCountMismatch,
        monthSequence, sectionMissing, rowMissing, cellMissing, ocrConfusable, ocrOrdinal, ocrReference,
        impossibleDate, dateOutsidePeriod, valueOutOfRange,
    ]
}
