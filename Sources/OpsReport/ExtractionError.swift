import PDFLayout

/// Why a file could not be turned into a report. Each case maps to a distinct process exit
/// status (`exitCode`) and a one-paragraph message naming the file, the reason and what to do.
public enum ExtractionError: Error, Equatable, Sendable {
    /// The PDF layer could not read the file (see `PDFLayoutError`).
    case pdf(PDFLayoutError)
    /// The pages are images with no text layer (an image-only scan).
    case noTextLayer(path: String, pages: Int)
    /// The document has pages but no text and no page images.
    case blank(path: String, pages: Int)
    /// The document has text but is not an Operations Report.
    case notAReport(path: String, reason: String)

    public var message: String {
        switch self {
        case .pdf(let e): return e.message
        case let .noTextLayer(p, n): return "\(p): no text layer, and OCR (Tesseract) read nothing legible on the \(n) page image(s). Check that the scan is readable and that Tesseract is installed (libtesseract5 and tesseract-ocr-eng; scripts/setup.sh)."
        case let .blank(p, n): return "\(p): the document's \(n) page(s) carry no text and no images: there is no report content to extract. Check that the file is the report (it may have been exported or scanned blank)."
        case let .notAReport(p, r): return "\(p): not an Operations Report (\(r)). Check that the right file was given."
        }
    }

    /// Machine-readable kind: `unreadable`, `empty`, `not_pdf`, `damaged`, `password_required`,
    /// `wrong_password`, `no_text_layer`, `blank`, `not_a_report`.
    public var kind: String {
        switch self {
        case .pdf(let e): return e.kind
        case .noTextLayer: return "no_text_layer"
        case .blank: return "blank"
        case .notAReport: return "not_a_report"
        }
    }

    /// Distinct exit status per kind (documented in the README).
    public var exitCode: Int32 {
        switch kind {
        case "unreadable": return 10
        case "empty": return 11
        case "not_pdf": return 12
        case "damaged": return 13
        case "password_required": return 14
        case "wrong_password": return 15
        case "no_text_layer": return 16
        case "blank": return 17
        case "not_a_report": return 18
        case "changed_during_read": return 19
        default: return 1
        }
    }
}
