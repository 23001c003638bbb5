import CTesseract
import Foundation

/// One word read by Tesseract: its text, its box in pixels of the image it was read from, and
/// Tesseract's confidence (0–100).
public struct OCRToken: Sendable, Equatable {
    public var text: String
    /// Pixel box `(x0, y0, x1, y1)`, exclusive upper bounds, in the image given to `read`.
    public var x0: Int, y0: Int, x1: Int, y1: Int
    /// Tesseract's word confidence, 0–100.
    public var confidence: Double
    /// Height in pixels of the text line the word belongs to (its font size, roughly).
    public var lineHeight: Int
    /// Baseline row (pixels) of the word's line at the word's centre, and the top of its line's
    /// tallest glyphs: together they give the type size as a text layer would.
    public var baseline: Int, lineTop: Int
}

/// How Tesseract should segment an image (a subset of `TessPageSegMode`).
public enum OCRSegmentation: Sendable {
    /// A page or a block of running text (`PSM_AUTO` / `PSM_SINGLE_BLOCK`).
    case page, block
    /// One line of text (`PSM_SINGLE_LINE`).
    case line
    /// Sparse text: words anywhere, no order (`PSM_SPARSE_TEXT`).
    case sparse
    /// One word, or one character (`PSM_SINGLE_WORD`, `PSM_SINGLE_CHAR`): for tiny cells that
    /// line mode returns empty.
    case word, character

    var mode: TessPageSegMode {
        switch self {
        case .page: return PSM_AUTO
        case .block: return PSM_SINGLE_BLOCK
        case .line: return PSM_SINGLE_LINE
        case .sparse: return PSM_SPARSE_TEXT
        case .word: return PSM_SINGLE_WORD
        case .character: return PSM_SINGLE_CHAR
        }
    }
}

/// Errors of the OCR layer.
public enum OCRError: Error, Sendable, CustomStringConvertible {
    /// Tesseract could not load the language data (`tesseract-ocr-eng` is not installed).
    case engineUnavailable(language: String)
    /// The Tesseract library itself could not be loaded (`libtesseract5` is not installed, or
    /// lacks a function); `reason` is the loader's message.
    case libraryUnavailable(reason: String)

    public var description: String {
        switch self {
        case .engineUnavailable(let l):
            return "Tesseract cannot load the language data \"\(l)\": install tesseract-ocr-\(l) (scripts/setup.sh does)"
        case .libraryUnavailable(let reason):
            return "Tesseract is not available: \(reason); install libtesseract5 and tesseract-ocr-eng (scripts/setup.sh does)"
        }
    }
}

/// A Tesseract engine (libtesseract's C API, LSTM model) reading grey images.
///
/// Not thread-safe: one engine per thread. The engine is created once and reused for every
/// image (loading the model is the expensive part); `TessBaseAPIDelete` frees it on `deinit`.
/// Set `OMP_THREAD_LIMIT=1` to keep Tesseract on one core. libtesseract is loaded (dlopen) when
/// the first engine is made, not at start-up (`CTesseract`).
public final class TesseractEngine {
    private let tess: OpsTesseractFunctions
    private let api: OpaquePointer
    private var currentWhitelist: String? = nil

    /// Loads libtesseract (first engine only) and the language model (`eng` from the system
    /// tessdata directory).
    /// - Throws: `OCRError.libraryUnavailable` when libtesseract cannot be loaded,
    ///   `OCRError.engineUnavailable` when the model cannot be loaded.
    public init(language: String = "eng") throws {
        var reason: UnsafePointer<CChar>? = nil
        guard let table = ops_tesseract_functions(&reason) else {
            throw OCRError.libraryUnavailable(reason: reason.map { String(cString: $0) } ?? "libtesseract cannot be loaded")
        }
        let tess = table.pointee
        guard let api = tess.baseAPICreate() else { throw OCRError.engineUnavailable(language: language) }
        guard tess.baseAPIInit2(api, nil, language, OEM_LSTM_ONLY) == 0 else {
            tess.baseAPIDelete(api)
            throw OCRError.engineUnavailable(language: language)
        }
        self.tess = tess
        self.api = api
        _ = tess.baseAPISetVariable(api, "debug_file", "/dev/null")
        _ = tess.baseAPISetVariable(api, "preserve_interword_spaces", "0")
    }

    deinit { tess.baseAPIEnd(api); tess.baseAPIDelete(api) }

    /// Reads the words of an 8-bit grey image (0 black, 255 white, row-major, no padding).
    ///
    /// - Parameters:
    ///   - ppi: the image's resolution in pixels per inch (Tesseract's size heuristics use it).
    ///   - whitelist: the only characters Tesseract may output (`nil`: any).
    /// - Returns: words in Tesseract's reading order, boxes in the image's pixels.
    public func read(pixels: [UInt8], width: Int, height: Int, ppi: Int, segmentation: OCRSegmentation,
                     whitelist: String? = nil) -> [OCRToken] {
        guard width > 2, height > 2, pixels.count >= width * height else { return [] }
        if whitelist != currentWhitelist {
            _ = tess.baseAPISetVariable(api, "tessedit_char_whitelist", whitelist ?? "")
            currentWhitelist = whitelist
        }
        tess.baseAPISetPageSegMode(api, segmentation.mode)
        pixels.withUnsafeBufferPointer { buf in
            tess.baseAPISetImage(api, buf.baseAddress!, Int32(width), Int32(height), 1, Int32(width))
        }
        tess.baseAPISetSourceResolution(api, Int32(ppi))
        defer { tess.baseAPIClear(api) }
        guard tess.baseAPIRecognize(api, nil) == 0, let it = tess.baseAPIGetIterator(api) else { return [] }
        defer { tess.resultIteratorDelete(it) }
        var out: [OCRToken] = []
        let pageIt = tess.resultIteratorGetPageIteratorConst(it)
        repeat {
            guard let cText = tess.resultIteratorGetUTF8Text(it, RIL_WORD) else { continue }
            let text = String(cString: cText)
            tess.deleteText(cText)
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
            guard tess.pageIteratorBoundingBox(pageIt, RIL_WORD, &l, &t, &r, &b) != 0 else { continue }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            var lt: Int32 = 0, lb: Int32 = 0, ll: Int32 = 0, lr: Int32 = 0
            let hasLine = tess.pageIteratorBoundingBox(pageIt, RIL_TEXTLINE, &ll, &lt, &lr, &lb) != 0
            let lineH = hasLine ? Int(lb - lt) : Int(b - t)
            var bx1: Int32 = 0, by1: Int32 = 0, bx2: Int32 = 0, by2: Int32 = 0
            var base = Int(b)
            if tess.pageIteratorBaseline(pageIt, RIL_TEXTLINE, &bx1, &by1, &bx2, &by2) != 0, bx2 != bx1 {
                let mid = Double(l + r) / 2
                base = Int((Double(by1) + Double(by2 - by1) * (mid - Double(bx1)) / Double(bx2 - bx1)).rounded())
            }
            out.append(OCRToken(text: trimmed, x0: Int(l), y0: Int(t), x1: Int(r), y1: Int(b),
                                confidence: Double(tess.resultIteratorConfidence(it, RIL_WORD)), lineHeight: lineH,
                                baseline: base, lineTop: hasLine ? Int(lt) : Int(t)))
        } while tess.resultIteratorNext(it, RIL_WORD) != 0
        return out
    }
}
