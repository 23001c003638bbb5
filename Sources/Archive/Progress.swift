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

/// A one-line bar on standard error: `[#####-----] 12/200  3.4 files/s  ETA 0:56  name`, fitted
/// to the terminal's width (read with `TIOCGWINSZ`, read again on `SIGWINCH` and redrawn), so
/// that it never wraps; failures are printed above it as they happen.
public final class TerminalProgressBar: BatchProgress {
    var start = Date()
    var total = 0
    /// The last state drawn, for a redraw after a resize.
    var last: (done: Int, name: String) = (0, "")
    /// Terminal width in columns.
    var columns: Int
    let lock = NSLock()
    var resize: DispatchSourceSignal?
    let output: (String) -> Void

    /// - Parameters:
    ///   - columns: the width to fit; default the terminal's (`TerminalWidth.current`), kept up to date on `SIGWINCH`.
    ///   - output: where the text goes (default standard error).
    public init(columns: Int? = nil, output: ((String) -> Void)? = nil) {
        self.output = output ?? { FileHandle.standardError.write(Data($0.utf8)) }
        self.columns = columns ?? TerminalWidth.current(STDERR_FILENO) ?? TerminalWidth.fallback
        if columns == nil {
            signal(SIGWINCH, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self, let width = TerminalWidth.current(STDERR_FILENO) else { return }
                self.resized(columns: width)
            }
            source.resume()
            resize = source
        }
    }
    deinit { resize?.cancel() }

    func write(_ s: String) { output(s) }
    public func begin(total: Int) { lock.withLock { self.total = total; start = Date(); draw(done: 0, name: "") } }
    public func update(_ o: FileOutcome, done: Int, total: Int) {
        lock.withLock {
            if o.status == .failed { write("\r\u{1B}[K✗ \(o.name): \(o.reason?.rawValue ?? "") — \(o.message ?? "")\n") }
            draw(done: done, name: o.name)
        }
    }
    public func note(_ message: String) { lock.withLock { write("\r\u{1B}[K\(message)\n") } }
    public func end() { lock.withLock { resize?.cancel(); resize = nil; write("\n") } }

    /// The terminal is now `columns` wide: redraw the bar to fit.
    public func resized(columns: Int) { lock.withLock { self.columns = columns; draw(done: last.done, name: last.name) } }

    func draw(done: Int, name: String) {
        last = (done, name)
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Int(Double(total - done) / rate) : 0
        write("\r\u{1B}[K" + Self.line(done: done, total: total, rate: rate, eta: eta, name: name, columns: columns))
    }

    /// The bar's text for a terminal `columns` wide: at most `columns - 1` characters (the last
    /// column would wrap on some terminals). Parts are left out as the width shrinks: first the
    /// file name is shortened (`…` + its end), then dropped, then the rate and ETA, then the bar
    /// narrows; the count `done/total` is kept longest.
    public static func line(done: Int, total: Int, rate: Double, eta: Int, name: String, columns: Int) -> String {
        let room = max(1, columns - 1)
        let count = "\(done)/\(total)"
        let stats = String(format: "  %.1f files/s  ETA %d:%02d", rate, eta / 60, eta % 60)
        func bar(_ width: Int) -> String {
            let frac = total == 0 ? 1 : min(1, Double(done) / Double(total))
            let filled = Int(frac * Double(width))
            return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
        }
        let maxBar = 28, minBar = 8, minName = 12
        // Bar width: a quarter of the terminal, within bounds.
        let barWidth = max(minBar, min(maxBar, room / 4))
        var head = bar(barWidth) + count
        if head.count + stats.count <= room {
            head += stats
            let space = room - head.count - 2
            guard !name.isEmpty, space >= minName else { return head }
            let shown = name.count <= space ? name : "…" + name.suffix(space - 1)
            return head + "  " + shown
        }
        if head.count <= room { return head }
        head = bar(max(0, min(barWidth, room - count.count - 3))) + count
        return head.count <= room ? head : String(count.prefix(room))
    }
}

/// The width of a terminal.
public enum TerminalWidth {
    /// Columns assumed when the width cannot be read.
    public static let fallback = 80
    /// The width of the terminal on file descriptor `fd` (`TIOCGWINSZ`); when the terminal does
    /// not know its width (0 columns, e.g. a serial line), the `COLUMNS` environment variable;
    /// `nil` when `fd` is not a terminal or neither says.
    public static func current(_ fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0 else { return nil }
        if ws.ws_col > 0 { return Int(ws.ws_col) }
        return environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
}
