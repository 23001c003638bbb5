import Foundation

extension CLI {
    struct PipedResult {
        var status: Int32
        var reason: Process.TerminationReason
        var stdout: Data
        var stderr: String
    }

    /// Runs `opsreport` with standard input a pipe fed by `feed` on another thread (the pipe is
    /// closed when `feed` returns), in `directory`, with `environment` added to this process's.
    /// With `closeStdout`, the read end of the standard output pipe is closed at once, so every
    /// write to it fails with `EPIPE`.
    static func runPiped(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], closeStdout: Bool = false,
                         feed: @escaping @Sendable (FileHandle) -> Void = { _ in }) throws -> PipedResult {
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe(), out = Pipe(), err = Pipe()
        p.standardInput = input; p.standardOutput = out; p.standardError = err
        try p.run()
        if closeStdout { try out.fileHandleForReading.close() }
        final class Box: @unchecked Sendable { var data = Data() }
        let o = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            feed(input.fileHandleForWriting)
            try? input.fileHandleForWriting.close()
        }
        if !closeStdout {
            DispatchQueue.global().async(group: group) { o.data = out.fileHandleForReading.readDataToEndOfFile() }
        }
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        group.wait()
        return PipedResult(status: p.terminationStatus, reason: p.terminationReason, stdout: o.data, stderr: String(decoding: e, as: UTF8.self))
    }

    /// Writes `count` zero bytes (after `prefix`) to `handle`, in 1 MiB chunks, stopping quietly
    /// when the reader has gone. Returns the zero bytes written.
    @discardableResult
    static func feedZeros(_ handle: FileHandle, prefix: Data = Data(), count: Int) -> Int {
        signal(SIGPIPE, SIG_IGN)
        let fd = handle.fileDescriptor
        var left = count
        let chunk = [UInt8](repeating: 0, count: 1 << 20)
        _ = prefix.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        while left > 0 {
            let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress, min(left, $0.count)) }
            if n <= 0 { break }
            left -= n
        }
        return count - left
    }
}
