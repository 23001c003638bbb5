/// Text cells made safe for spreadsheets (CSV injection, OWASP "CSV Injection"): a cell that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula by Excel,
/// LibreOffice or Google Sheets when the CSV is opened, so it gets a leading single quote, which
/// spreadsheets show as text and do not display. CSV quoting of `"` and `,` is the CSV writer's job.
///
/// Only text is escaped: numbers are written by the exporter from numeric columns (a negative
/// number stays a number).
public enum SpreadsheetCell {
    /// Characters that start a formula (or, for tab and CR, hide one) in a spreadsheet.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` with a `'` in front when it begins with one of `formulaStarts`; otherwise as it is.
    /// E.g. `=HYPERLINK("http://x")` → `'=HYPERLINK("http://x")`, `-` → `'-`, `Core` → `Core`.
    public static func escaped(_ text: String) -> String {
        guard let first = text.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }
}
