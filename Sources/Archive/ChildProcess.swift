import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a child process ended.
public enum ChildTermination: Equatable, Sendable {
    /// It called `exit` with this status.
    case exited(Int32)
    /// It was ended by this signal (e.g. 11 = SIGSEGV, 6 = SIGABRT, 4/5 = a Swift trap).
    case signaled(Int32)
    /// It ran past the time limit and was killed with SIGKILL.
    case timedOut
}

/// The outcome of `ChildProcess.run`.
public struct ChildResult: Sendable {
    public var termination: ChildTermination
    /// Standard output, at most `ChildProcess.captureLimit` bytes (the rest is read and dropped).
    public var stdout: Data
    /// Standard error, at most `ChildProcess.captureLimit` bytes.
    public var stderr: Data
    /// Wall-clock seconds from launch to exit.
    public var duration: TimeInterval
}

/// Runs one program as a child process with a time limit. Blocking: call it from a worker thread.
///
/// On Linux the child is started through `setpriv --pdeathsig KILL` when `/usr/bin/setpriv`
/// exists, so it dies with the parent: a batch killed with SIGKILL leaves no orphan that could
/// still write into the output folder afterwards.
public enum ChildProcess {
    /// Bytes kept from each of stdout and stderr.
    public static let captureLimit = 1 << 20

    static let setpriv: String? = {
        for p in ["/usr/bin/setpriv", "/bin/setpriv"] where FileManager.default.isExecutableFile(atPath: p) { return p }
        return nil
    }()

    /// Runs `executable` with `arguments`, stdin from `/dev/null`.
    ///
    /// - Parameters:
    ///   - timeout: seconds before the child is killed (SIGKILL) and `.timedOut` returned.
    ///   - dieWithParent: start it under `setpriv --pdeathsig KILL` when available.
    ///   - group: the child is registered there while it runs, so that `ChildProcessGroup.cancel()`
    ///     can kill it (it then ends as `.signaled(9)`).
    /// - Throws: the launch error when the executable cannot be started (missing, not executable).
    public static func run(executable: String, arguments: [String], timeout: TimeInterval,
                           dieWithParent: Bool = true, group: ChildProcessGroup? = nil) throws -> ChildResult {
        let p = Process()
        if dieWithParent, let sp = setpriv {
            p.executableURL = URL(fileURLWithPath: sp)
            p.arguments = ["--pdeathsig", "KILL", "--", executable] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
        }
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: executable])
        }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in exited.signal() }
        let start = Date()
        try p.run()
        group?.add(p.processIdentifier)
        // Close our copies of the write ends so the readers see EOF when the child exits.
        try? out.fileHandleForWriting.close()
        try? err.fileHandleForWriting.close()

        let readers = DispatchGroup()
        let outBox = DataBox(), errBox = DataBox()
        for (h, box) in [(out.fileHandleForReading, outBox), (err.fileHandleForReading, errBox)] {
            // A serial queue of its own per pipe: the blocking read must not hold one of the few
            // threads of a global queue (which would delay other work, e.g. signal handlers).
            DispatchQueue(label: "opsreport.child.pipe").async(group: readers) { box.data = drain(h.fileDescriptor) }
        }
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(p.processIdentifier, SIGKILL)
            exited.wait()
        }
        group?.remove(p.processIdentifier)
        // Returns at once (the child has ended) and lets Foundation release what it keeps for a
        // running process: without it, about 1 KB per worker stays allocated.
        p.waitUntilExit()
        // A grandchild could hold the pipes open; do not wait for it for long.
        if readers.wait(timeout: .now() + 5) == .success {
            // Our read ends, closed now: Foundation keeps them open as long as it keeps the
            // Process (past this call), two descriptors per worker, and a batch of thousands of
            // files would run out of descriptors. (A reader still blocked in read(2) keeps its
            // descriptor rather than have it closed under it.)
            try? out.fileHandleForReading.close()
            try? err.fileHandleForReading.close()
        }
        let duration = Date().timeIntervalSince(start)
        let termination: ChildTermination
        if timedOut { termination = .timedOut }
        else if p.terminationReason == .uncaughtSignal { termination = .signaled(p.terminationStatus) }
        else { termination = .exited(p.terminationStatus) }
        return ChildResult(termination: termination, stdout: outBox.data, stderr: errBox.data, duration: duration)
    }

    private final class DataBox: @unchecked Sendable { var data = Data() }

    /// Reads `fd` to end of file, keeping the first `captureLimit` bytes.
    private static func drain(_ fd: Int32) -> Data {
        var kept = Data()
        let size = 65536
        let buf = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 1)
        defer { buf.deallocate() }
        while true {
            let n = read(fd, buf, size)
            if n < 0 { if errno == EINTR { continue }; break }
            if n == 0 { break }
            if kept.count < captureLimit { kept.append(buf.assumingMemoryBound(to: UInt8.self), count: min(n, captureLimit - kept.count)) }
        }
        return kept
    }

    /// The absolute path of the running executable (`/proc/self/exe` resolved), or `nil`.
    public static func currentExecutable() -> String? {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }
}
