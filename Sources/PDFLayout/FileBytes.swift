import CPoppler
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file once, safely: only a regular file (a FIFO, device or socket is refused rather than
/// blocking forever or reading without end), whole, with a check that it did not change while it
/// was read, into a `g_malloc` buffer that poppler can take without a copy. The SHA-256 is that of
/// exactly these bytes, so the hash recorded is the hash of what was parsed.
public enum FileBytes {
    /// What `open(2)` and `fstat(2)` say about `path`, as a refusal when it cannot be read as a file.
    /// - Parameter followSymlinks: when `false` a symbolic link is refused (`O_NOFOLLOW`).
    /// - Returns: an open descriptor (non-blocking, close-on-exec) and its `stat`.
    /// - Throws: `PDFLayoutError.unreadable` (missing, permission denied, a directory, not a
    ///   regular file, a link when links are not followed).
    static func openRegular(_ path: String, followSymlinks: Bool = true) throws -> (Int32, stat) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followSymlinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            let e = errno
            let reason: String
            switch e {
            case ENOENT: reason = "no such file"
            case EACCES, EPERM: reason = "permission denied"
            case ELOOP: reason = followSymlinks ? "too many levels of symbolic links" : "it is a symbolic link, which is not followed"
            case EISDIR: reason = "it is a directory, not a file"
            default: reason = String(cString: strerror(e))
            }
            throw PDFLayoutError.unreadable(path: path, reason: reason)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let reason = String(cString: strerror(errno)); close(fd)
            throw PDFLayoutError.unreadable(path: path, reason: reason)
        }
        let type = st.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(fd)
            let what = type == S_IFDIR ? "it is a directory, not a file"
                : "it is not a regular file but \(kindName(type)); save the PDF to a regular file first"
            throw PDFLayoutError.unreadable(path: path, reason: what)
        }
        return (fd, st)
    }

    /// "a FIFO", "a character device", … for a `st_mode & S_IFMT` value.
    public static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        case S_IFDIR: return "a directory"
        default: return "a special file"
        }
    }

    /// Whether two `stat`s of one open file describe the same content (size, modification and
    /// status-change times).
    static func sameContent(_ a: stat, _ b: stat) -> Bool {
        a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec
            && a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec
    }

    /// The whole content of the regular file at `path` in a new `GBytes`, and its SHA-256.
    ///
    /// - Parameter known: a hash taken earlier (by the batch's parent): when the file has its
    ///   identity, unchanged while it was read, these are the bytes that were hashed and
    ///   `known.sha256` is returned without hashing them again; otherwise they are hashed.
    /// - Returns: the bytes (owned by the caller: `g_bytes_unref`) and their lowercase hex SHA-256.
    /// - Throws: `PDFLayoutError.unreadable` (see `openRegular`, or a read error),
    ///   `.empty` (0 bytes), `.changedDuringRead` (its size or times changed while it was read,
    ///   or it held more or fewer bytes than its size said).
    public static func read(_ path: String, followSymlinks: Bool = true, known: KnownHash? = nil) throws -> (bytes: OpaquePointer, sha256: String) {
        let (fd, before) = try openRegular(path, followSymlinks: followSymlinks)
        defer { close(fd) }
        let size = Int(before.st_size)
        guard size > 0 else { throw PDFLayoutError.empty(path: path) }
        guard let buf = g_try_malloc(gsize(size)) else {
            throw PDFLayoutError.unreadable(path: path, reason: "cannot allocate \(size) bytes to read it (the file is too large for the memory limit)")
        }
        var offset = 0
        var failure: PDFLayoutError? = nil
        while offset < size {
            let n = Glibc.read(fd, buf + offset, size - offset)
            if n < 0 { if errno == EINTR { continue }; failure = .unreadable(path: path, reason: "read error: \(String(cString: strerror(errno)))"); break }
            if n == 0 { break }
            offset += n
        }
        var extra: UInt8 = 0
        var after = stat()
        if failure == nil {
            if offset != size || Glibc.read(fd, &extra, 1) > 0 || fstat(fd, &after) != 0 || !sameContent(before, after) {
                failure = .changedDuringRead(path: path)
            }
        }
        if let failure { g_free(buf); throw failure }
        let sha = known.map { $0.identity == FileIdentity(before) } == true ? known!.sha256 : sha256(UnsafeRawBufferPointer(start: buf, count: size))
        guard let bytes = g_bytes_new_take(buf, gsize(size)) else { g_free(buf); throw PDFLayoutError.unreadable(path: path, reason: "cannot wrap the bytes") }
        return (bytes, sha)
    }

    /// SHA-256 of the regular file at `path`, read in 1 MiB chunks (memory stays flat).
    ///
    /// - Parameters:
    ///   - followSymlinks: refuse a symbolic link when `false`.
    ///   - deadline: give up when reading passes this time (a file on a hung or very slow mount).
    /// - Throws: `PDFLayoutError.unreadable` (see `openRegular`; read error; deadline passed),
    ///   `.changedDuringRead` when its size or times changed while it was hashed.
    public static func sha256(ofFile path: String, followSymlinks: Bool = true, deadline: Date? = nil) throws -> String {
        try sha256(ofFile: path, followSymlinks: followSymlinks, deadline: deadline) { _ in }
    }

    /// `sha256(ofFile:followSymlinks:deadline:)`, giving `observed` the file's `stat` (the same
    /// before and after hashing).
    static func sha256(ofFile path: String, followSymlinks: Bool, deadline: Date?, observed: (stat) -> Void) throws -> String {
        let (fd, before) = try openRegular(path, followSymlinks: followSymlinks)
        defer { close(fd) }
        guard let checksum = g_checksum_new(G_CHECKSUM_SHA256) else { throw PDFLayoutError.unreadable(path: path, reason: "no SHA-256 in GLib") }
        defer { g_checksum_free(checksum) }
        let chunk = 1 << 20
        let buf = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buf.deallocate() }
        var total = 0
        while true {
            if let deadline, Date() > deadline {
                throw PDFLayoutError.unreadable(path: path, reason: "reading it took longer than the time limit")
            }
            let n = Glibc.read(fd, buf, chunk)
            if n < 0 { if errno == EINTR { continue }; throw PDFLayoutError.unreadable(path: path, reason: "read error: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            total += n
            // Never more than the size it had when opened: a file growing without end stops here.
            if total > Int(before.st_size) { throw PDFLayoutError.changedDuringRead(path: path) }
            g_checksum_update(checksum, buf.assumingMemoryBound(to: guchar.self), gssize(n))
        }
        var after = stat()
        guard total == Int(before.st_size), fstat(fd, &after) == 0, sameContent(before, after) else { throw PDFLayoutError.changedDuringRead(path: path) }
        observed(after)
        return String(cString: g_checksum_get_string(checksum))
    }

    /// SHA-256 of `raw` as lowercase hex (GLib `g_compute_checksum_for_data`).
    static func sha256(_ raw: UnsafeRawBufferPointer) -> String {
        let base = raw.bindMemory(to: guchar.self).baseAddress
        guard let c = g_compute_checksum_for_data(G_CHECKSUM_SHA256, base, gsize(raw.count)) else { return "" }
        defer { g_free(c) }
        return String(cString: c)
    }
}

