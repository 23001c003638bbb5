import ArgumentParser

/// What shell completion offers for each file argument and option: file names with the given
/// extensions, in lower and upper case (`report.pdf`, `SCAN.PDF`), and folders.
enum FileCompletions {
    /// `.file` completion for `extensions` (given in lower case), each also in upper case.
    static func files(_ extensions: String...) -> CompletionKind {
        .file(extensions: extensions.flatMap { [$0, $0.uppercased()] })
    }

    static let pdf = files("pdf")
    static let json = files("json")
    static let pdfOrJSON = files("pdf", "json")
    static let auditInput = files("pdf", "json", "sqlite", "db")
    static let database = files("sqlite", "db")
    static let html = files("html", "htm")
    /// Any file (the output of `tables`, whose extension follows `--format`).
    static let anyFile = CompletionKind.file()
    static let directory = CompletionKind.directory
}
