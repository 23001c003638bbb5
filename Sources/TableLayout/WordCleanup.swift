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
///   a copy run into the next word (`Views57` over `Views`) loses the copy and keeps the rest,
///   whichever of the two was drawn first.
///
/// Numbers keep their printed text; `NumberText` reads every kind of space inside a number and
/// the minus and dash variants.
public enum WordCleanup {
    /// The cleaned words of one page, in the order given (duplicates removed).
    public static func clean(_ words: [Word], settings: TableSettings = .standard) -> [Word] {
        var out: [Word] = [], dropped: Set<Int> = []
        out.reserveCapacity(words.count)
        // Candidate duplicates are the other words whose boxes touch this one's.
        var index = BoxIndex()
        func near(_ w: Word, except j: Int? = nil) -> [Int] {
            index.candidates(reach(of: w)).filter { $0 != j && !dropped.contains($0) }
        }
        for var w in words {
            if !w.text.utf8.allSatisfy({ $0 < 0x80 }) { w = normalised(w) }
            let n = near(w)
            if isCopy(w, among: n, of: out, settings) { continue }
            // The copy glued to the word printed right after it (`Views` drawn again 1 pt to the
            // right runs into the value `57`: `Views57`): drop the copy, keep the rest.
            if let rest = afterOverprintedPrefix(w, among: n, of: out, settings: settings) {
                if isCopy(rest, among: n, of: out, settings) { continue }
                w = rest
            }
            index.insert(w.bbox, id: out.count)
            out.append(w)
            // The same when the glued word came first (content drawn out of reading order): an
            // earlier word that starts with a copy of a later one keeps only its rest, which is
            // looked at again as a word of its own (it may be a copy, or start with one).
            var pending = [out.count - 1]
            while let j = pending.popLast() {
                guard !dropped.contains(j) else { continue }
                let n = near(out[j], except: j)
                if j != out.count - 1 {
                    if isCopy(out[j], among: n, of: out, settings) { dropped.insert(j); continue }
                    if let rest = afterOverprintedPrefix(out[j], among: n, of: out, settings: settings) { out[j] = rest; pending.append(j); continue }
                }
                for i in n where out[i].text.utf8.count > out[j].text.utf8.count && out[i].text.utf8.starts(with: out[j].text.utf8) {
                    if let rest = afterOverprintedPrefix(out[i], among: [j], of: out, settings: settings) { out[i] = rest; pending.append(i) }
                }
            }
        }
        return dropped.isEmpty ? out : out.indices.filter { !dropped.contains($0) }.map { out[$0] }
    }

    /// The box that holds `w` and each of its glyphs (a glyph edge may lie past the word's box
    /// in a damaged file): every earlier word a rule below compares with touches it.
    static func reach(of w: Word) -> BBox {
        var r = w.bbox
        if let lo = w.glyphEdges.min(), let hi = w.glyphEdges.max() { r.x0 = min(r.x0, lo); r.x1 = max(r.x1, hi) }
        return r
    }

    /// Whether `w` overprints one of the earlier words `near` (indices into `out`) of the same text.
    static func isCopy(_ w: Word, among near: [Int], of out: [Word], _ settings: TableSettings) -> Bool {
        near.contains { out[$0].text == w.text && isOverprint(out[$0].bbox, w.bbox, settings) }
    }

    /// The part of `w` after a leading copy of an earlier word (same text, overprinting that
    /// word's box), as a word of its own; `nil` when `w` does not start with such a copy. `near`
    /// are the earlier words (indices into `out`) whose boxes touch `reach(of: w)`. Needs the
    /// glyph edges (one per character) to cut at. The longest such copy is cut off.
    static func afterOverprintedPrefix(_ w: Word, among near: [Int], of out: [Word], settings: TableSettings) -> Word? {
        guard !near.isEmpty else { return nil }
        let scalarCount = w.text.unicodeScalars.count
        guard scalarCount >= 2, w.glyphEdges.count == scalarCount else { return nil }
        var best = 0
        for i in near {
            // A UTF-8 prefix ends on a scalar boundary, so it is a prefix of the scalars too.
            let e = out[i].text.utf8
            guard e.count < w.text.utf8.count, w.text.utf8.starts(with: e) else { continue }
            let k = out[i].text.unicodeScalars.count
            guard k > best else { continue }
            let prefix = BBox(x0: w.bbox.x0, y0: w.bbox.y0, x1: w.glyphEdges[k - 1], y1: w.bbox.y1)
            if isOverprint(out[i].bbox, prefix, settings) { best = k }
        }
        guard best > 0 else { return nil }
        let scalars = Array(w.text.unicodeScalars)
        var rest = w
        rest.text = String(String.UnicodeScalarView(scalars[best...]))
        rest.bbox.x0 = w.glyphEdges[best - 1]
        rest.keepGlyphs(best...)
        return rest.text.allSatisfy(\.isWhitespace) ? nil : rest
    }

    /// NFKC form of `text`, with ligatures expanded.
    public static func normalised(_ text: String) -> String { text.precomposedStringWithCompatibilityMapping }

    /// `w` with its text in NFKC form and its glyph edges still one per scalar: a ligature
    /// glyph (`ﬁ`) expanded to several letters has its box shared out evenly among them, so
    /// the rules that cut words at glyph edges (an overprinted copy glued to the next word)
    /// still apply. When the form does not follow the scalars one by one (combining marks
    /// composed), the glyph edges are dropped.
    static func normalised(_ w: Word) -> Word {
        var out = w
        out.text = normalised(w.text)
        let scalars = Array(w.text.unicodeScalars)
        guard Array(out.text.unicodeScalars) != scalars else { return out }
        guard w.glyphEdges.count == scalars.count else { out.dropGlyphs(); return out }
        var edges: [Double] = [], starts: [Double] = [], pieces = ""
        for (i, u) in scalars.enumerated() {
            let form = normalised(String(u))
            pieces += form
            let k = form.unicodeScalars.count, a = w.glyphStart(i), b = w.glyphEdges[i]
            for j in 0..<k {
                starts.append(a + (b - a) * Double(j) / Double(k)); edges.append(a + (b - a) * Double(j + 1) / Double(k))
            }
        }
        guard Array(pieces.unicodeScalars) == Array(out.text.unicodeScalars) else { out.dropGlyphs(); return out }
        out.glyphEdges = edges; out.glyphStarts = w.hasGlyphStarts ? starts : []
        return out
    }

    static func isOverprint(_ a: BBox, _ b: BBox, _ s: TableSettings) -> Bool {
        let w = min(a.width, b.width), h = min(a.height, b.height)
        guard w > 0, h > 0 else { return a == b }
        return a.xOverlap(b) >= s.overprintOverlap * w && a.yOverlap(b) >= 0.5 * h
    }
}
