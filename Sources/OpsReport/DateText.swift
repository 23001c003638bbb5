import TableLayout
import Foundation

/// Parses printed dates into ISO `YYYY-MM-DD`.
public enum DateText {
    // Compiled once: a regex literal is parsed each time it is evaluated.
    nonisolated(unsafe) static let numericDate = #/\b(\d{1,2})[\/.](\d{1,2})[\/.](\d{4})\b/#
    nonisolated(unsafe) static let writtenDate = #/\b(\d{1,2})\s?(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/#

    /// Finds the dates in `text`, in order: `21/12/2017`, `21.12.2017`, `21st December 2017`,
    /// `21 st December 2017` (superscript ordinal arriving as a separate word), `December 21, 2017`.
    /// Impossible dates (31/02/2017) are skipped.
    public static func dates(in text: String) -> [String] {
        let t = NumberText.normalise(text)
        var found: [(String.Index, String)] = []
        guard t.contains(where: \.isNumber) else { return [] }
        for m in t.matches(of: numericDate) {
            if let d = iso(Int(m.3)!, Int(m.2)!, Int(m.1)!) { found.append((m.range.lowerBound, d)) }
        }
        for m in t.matches(of: writtenDate) {
            if let mo = MonthText.month(named: String(m.2)), let d = iso(Int(m.3)!, mo, Int(m.1)!) { found.append((m.range.lowerBound, d)) }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// `YYYY-MM-DD` when the day exists in that month.
    public static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1...12).contains(m), d >= 1 else { return nil }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[m - 1] else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
