import OpsReport

/// The archive as the batch's cross-report pass reads it (see
/// `ArchiveStore.loadReportsForCrossChecks`): partial reports and each one's complete number of
/// values.
public struct CrossCheckArchive {
    /// Converted reports in file order: header fields, narrative, party statistics, row labels
    /// and the values that some other report contradicts.
    public var reports: [Report]
    /// Each report's number of values on the monthly time line (`monthly_values`), same order.
    public var valueCounts: [Int]

    /// The cross-report findings (`CrossReportRules.all`), equal to those over the full reports.
    public func findings() -> [Finding] { CrossReportRules.all(reports, valueCounts: valueCounts) }
}
