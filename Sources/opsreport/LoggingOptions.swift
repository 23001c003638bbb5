import ArgumentParser
import Foundation
import Logging
import PDFLayout

/// `--quiet`, `--verbose` and `--log-format plain|json`: how much a command logs to standard
/// error, and in which form.
struct LoggingOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// `info: message key=value`: no timestamp, no source label.
        case plain
        /// One JSON object per line: `time` (ISO 8601), `level`, `label`, `message`, `metadata`.
        case json
    }

    @Flag(name: .shortAndLong, help: "Log only warnings and errors (failed files); no progress bar.") var quiet = false
    @Flag(name: .shortAndLong, help: "Log debug messages too.") var verbose = false
    @Option(help: "Form of the log lines on standard error: plain or json (one object per line).") var logFormat: Format = .plain

    func validate() throws {
        if quiet && verbose { throw ValidationError("Give either --quiet or --verbose, not both.") }
    }

    /// The lowest level logged.
    var level: Logger.Level { quiet ? .warning : verbose ? .debug : .info }

    /// A logger writing to standard error in the chosen form, from the chosen level.
    func logger(label: String) -> Logger {
        var logger = Logger(label: label) { CLILogHandler(label: $0, format: logFormat) }
        logger.logLevel = level
        return logger
    }
}

/// A swift-log handler writing one line per message to standard error, as plain text or JSON.
struct CLILogHandler: LogHandler {
    let label: String
    let format: LoggingOptions.Format
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    var write: @Sendable (String) -> Void = { StandardOutput.standardError($0) }

    init(label: String, format: LoggingOptions.Format) { self.label = label; self.format = format }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        write(Self.line(level: event.level, message: "\(event.message)", metadata: metadata.merging(event.metadata ?? [:]) { $1 },
                        label: label, format: format, time: Date()))
    }

    /// The text of one log line, newline included.
    static func line(level: Logger.Level, message: String, metadata: Logger.Metadata, label: String,
                     format: LoggingOptions.Format, time: Date) -> String {
        switch format {
        case .plain:
            // One line whatever the message holds (a folder name with a newline cannot forge a
            // line of its own).
            let meta = metadata.sorted { $0.key < $1.key }.map { " \($0.key)=\(MessageText.oneLine("\($0.value)"))" }.joined()
            return "\(level.rawValue): \(MessageText.oneLine(message))\(meta)\n"
        case .json:
            var object: [String: Any] = ["time": ISO8601DateFormatter().string(from: time), "level": level.rawValue,
                                         "label": label, "message": message]
            if !metadata.isEmpty { object["metadata"] = metadata.mapValues { "\($0)" } }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }
}
