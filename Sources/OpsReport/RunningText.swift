import TableLayout

/// Tells running text from table rows.
public enum RunningText {
    /// A line of running text: a word of three or more letters after a number, or eight or more
    /// words, no number and no gap between two cells (`DetectionSettings.cellGap` em): a row
    /// label wraps long before that, and a row has values; a group label and a row label side
    /// by side (`Community of Experts` · `DCC Live and Post Live`) are two cells of a table.
    public static func isProse(_ l: TextLine) -> Bool {
        let wordy = l.words.filter { $0.text.count >= 2 && $0.text.allSatisfy { $0.isLetter || $0 == "," || $0 == "." } }.count
        let cellGap = DetectionSettings.standard.cellGap * l.em
        let oneCell = !zip(l.words, l.words.dropFirst()).contains { $1.bbox.x0 - $0.bbox.x1 >= cellGap }
        if l.words.count >= 8 && wordy >= l.words.count - 1 && oneCell && !l.words.contains(where: { NumberText.isNumeric($0.text) }) { return true }
        var sawNumber = false
        for w in l.words {
            if NumberText.isNumeric(w.text) { sawNumber = true; continue }
            if sawNumber, w.text.count >= 3, w.text.allSatisfy({ $0.isLetter }), !MonthMatrixParser.isMonthWord(w.text) { return true }
        }
        return false
    }
}