extension FileBytes {
    /// SHA-256 of `bytes` as lowercase hex.
    public static func sha256(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { sha256($0) } }
}

extension FileBytes {
    /// The whole content of the regular file at `path` (e.g. a JSON input), at most `maxBytes`.
    /// - Throws: `PDFLayoutError.unreadable` (see `openRegular`; larger than `maxBytes`; a read
    ///   error) or `.changedDuringRead`.
    public static func data(ofFile path: String, maxBytes: Int) throws -> Data {
        let (fd, before) = try openRegular(path)
        defer { close(fd) }
        guard Int(before.st_size) <= maxBytes else {
            throw PDFLayoutError.unreadable(path: path, reason: "it is \(before.st_size) bytes, more than the \(maxBytes >> 20) MiB accepted")
        }
        var data = Data(count: Int(before.st_size))
        let n = data.withUnsafeMutableBytes { raw -> Int in
            var off = 0
            while off < raw.count {
                let r = Glibc.read(fd, raw.baseAddress! + off, raw.count - off)
                if r < 0 { if errno == EINTR { continue }; return -1 }
                if r == 0 { break }
                off += r
            }
            return off
        }
        guard n >= 0 else { throw PDFLayoutError.unreadable(path: path, reason: "read error: \(String(cString: strerror(errno)))") }
        var after = stat()
        guard n == data.count, fstat(fd, &after) == 0, sameContent(before, after) else { throw PDFLayoutError.changedDuringRead(path: path) }
        return data
    }
}

extension PDFLayoutError {
    /// The reason part of `.unreadable`/`.damaged`, else the message.
    public var reason: String {
        switch self {
        case let .unreadable(_, r), let .damaged(_, r): return r
        default: return message
        }
    }
}
