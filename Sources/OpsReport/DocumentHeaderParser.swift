import PDFLayout
import TableLayout

/// Reads the report's title, period and reference.
public enum DocumentHeaderParser {
    /// Month and year of "Operations Report [dash] <Month> <Year>" in a line's words.
    static func titleMonth(_ w: [String]) -> (Int, Int)? {
        guard w.count >= 4 else { return nil }
        for i in 0..<(w.count - 3) where w[i].lowercased() == "operations" && w[i + 1].lowercased().hasPrefix("report") {
            var j = i + 2
            if j < w.count, w[j].allSatisfy({ "-:|".contains($0) }) { j += 1 }
            guard j + 1 < w.count, let m = MonthText.month(named: w[j]), let y = MonthText.year(w[j + 1]) else { continue }
            return (m, y)
        }
        return nil
    }
    nonisolated(unsafe) static let referencePattern = #/SECP_?(\d+)_(\d+)_(\d+)/#

    public struct Header {
        public var title: String?
        public var titleCell: Cell?
        public var period: String?
        public var reference: String?
        public var referenceCell: Cell?
    }

    /// Title: the largest-font line reading "Operations Report <dash> <Month> <Year>" (any dash,
    /// or none); period from its month and year. Reference: the first `SECP_nn_nnnn_nn` on any
    /// page (running headers included), read with spaces for lost underscores.
    /// - Parameter rawPages: lines of each page before running headers were removed.
    public static func parse(rawPages: [[TextLine]]) -> Header {
        var h = Header()
        var best: (size: Double, line: TextLine, month: Int, year: Int)? = nil
        for lines in rawPages.prefix(3) {
            for l in lines {
                guard l.text.contains("perations") || l.text.contains("PERATIONS"), let (mo, y) = titleMonth(l.words.map { NumberText.normalise($0.text) }) else { continue }
                if best == nil || l.fontSize > best!.size { best = (l.fontSize, l, mo, y) }
            }
            if best != nil { break }
        }
        if let b = best {
            h.title = b.line.text.trimmingWhitespace
            h.titleCell = Cell(words: b.line.words)
            h.period = MonthText.period(b.year, b.month)
        }
        outer: for lines in rawPages {
            for l in lines {
                for (i, w) in l.words.enumerated() where w.text.hasPrefix("SECP") || w.text.hasPrefix("SECP_") {
                    // Join following digit words when OCR split the reference at underscores.
                    var parts = [w]
                    var j = i + 1
                    while j < l.words.count, l.words[j].text.allSatisfy({ $0.isNumber || $0 == "_" }), parts.count < 4 { parts.append(l.words[j]); j += 1 }
                    let joined = parts.map(\.text).joined(separator: "_").replacingOccurrences(of: "__", with: "_")
                    if let m = joined.firstMatch(of: referencePattern) {
                        h.reference = "SECP_\(m.1)_\(m.2)_\(m.3)"
                        _ = m.0; h.referenceCell = Cell(words: parts)
                        break outer
                    }
                }
            }
        }
        return h
    }
}
