/// Why a file could not be read as a PDF with a usable text layer.
///
/// Each case carries the file path so that a message can name it. `exitCode` gives the distinct
/// process exit status the command-line tool uses for the case.
public enum PDFLayoutError: Error, Equatable, Sendable {
    /// The file does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// The file has zero bytes.
    case empty(path: String)
    /// The bytes are not a PDF (no `%PDF-` header).
    case notPDF(path: String)
    /// A PDF header is present but poppler could not parse the document (truncated, broken xref).
    case damaged(path: String, reason: String)
    /// The document is encrypted and no password was given.
    case passwordRequired(path: String)
    /// The document is encrypted and the given password is wrong.
    case wrongPassword(path: String)
    /// A page index outside `1...pageCount` was asked for.
    case pageOutOfRange(path: String, page: Int, pageCount: Int)
    /// The file changed (size or times) while it was being read: nothing was parsed from it.
    case changedDuringRead(path: String)

    /// A one-paragraph message: the file, what is wrong, what to do.
    public var message: String {
        switch self {
        case let .unreadable(p, r): return "\(p): cannot read the file (\(r)). Check the path and its permissions."
        case let .empty(p): return "\(p): the file is empty (0 bytes). Download or copy it again."
        case let .notPDF(p): return "\(p): not a PDF (the file does not start with a %PDF- header). Check that this is the report and not, e.g., an HTML error page saved with a .pdf name."
        case let .damaged(p, r): return "\(p): damaged or incomplete PDF (\(r)). The file is probably truncated; download it again."
        case let .passwordRequired(p): return "\(p): the PDF is encrypted and needs a password. Run again with --password."
        case let .wrongPassword(p): return "\(p): the PDF is encrypted and the password given is wrong. Check the password and run again."
        case let .pageOutOfRange(p, page, n): return "\(p): page \(page) does not exist (the document has \(n) pages)."
        case let .changedDuringRead(p): return "\(p): the file changed while it was being read (it is still being written or copied). Run again once it is complete."
        }
    }

    /// Short machine-readable kind, e.g. `"damaged"`.
    public var kind: String {
        switch self {
        case .unreadable: return "unreadable"
        case .empty: return "empty"
        case .notPDF: return "not_pdf"
        case .damaged: return "damaged"
        case .passwordRequired: return "password_required"
        case .wrongPassword: return "wrong_password"
        case .pageOutOfRange: return "page_out_of_range"
        case .changedDuringRead: return "changed_during_read"
        }
    }
}
