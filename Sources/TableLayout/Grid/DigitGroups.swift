import PDFLayout

/// Thousands groups printed with a space (no-break, thin, figure) arrive as separate words
/// (`1` `109`): this stage finds the separator's width on a table and joins the groups.
public enum DigitGroups {
    /// Whether `w` may be a 3-digit thousands group following `last` on one line.
    public static func isGroupPair(_ last: Word, _ w: Word, settings: TableSettings) -> Bool {
        let em = w.fontSize > 0 ? w.fontSize : 0.85 * w.bbox.height
        let gap = w.bbox.x0 - last.bbox.x1
        return w.text.count == 3 && w.text.allSatisfy(\.isNumber) && last.text.last?.isNumber == true && last.text.count <= 7
            && gap > 0 && gap < settings.digitGroupGap * em && abs(w.bbox.midY - last.bbox.midY) < 0.3 * w.bbox.height
    }

    /// The width of the space printed inside numbers (`1 109` with a no-break or thin space):
    /// the most common gap among candidate pairs of a number and a following 3-digit group.
    /// The separator is one glyph, so its gaps agree to `TableSettings.separatorAgreement` em;
    /// gaps between columns vary with the widths of right-aligned values. `nil` without pairs.
    public static func separatorGap(_ lines: [TextLine], settings: TableSettings = .standard) -> Double? {
        var gaps: [(gap: Double, em: Double)] = []
        for l in lines {
            for (a, b) in zip(l.words, l.words.dropFirst()) where isGroupPair(a, b, settings: settings) {
                gaps.append((b.bbox.x0 - a.bbox.x1, b.fontSize > 0 ? b.fontSize : 0.85 * b.bbox.height))
            }
        }
        guard !gaps.isEmpty else { return nil }
        var best = gaps[0].gap, bestCount = 0
        for g in gaps {
            let c = gaps.filter { abs($0.gap - g.gap) <= settings.separatorAgreement * g.em }.count
            if c > bestCount { best = g.gap; bestCount = c }
        }
        return best
    }

    /// Joins thousands groups split by a (no-break, thin) space: `12` `345` → one word
    /// `12 345`, when their gap is the separator's (`separatorGap`).
    public static func joinDigitGroups(_ line: TextLine, separatorGap gap: Double, settings: TableSettings = .standard) -> TextLine {
        var out: [Word] = []
        for w in line.words {
            let em = w.fontSize > 0 ? w.fontSize : 0.85 * w.bbox.height
            if let last = out.last, isGroupPair(last, w, settings: settings),
               abs((w.bbox.x0 - last.bbox.x1) - gap) <= settings.separatorAgreement * em {
                var m = last
                m.text = last.text + " " + w.text
                m.bbox = last.bbox.union(w.bbox)
                out[out.count - 1] = m
            } else {
                out.append(w)
            }
        }
        return TextLine(words: out, page: line.page)
    }
}
