import Foundation

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
        do {
            try data.write(to: tmp)
            if rename(tmp.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }
}
