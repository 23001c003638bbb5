import TableLayout
import Foundation

/// Parses month column headers and month names.
public enum MonthText {
    static let names: [(String, Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
        ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ]

    /// Month number (1–12) of an English month name or abbreviation (`Jan`, `Sept`, `June`,
    /// `Dec.`), case-insensitive; `nil` otherwise.
    public static func month(named raw: String) -> Int? {
        // Trimmed of `.,-– ` and lower-cased without Foundation: this runs for every header word.
        let edge: (Unicode.Scalar) -> Bool = { ".,-– ".unicodeScalars.contains($0) }
        let u = raw.unicodeScalars
        guard let a = u.firstIndex(where: { !edge($0) }), let b = u.lastIndex(where: { !edge($0) }) else { return nil }
        let t = String(String.UnicodeScalarView(u[a...b])).lowercased()
        guard t.count >= 3 else { return nil }
        for (n, m) in names where n.utf8.starts(with: t.utf8) || (t.count >= 4 && t.utf8.starts(with: "sept".utf8) && m == 9) { return m }
        return nil
    }

    /// A header cell as a month, with the year when the cell gives one.
    ///
    /// Accepts `Jan-17`, `Jan 17`, `Jan-2017`, `Jan 2017`, `January 2017`, `Jun 2018`,
    /// `Jan` (year `nil`), `2017-01`, `01/2017`. Two-digit years are 2000-based.
    public static func parseHeader(_ raw: String) -> (month: Int, year: Int?)? {
        // A hand-written scanner: this runs for every word of every table header.
        let t = Array(NumberText.normalise(raw).unicodeScalars)
        func digits(_ a: ArraySlice<Unicode.Scalar>) -> Int? {
            guard !a.isEmpty, a.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) else { return nil }
            return Int(String(String.UnicodeScalarView(a)))
        }
        // 2017-01 and 01/2017
        if t.count == 7, t[4] == "-", let y = digits(t[0..<4]), let m = digits(t[5..<7]), (1...12).contains(m) { return (m, y) }
        if let slash = t.firstIndex(of: "/"), let m = digits(t[..<slash]), let y = digits(t[(slash + 1)...]),
           t.count - slash - 1 == 4, (1...12).contains(m) { return (m, y) }
        // Month name, then optionally ".", a separator (- / ' or space) and a 2- or 4-digit year.
        var i = 0
        while i < t.count, t[i].properties.isAlphabetic, t[i].isASCII { i += 1 }
        guard (3...9).contains(i), let m = month(named: String(String.UnicodeScalarView(t[0..<i]))) else { return nil }
        if i < t.count, t[i] == "." { i += 1 }
        while i < t.count, t[i] == " " { i += 1 }
        if i < t.count, "-/' ’".unicodeScalars.contains(t[i]) { i += 1 }
        while i < t.count, t[i] == " " || t[i] == "'" || t[i] == "’" { i += 1 }
        if i == t.count { return (m, nil) }
        guard let y = digits(t[i...]), t.count - i == 2 || t.count - i == 4 else { return nil }
        return (m, t.count - i == 2 ? 2000 + y : y)
    }

    /// A four-digit year label such as `2017` (1990–2100).
    public static func year(_ raw: String) -> Int? {
        guard raw.count == 4, let y = Int(raw), (1990...2100).contains(y) else { return nil }
        return y
    }

    /// `YYYY-MM` for a month and year.
    public static func period(_ year: Int, _ month: Int) -> String { String(format: "%04d-%02d", year, month) }

    /// Splits `YYYY-MM` into year and month.
    public static func split(_ period: String) -> (year: Int, month: Int)? {
        let p = period.split(separator: "-")
        guard p.count == 2, let y = Int(p[0]), let m = Int(p[1]) else { return nil }
        return (y, m)
    }

    /// The `count` consecutive months ending at `period` (oldest first).
    public static func trailing(_ count: Int, endingAt period: String) -> [String] {
        guard let (y, m) = split(period) else { return [] }
        let last = y * 12 + (m - 1)
        return (0..<count).map { i in let v = last - (count - 1 - i); return MonthText.period(v / 12, v % 12 + 1) }
    }

    /// Month index (year × 12 + month − 1) of a `YYYY-MM` string.
    public static func index(_ period: String) -> Int? { split(period).map { $0.year * 12 + $0.month - 1 } }
}
