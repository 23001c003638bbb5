/// Month labels for messages, in the reports' own style.
enum MonthLabel {
    static let abbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `"2017-09"` → `"Sep-17"`; anything else unchanged.
    static func short(_ period: String) -> String {
        guard let (y, m) = split(period) else { return period }
        return "\(abbreviations[m - 1])-\(String(format: "%02d", y % 100))"
    }
    /// `"2017-09"` → `(2017, 9)`.
    static func split(_ period: String) -> (Int, Int)? {
        let p = period.split(separator: "-")
        guard p.count == 2, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]), (1...12).contains(m) else { return nil }
        return (y, m)
    }
    /// The `count` consecutive months ending at `period`, oldest first.
    static func trailing(_ count: Int, endingAt period: String) -> [String]? {
        guard let (y, m) = split(period), count > 0 else { return nil }
        let end = y * 12 + m - 1
        return (end - count + 1...end).map { String(format: "%04d-%02d", $0 / 12, $0 % 12 + 1) }
    }
}
