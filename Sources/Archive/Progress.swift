import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Receives a batch's progress. The runner calls it from one thread at a time.
public protocol BatchProgress: AnyObject {
    /// The run starts with `total` files.
    func begin(total: Int)
    /// One file is finished; `done` of `total` are.
    func update(_ outcome: FileOutcome, done: Int, total: Int)
    /// A phase message (hashing, cross-report rules, export).
    func note(_ message: String)
    /// The run is over.
    func end()
}

/// Chooses the progress display: a bar when standard error is a terminal, log lines otherwise.
public func makeBatchProgress(logger: Logger) -> BatchProgress {
    isatty(STDERR_FILENO) != 0 ? TerminalProgressBar() : LogProgress(logger: logger)
}

/// Plain log lines (swift-log): one per file, failures as warnings.
public final class LogProgress: BatchProgress {
    let logger: Logger
    public init(logger: Logger) { self.logger = logger }
    public func begin(total: Int) { logger.info("batch: \(total) PDF(s) to check") }
    public func update(_ o: FileOutcome, done: Int, total: Int) {
        let head = "[\(done)/\(total)] \(o.status.rawValue) \(o.name)"
        if o.status == .failed {
            logger.warning("\(head): \(o.reason?.rawValue ?? "") — \(o.message ?? "")")
        } else {
            logger.info("\(head)\(o.period.map { " (\($0))" } ?? "")\(o.seconds > 0 ? String(format: " %.1fs", o.seconds) : "")")
        }
    }
    public func note(_ message: String) { logger.info("\(message)") }
    public func end() {}
}

/// A one-line bar on standard error: `[#####-----] 12/200  3.4 files/s  ETA 0:56  name`;
/// failures are printed above it as they happen.
public final class TerminalProgressBar: BatchProgress {
    var start = Date()
    var total = 0
    public init() {}
    func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
    public func begin(total: Int) { self.total = total; start = Date(); draw(done: 0, name: "") }
    public func update(_ o: FileOutcome, done: Int, total: Int) {
        if o.status == .failed { write("\r\u{1B}[K✗ \(o.name): \(o.reason?.rawValue ?? "") — \(o.message ?? "")\n") }
        draw(done: done, name: o.name)
    }
    public func note(_ message: String) { write("\r\u{1B}[K\(message)\n") }
    public func end() { write("\n") }

    func draw(done: Int, name: String) {
        let width = 28
        let frac = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int(frac * Double(width))
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Int(Double(total - done) / rate) : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let shortName = name.count > 40 ? "…" + name.suffix(39) : name
        write("\r\u{1B}[K[\(bar)] \(done)/\(total)  " + String(format: "%.1f files/s  ETA %d:%02d", rate, eta / 60, eta % 60) + "  \(shortName)")
    }
}
