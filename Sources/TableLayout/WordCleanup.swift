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
///   `TableSettings.overprintOverlap` of the narrower width (and half the height) is dropped.
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
            byText[w.text, default: []].append(out.count)
            out.append(w)
        }
        return out
    }

    /// NFKC form of `text`, with ligatures expanded.
    public static func normalised(_ text: String) -> String { text.precomposedStringWithCompatibilityMapping }

    static func isOverprint(_ a: BBox, _ b: BBox, _ s: TableSettings) -> Bool {
        let w = min(a.width, b.width), h = min(a.height, b.height)
        guard w > 0, h > 0 else { return a == b }
        return a.xOverlap(b) >= s.overprintOverlap * w && a.yOverlap(b) >= 0.5 * h
    }
}
