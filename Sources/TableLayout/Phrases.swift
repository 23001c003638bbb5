import PDFLayout

/// Runs of words of one line (a label, a number), and the phrase on the line above that a
/// chart's data label puts over a number. Tolerances: `TableSettings.phraseGap` and
/// `labelAboveReach`.
public enum Phrases {
    /// The words of `line` in runs, left to right: a gap wider than `phraseGap` × the next
    /// word's glyph height (at least 1 pt) starts a new phrase.
    public static func split(_ line: TextLine, settings: TableSettings = .standard) -> [[Word]] {
        var out: [[Word]] = []
        for w in line.words {
            if let last = out.last?.last, w.bbox.x0 - last.bbox.x1 <= settings.phraseGap * max(w.bbox.height, 1) {
                out[out.count - 1].append(w)
            } else {
                out.append([w])
            }
        }
        return out
    }

    /// Horizontal overlap of the phrase's extent with the word's box, points (0 if none).
    /// `phrase` must not be empty.
    public static func overlap(_ phrase: [Word], _ w: Word) -> Double {
        let x0 = phrase.map(\.bbox.x0).min()!, x1 = phrase.map(\.bbox.x1).max()!
        return max(0, min(x1, w.bbox.x1) - max(x0, w.bbox.x0))
    }

    /// Horizontal centre of the phrase's extent, points. `phrase` must not be empty.
    public static func centre(_ phrase: [Word]) -> Double {
        (phrase.map(\.bbox.x0).min()! + phrase.map(\.bbox.x1).max()!) / 2
    }

    /// The phrase of `candidates` (phrases of the line `above`) that labels `word` of `line`:
    /// the one overlapping it most, else the one whose centre is nearest its centre. `nil` when
    /// there is none or the line above is more than `labelAboveReach` line heights higher.
    public static func labelAbove(_ word: Word, line: TextLine, above: TextLine, candidates: [[Word]],
                                  settings: TableSettings = .standard) -> [Word]? {
        guard above.midY >= line.midY - settings.labelAboveReach * max(line.height, 1) else { return nil }
        guard let best = candidates.max(by: { overlap($0, word) < overlap($1, word) }) else { return nil }
        if overlap(best, word) > 0 { return best }
        return candidates.min { abs(centre($0) - word.bbox.midX) < abs(centre($1) - word.bbox.midX) }
    }
}
