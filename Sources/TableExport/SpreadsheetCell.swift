/// Text cells made safe for spreadsheets (CSV injection, OWASP "CSV Injection"): a cell that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula by Excel,
/// LibreOffice or Google Sheets when the CSV is opened, so it gets a leading single quote, which
/// spreadsheets show as text and do not display. CSV quoting of `"` and `,` is the CSV writer's job.
///
/// A cell that is a plain number (`-5`, `+3.25`, `-1,234`) is left alone: a spreadsheet reads it as
/// that number and runs nothing, and a table of signed values keeps them. Anything else after the
/// sign (`-2+3+cmd|' /C calc'!A0`) is escaped. Used by the batch's CSVs and by `opsreport tables`.
public enum SpreadsheetCell {
    /// Unicode scalars that start a formula (or, for tab and CR, hide one) in a spreadsheet.
    /// Scalars, not `Character`s: Swift reads `"\r\n"` as one Character, which equals neither
    /// `"\r"` nor `"\n"`, so a cell starting with CR LF would slip through a Character test.
    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` with a `'` in front when it begins with one of `formulaStarts`; otherwise as it is.
    /// E.g. `=HYPERLINK("http://x")` → `'=HYPERLINK("http://x")`, `-` → `'-`, `Core` → `Core`.
    public static func escaped(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(text) else { return text }
        return "'" + text
    }

    /// Whether `text` is an optional sign followed by digits, with `,` digit groups and one `.`
    /// fraction at most: `-5`, `+3.25`, `-1,234.5`. Nothing else (no spaces, no exponent).
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let s = scalars.first, s == "-" || s == "+" { scalars = scalars.dropFirst() }
        var digits = 0, dots = 0, previous: Unicode.Scalar = ","
        for s in scalars {
            switch s {
            case "0"..."9": digits += 1
            case ",": if previous == "," || previous == "." || dots > 0 { return false }
            case ".": dots += 1; if dots > 1 || previous == "," { return false }
            default: return false
            }
            previous = s
        }
        return digits > 0 && previous != "," && previous != "."
    }
}
