import CPoppler
import Foundation

/// Document-level metadata read from the PDF's Info dictionary through poppler
/// (`poppler_document_get_title`, `_get_producer`, `_get_creator`).
public struct PDFMetadata: Codable, Hashable, Sendable {
    public var title: String?
    public var producer: String?
    public var creator: String?
    public init(title: String? = nil, producer: String? = nil, creator: String? = nil) {
        self.title = title; self.producer = producer; self.creator = creator
    }
}

/// An open PDF document, read through poppler-glib.
///
/// Owns the `PopplerDocument` and releases it (`g_object_unref`) when deallocated. Every page
/// object it takes is released before the method that took it returns. Not thread-safe: use one
/// instance per thread.
public final class PDFDocument {
    /// The path the document was opened from.
    public let path: String
    /// Number of pages (`poppler_document_get_n_pages`).
    public let pageCount: Int
    /// Title, producer and creator from the Info dictionary.
    public let metadata: PDFMetadata

    private let doc: OpaquePointer
    /// The file's bytes, which the document parses in place (released after it).
    private let bytes: OpaquePointer
    /// The `PopplerDocument` (owned by this object; do not unref).
    var popplerDocument: OpaquePointer { doc }

    /// SHA-256 (lowercase hex) of the bytes poppler parsed: the file is read once, hashed and
    /// parsed from memory, so a file changing on disk cannot pair one content's hash with
    /// another's data.
    public let sha256: String

    /// Opens the PDF at `path`: reads the regular file whole into memory once (`FileBytes.read`),
    /// hashes those bytes and parses them (`poppler_document_new_from_bytes`); an encrypted
    /// document given a password is parsed from the file, checked to still hash the same.
    ///
    /// - Parameters:
    ///   - path: a file system path (a FIFO, device or socket is refused, never read).
    ///   - password: the user (or owner) password for an encrypted document.
    ///   - knownHash: the file's hash taken by the caller (see `FileBytes.read(_:followSymlinks:known:)`):
    ///     used as `sha256` when the file still has the identity it had then.
    /// - Throws: `PDFLayoutError.unreadable`, `.empty`, `.notPDF`, `.damaged`,
    ///   `.passwordRequired`, `.wrongPassword` or `.changedDuringRead`.
    public init(path: String, password: String? = nil, knownHash: KnownHash? = nil) throws {
        self.path = path
        let (bytes, sha) = try FileBytes.read(path, known: knownHash)
        var kept = false  // once `self.bytes` holds them, `deinit` releases them
        defer { if !kept { g_bytes_unref(bytes) } }
        self.sha256 = sha
        var size: gsize = 0
        let head = g_bytes_get_data(bytes, &size).map { UnsafeRawBufferPointer(start: $0, count: min(Int(size), 1024)) }
        guard let head, head.count > 0 else { throw PDFLayoutError.empty(path: path) }
        guard Data(head).range(of: Data("%PDF-".utf8)) != nil else { throw PDFLayoutError.notPDF(path: path) }

        // The bytes are parsed with no password first: poppler 22.12 crashes on a wrong password
        // given with in-memory bytes (it retries on a stream it has already deleted). An encrypted
        // document with a password is therefore opened from the file, whose bytes must then still
        // hash to `sha` (else `.changedDuringRead`).
        var outcome = Self.open { poppler_document_new_from_bytes(bytes, nil, &$0) }
        if outcome.encrypted, let password {
            var error: UnsafeMutablePointer<GError>? = nil
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            guard let uri = g_filename_to_uri(absolute, nil, &error) else {
                if error != nil { g_error_free(error) }
                throw PDFLayoutError.unreadable(path: path, reason: "cannot form a file URI")
            }
            defer { g_free(uri) }
            outcome = Self.open { poppler_document_new_from_file(uri, password, &$0) }
            if outcome.doc != nil, (try? FileBytes.sha256(ofFile: path)) != sha {
                g_object_unref(UnsafeMutableRawPointer(outcome.doc!))
                throw PDFLayoutError.changedDuringRead(path: path)
            }
        }
        guard let opened = outcome.doc else {
            if outcome.encrypted {
                throw password == nil ? PDFLayoutError.passwordRequired(path: path) : PDFLayoutError.wrongPassword(path: path)
            }
            throw PDFLayoutError.damaged(path: path, reason: outcome.reason)
        }
        self.doc = opened
        self.bytes = bytes
        kept = true
        self.pageCount = Int(poppler_document_get_n_pages(opened))
        self.metadata = PDFMetadata(
            title: Self.takeString(poppler_document_get_title(opened)),
            producer: Self.takeString(poppler_document_get_producer(opened)),
            creator: Self.takeString(poppler_document_get_creator(opened)))
        if pageCount == 0 {
            throw PDFLayoutError.damaged(path: path, reason: "no pages could be read")
        }
    }

