import Foundation

extension CLI {
    /// Runs `opsreport` with `arguments`, the file `stdin` (if any) as standard input and
    /// `directory` (if any) as the working directory; waits for it.
    static func run(_ arguments: [String], stdin: URL?, in directory: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        if let stdin { p.standardInput = try FileHandle(forReadingFrom: stdin) } else { p.standardInput = FileHandle.nullDevice }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        // Read both pipes at once so that neither fills up.
        final class Box: @unchecked Sendable { var data = Data() }
        let o = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { o.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let e = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o.data, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
