import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a reader never sees a half-written file: the bytes go to a temporary
/// file in the same directory, which is then renamed over the destination (atomic on POSIX).
public enum AtomicFile {
    /// Writes `data` to `path` atomically, creating parent directories.
    /// - Throws: the underlying `CocoaError`/POSIX error when the directory cannot be created or
    ///   the file cannot be written or renamed; the destination is then left untouched.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        func failure(_ what: String) -> CocoaError {
            CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
        }
        // Plain POSIX calls: Foundation's Data.write is several times slower here.
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot create a temporary file") }
        var ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        if close(fd) != 0 { ok = false }
        guard ok, rename(tmp.path, url.path) == 0 else {
            let error = failure("cannot write the file")
            unlink(tmp.path)
            throw error
        }
    }
}
