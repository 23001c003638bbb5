import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on `<database>.lock` (`flock`), held by a batch for its whole run so that two
/// batches never write to one database at once (the second stops with `BatchError.databaseBusy`).
/// The kernel releases it when the process ends, however it ends.
final class DatabaseLock {
    private let fd: Int32

    /// Creates the folder of `databasePath` if needed and takes the lock.
    /// - Throws: `BatchError.database` when the folder or lock file cannot be created,
    ///   `BatchError.databaseBusy` when another process holds the lock.
    init(databasePath: String) throws {
        let dir = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw BatchError.database(databasePath, underlying: "cannot create the folder \(dir): \(error.localizedDescription)")
        }
        let path = databasePath + ".lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw BatchError.database(databasePath, underlying: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        // A file system without flock support (ENOLCK, EINVAL) is run without the lock.
        if flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK {
            close(fd)
            throw BatchError.databaseBusy(databasePath)
        }
    }

    deinit { close(fd) }
}
