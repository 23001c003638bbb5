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
    /// The `PopplerDocument` (owned by this object; do not unref).
    var popplerDocument: OpaquePointer { doc }

    /// Opens the PDF at `path`.
    ///
    /// - Parameters:
    ///   - path: a file system path.
    ///   - password: the user (or owner) password for an encrypted document.
    /// - Throws: `PDFLayoutError.unreadable`, `.empty`, `.notPDF`, `.damaged`,
    ///   `.passwordRequired` or `.wrongPassword`.
    public init(path: String, password: String? = nil) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw PDFLayoutError.unreadable(path: path, reason: "it is a directory, not a file")
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            throw PDFLayoutError.unreadable(path: path, reason: reason)
        }
        let head = (try? handle.read(upToCount: 1024)) ?? nil
        try? handle.close()
        guard let head, !head.isEmpty else { throw PDFLayoutError.empty(path: path) }
        guard head.range(of: Data("%PDF-".utf8)) != nil else { throw PDFLayoutError.notPDF(path: path) }

        var error: UnsafeMutablePointer<GError>? = nil
        let absolute = url.standardizedFileURL.path
        guard let uri = g_filename_to_uri(absolute, nil, &error) else {
            let reason = error.map { String(cString: $0.pointee.message) } ?? "cannot form a file URI"
            if error != nil { g_error_free(error) }
            throw PDFLayoutError.unreadable(path: path, reason: reason)
        }
        defer { g_free(uri) }
        let opened = poppler_document_new_from_file(uri, password, &error)
        guard let opened else {
            let code = error?.pointee.code ?? 0
            let domain = error?.pointee.domain ?? 0
            let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if error != nil { g_error_free(error) }
            if domain == poppler_error_quark(), code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw password == nil ? PDFLayoutError.passwordRequired(path: path) : PDFLayoutError.wrongPassword(path: path)
            }
            throw PDFLayoutError.damaged(path: path, reason: reason)
        }
        self.doc = opened
        self.pageCount = Int(poppler_document_get_n_pages(opened))
        self.metadata = PDFMetadata(
            title: Self.takeString(poppler_document_get_title(opened)),
            producer: Self.takeString(poppler_document_get_producer(opened)),
            creator: Self.takeString(poppler_document_get_creator(opened)))
        if pageCount == 0 {
            throw PDFLayoutError.damaged(path: path, reason: "no pages could be read")
        }
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(doc)) }

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

    /// SHA-256 of a file's bytes as lowercase hex, computed with GLib's `GChecksum`, reading the
    /// file in 1 MiB chunks (memory stays flat whatever the file's size).
    /// - Throws: `PDFLayoutError.unreadable` when the file cannot be opened or read.
    public static func sha256(ofFile path: String) throws -> String {
        guard let fh = FileHandle(forReadingAtPath: path) else {
            throw PDFLayoutError.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        defer { try? fh.close() }
        guard let checksum = g_checksum_new(G_CHECKSUM_SHA256) else { throw PDFLayoutError.unreadable(path: path, reason: "no SHA-256 in GLib") }
        defer { g_checksum_free(checksum) }
        do {
            while let chunk = try fh.read(upToCount: 1 << 20), !chunk.isEmpty {
                chunk.withUnsafeBytes { raw in
                    g_checksum_update(checksum, raw.bindMemory(to: guchar.self).baseAddress, gssize(raw.count))
                }
            }
        } catch {
            throw PDFLayoutError.unreadable(path: path, reason: "read error: \(error.localizedDescription)")
        }
        return String(cString: g_checksum_get_string(checksum))
    }

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
