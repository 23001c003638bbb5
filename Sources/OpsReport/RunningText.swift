import TableLayout

/// Tells running text from table rows.
public enum RunningText {
    /// A line of running text: a word of three or more letters after a number, or eight or more
    /// words and no number (a row label wraps long before that, and a row has values).
    public static func isProse(_ l: TextLine) -> Bool {
        let wordy = l.words.filter { $0.text.count >= 2 && $0.text.allSatisfy { $0.isLetter || $0 == "," || $0 == "." } }.count
        if l.words.count >= 8 && wordy >= l.words.count - 1 && !l.words.contains(where: { NumberText.isNumeric($0.text) }) { return true }
        var sawNumber = false
        for w in l.words {
            if NumberText.isNumeric(w.text) { sawNumber = true; continue }
            if sawNumber, w.text.count >= 3, w.text.allSatisfy({ $0.isLetter }), !MonthMatrixParser.isMonthWord(w.text) { return true }
        }
        return false
    }
}
