import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a reader never sees a half-written file: the bytes go to a temporary
/// file in the same directory, which is then renamed over the destination (atomic on POSIX).
public enum AtomicFile {
    /// Writes `data` to `path` atomically: a temporary file in the same directory is written,
    /// flushed to disk (`fsync`) and renamed over `path`.
    ///
    /// - Parameters:
    ///   - createDirectories: create missing parent directories (batch output folders); when
    ///     `false` (a path a user named) a missing directory is an error.
    /// - Throws: `CocoaError` naming the path and the reason when the directory is missing or
    ///   cannot be created, the destination exists but is read-only, or the file cannot be
    ///   written or renamed; the destination is then left untouched and no temporary file remains.
    public static func write(_ data: Data, to path: String, createDirectories: Bool = true) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        func refuse(_ reason: String) -> CocoaError {
            CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: reason])
        }
        var isDir: ObjCBool = false
        if createDirectories {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } else if !FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) || !isDir.boolValue {
            throw refuse("the directory \(dir.path) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue { throw refuse("\(path) is a directory") }
            if access(path, W_OK) != 0 { throw refuse("\(path) exists and is read-only") }
        }
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
        if ok && fsync(fd) != 0 { ok = false }
        if close(fd) != 0 { ok = false }
        guard ok, rename(tmp.path, url.path) == 0 else {
            let error = failure("cannot write the file")
            unlink(tmp.path)
            throw error
        }
    }
}
