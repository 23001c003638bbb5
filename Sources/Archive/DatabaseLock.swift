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
    convenience init(databasePath: String) throws {
        try self.init(lockFile: databasePath + ".lock", busy: .databaseBusy(databasePath)) {
            BatchError.database(databasePath, underlying: $0)
        }
    }

    /// The lock of an output folder: a `flock` on the folder itself (created if needed), so no
    /// lock file appears among the outputs.
    /// - Throws: `BatchError.output` when it cannot be created, `BatchError.outputBusy` when held.
    init(outputDirectory: String) throws {
        do { try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true) } catch {
            throw BatchError.output(outputDirectory, underlying: "cannot create the folder: \(error.localizedDescription)")
        }
        fd = open(outputDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw BatchError.output(outputDirectory, underlying: "cannot open the folder: \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK {
            close(fd)
            throw BatchError.outputBusy(outputDirectory)
        }
    }

    /// Creates the folder of `lockFile` if needed and takes an exclusive `flock` on it.
    init(lockFile path: String, busy: BatchError, failure: (String) -> BatchError) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw failure("cannot create the folder \(dir): \(error.localizedDescription)")
        }
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw failure("cannot create \(path): \(String(cString: strerror(errno)))") }
        // A file system without flock support (ENOLCK, EINVAL) is run without the lock.
        if flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK {
            close(fd)
            throw busy
        }
    }

    deinit { close(fd) }
}
