import Foundation

/// Runs the built `opsreport` executable (next to the test bundle in the build directory).
enum CLI {
    static var executable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("opsreport")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "/nonexistent/opsreport")
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Runs `opsreport` with `arguments` and waits for it.
    static func run(_ arguments: [String], executable: URL = CLI.executable) throws -> Result {
        try run(executable.path, arguments)
    }

    /// Runs any program with `arguments` and waits for it.
    static func run(_ program: String, _ arguments: [String]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
