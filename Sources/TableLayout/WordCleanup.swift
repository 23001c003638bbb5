import Foundation
import PDFLayout

/// The first stage of the table pipeline: words as a person reads them.
///
/// Each rule is documented where it is applied:
/// - **Compatibility forms** (NFKC): ligature code points become their letters (U+FB01 `ﬁ` →
///   `fi`), full-width and other compatibility characters their plain forms. Only non-ASCII words
///   are touched.
/// - **Overprinted copies** (fake bold, a word drawn twice a little apart): a word whose text
///   equals an earlier word's and whose box overlaps it by at least
///   `TableSettings.overprintOverlap` of the narrower width (and half the height) is dropped;
///   a copy run into the next word (`Views57` over `Views`) loses the copy and keeps the rest.
///
/// Numbers keep their printed text; `NumberText` reads every kind of space inside a number and
/// the minus and dash variants.
public enum WordCleanup {
    /// The cleaned words of one page, in the order given (duplicates removed).
    public static func clean(_ words: [Word], settings: TableSettings = .standard) -> [Word] {
        var out: [Word] = []
        out.reserveCapacity(words.count)
        // Candidate duplicates are looked up by text.
        var byText: [String: [Int]] = [:]
        for var w in words {
            if !w.text.utf8.allSatisfy({ $0 < 0x80 }) { w.text = normalised(w.text) }
            if let seen = byText[w.text], seen.contains(where: { isOverprint(out[$0].bbox, w.bbox, settings) }) { continue }
            // The copy glued to the word printed right after it (`Views` drawn again 1 pt to the
            // right runs into the value `57`: `Views57`): drop the copy, keep the rest.
            if let rest = afterOverprintedPrefix(w, byText: byText, out: out, settings: settings) {
                if let seen = byText[rest.text], seen.contains(where: { isOverprint(out[$0].bbox, rest.bbox, settings) }) { continue }
                w = rest
            }
            byText[w.text, default: []].append(out.count)
            out.append(w)
        }
        return out
    }

    /// The part of `w` after a leading copy of an earlier word (same text, overprinting that
    /// word's box), as a word of its own; `nil` when `w` does not start with such a copy. Needs
    /// the glyph edges (one per character) to cut at.
    static func afterOverprintedPrefix(_ w: Word, byText: [String: [Int]], out: [Word], settings: TableSettings) -> Word? {
        let scalars = Array(w.text.unicodeScalars)
        guard scalars.count >= 2, w.glyphEdges.count == scalars.count else { return nil }
        for k in stride(from: scalars.count - 1, through: 1, by: -1) {
            guard let seen = byText[String(String.UnicodeScalarView(scalars[..<k]))] else { continue }
            let prefix = BBox(x0: w.bbox.x0, y0: w.bbox.y0, x1: w.glyphEdges[k - 1], y1: w.bbox.y1)
            guard seen.contains(where: { isOverprint(out[$0].bbox, prefix, settings) }) else { continue }
            var rest = w
            rest.text = String(String.UnicodeScalarView(scalars[k...]))
            rest.bbox.x0 = w.glyphEdges[k - 1]
            rest.keepGlyphs(k...)
            return rest.text.allSatisfy(\.isWhitespace) ? nil : rest
        }
        return nil
    }

    /// NFKC form of `text`, with ligatures expanded.
    public static func normalised(_ text: String) -> String { text.precomposedStringWithCompatibilityMapping }

    static func isOverprint(_ a: BBox, _ b: BBox, _ s: TableSettings) -> Bool {
        let w = min(a.width, b.width), h = min(a.height, b.height)
        guard w > 0, h > 0 else { return a == b }
        return a.xOverlap(b) >= s.overprintOverlap * w && a.yOverlap(b) >= 0.5 * h
    }
}