    /// Calls a poppler opener; the document, or whether it failed as encrypted and why.
    private static func open(_ opener: (inout UnsafeMutablePointer<GError>?) -> OpaquePointer?) -> (doc: OpaquePointer?, encrypted: Bool, reason: String) {
        var error: UnsafeMutablePointer<GError>? = nil
        let doc = opener(&error)
        guard doc == nil else { if error != nil { g_error_free(error) }; return (doc, false, "") }
        let encrypted = error.map { $0.pointee.domain == poppler_error_quark() && $0.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) } ?? false
        let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
        if error != nil { g_error_free(error) }
        return (nil, encrypted, reason)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(doc))
        g_bytes_unref(bytes)
    }

    /// Converts a newly allocated C string to a Swift string and frees it with `g_free`.
    static func takeString(_ p: UnsafeMutablePointer<gchar>?) -> String? {
        guard let p else { return nil }
        defer { g_free(p) }
        let s = String(cString: p).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }

    /// Reads page `number` (1-based): its size and its words.
    ///
    /// - Parameter imageCoverage: also measure how much of the page is covered by images
    ///   (`poppler_page_get_image_mapping`); costs a content-stream pass.
    /// - Throws: `PDFLayoutError.pageOutOfRange`.
    public func page(_ number: Int, imageCoverage: Bool = false) throws -> PDFPage {
        guard number >= 1, number <= pageCount else {
            throw PDFLayoutError.pageOutOfRange(path: path, page: number, pageCount: pageCount)
        }
        guard let page = poppler_document_get_page(doc, Int32(number - 1)) else {
            throw PDFLayoutError.damaged(path: path, reason: "page \(number) cannot be read")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return PageReader(page: page, number: number).read(imageCoverage: imageCoverage)
    }

    /// Reads every page in order. See `page(_:imageCoverage:)`.
    public func pages(imageCoverage: Bool = false) throws -> [PDFPage] {
        try (1...pageCount).map { try page($0, imageCoverage: imageCoverage) }
    }

    /// SHA-256 of a regular file's bytes as lowercase hex (GLib `GChecksum`, 1 MiB chunks); see
    /// `FileBytes.sha256(ofFile:followSymlinks:deadline:)`.
    /// - Throws: `PDFLayoutError.unreadable` (missing, not a regular file, read error) or
    ///   `.changedDuringRead`.
    public static func sha256(ofFile path: String) throws -> String { try FileBytes.sha256(ofFile: path) }

    /// SHA-256 of `data` as lowercase hex (GLib `g_compute_checksum_for_data`).
    public static func sha256(_ data: Data) -> String {
        data.withUnsafeBytes { raw -> String in
            let base = raw.bindMemory(to: guchar.self).baseAddress
            guard let c = g_compute_checksum_for_data(G_CHECKSUM_SHA256, base, gsize(raw.count)) else { return "" }
            defer { g_free(c) }
            return String(cString: c)
        }
    }
}
