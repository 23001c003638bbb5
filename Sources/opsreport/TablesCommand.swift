import ArgumentParser
import Foundation
import OpsReport
import PDFLayout
import TableExport
import TableLayout

/// `opsreport tables FILE.pdf [--pages 1,3-5] [--format F] [-o OUT|-] [--password P] [--debug DIR]`:
/// every table of any PDF, from the generic engine (no report knowledge).
struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Find every table of a PDF and write its cells (json, csv, tsv, jsonl, md or xlsx).",
        discussion: """
        Boxes are [x0, y0, x1, y1] in PDF points, origin top-left, y down; pages are 1-based. \
        csv/tsv: one table to standard output, several tables to OUT-p<page>-t<n>.<ext> (give -o OUT). \
        `-` as FILE reads standard input. \
        Exit status: 0 success (also when no table is found); 10 unreadable file (or a FIFO, device or socket), \
        11 empty file, 12 not a PDF, 13 damaged PDF, 14 password required, 15 wrong password, 16 no text layer, \
        17 blank document; 20 standard input over 256 MiB, or the memory or CPU-time limit \
        reached (--memory-limit, --cpu-limit: 50 s + 1 s a page); 64 usage (bad --pages, a page the document does not \
        have, several csv/tsv tables without -o); 73 an output cannot be written or is the input; 74 disk full; \
        141 closed pipe.
        """)

    @Argument(help: "The PDF (`-`: standard input).", completion: FileCompletions.pdf) var file: String
    @Option(help: "Pages to read, e.g. 1,3-5 (default: all).") var pages: String?
    @Option(help: "Output format: json, csv, tsv, jsonl, md or xlsx.") var format: String = "json"
    @Option(name: .shortAndLong, help: "Output file (- for standard output, the default); csv/tsv with several tables: the name stem.",
            completion: FileCompletions.anyFile) var output: String?
    @Option(help: "User password of an encrypted PDF.") var password: String?
    @Option(help: "Write one PNG per page with the detected tables, rows, columns and cells drawn over it into this folder.",
            completion: FileCompletions.directory) var debug: String?
    @OptionGroup var limits: ResourceLimitOptions

    func validate() throws {
        guard TableFormat(rawValue: format) != nil else {
            throw ValidationError("Unknown --format \(format); use one of \(TableFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let pages, PageList.parse(pages) == nil { throw ValidationError("Bad --pages \(pages); write e.g. 1,3-5.") }
    }

    func run() throws {
        let fmt = TableFormat(rawValue: format)!
        try limits.apply(file: file)
        try InputOverwrite.refuse(outputs: [output], inputs: [file])
        let input: StandardStreams.Input
        do { input = try StandardStreams.Input(file) } catch let e as StandardStreams.InputError { CLIOutput.error(e.message); throw ExitCode(e.exitStatus) }
        defer { input.cleanup() }
        let doc: PDFDocument
        do { doc = try PDFDocument(path: input.path, password: password) } catch let e as PDFLayoutError { fail(ExtractionError.pdf(e), input) }
        let wanted = pages.flatMap(PageList.parse) ?? Array(1...doc.pageCount)
        if let bad = wanted.first(where: { $0 > doc.pageCount }) {
            CLIOutput.error("\(file): page \(bad) does not exist (the document has \(doc.pageCount) pages).")
            throw ExitCode(64)
        }
        ResourceLimits.allow(wanted.count, secondsEach: ResourceLimits.textPageCPUSeconds, for: "page(s) read")
        let found: [PageTables]
        do { found = try TableDetector.tables(in: doc, pages: wanted) } catch let e as PDFLayoutError { fail(ExtractionError.pdf(e), input) }
        if found.allSatisfy({ $0.page.words.isEmpty }) {
            let imaged = wanted.prefix(3).contains { ((try? doc.page($0, imageCoverage: true))?.imageCoverage ?? 0) > 0.3 }
            fail(imaged ? .noTextLayer(path: file, pages: doc.pageCount) : .blank(path: file, pages: doc.pageCount), input)
        }
        if let debug { try writeDebug(found, doc: doc, to: debug) }
        let tables = found.flatMap(\.tables)
        if tables.isEmpty { CLIOutput.warning("\(file): no table found") }
        try write(tables, as: fmt)
    }

    /// Reports `e` (standard input's temporary path named as such) and exits with its status.
    private func fail(_ e: ExtractionError, _ input: StandardStreams.Input) -> Never {
        CLIOutput.error(input.naming(e.message))
        input.cleanup()
        Foundation.exit(e.exitCode)
    }

    /// Writes the output: one file or standard output; csv/tsv one file per table.
    private func write(_ tables: [DetectedTable], as fmt: TableFormat) throws {
        let toStdout = output == nil || output == "-"
        if fmt.onePerTable && tables.count > 1 {
            guard !toStdout, let output else {
                CLIOutput.error("\(file): \(tables.count) tables found; \(fmt.rawValue) holds one table per file: give -o OUT to write OUT-p<page>-t<n>.\(fmt.fileExtension).")
                throw ExitCode(64)
            }
            let stem = output.hasSuffix("." + fmt.fileExtension) ? String(output.dropLast(fmt.fileExtension.count + 1)) : output
            var perPage: [Int: Int] = [:]
            for t in tables {
                perPage[t.page, default: 0] += 1
                try save(try TableExporter.render([t], as: fmt), to: "\(stem)-p\(t.page)-t\(perPage[t.page]!).\(fmt.fileExtension)")
            }
            return
        }
        let bytes: [UInt8]
        do { bytes = try TableExporter.render(tables, as: fmt) } catch { CLIOutput.error("\(file): \(error)"); throw ExitCode(73) }
        if toStdout { try StandardOutput.writeOrExit(Data(bytes)) } else { try save(bytes, to: output!) }
    }

    private func save(_ bytes: [UInt8], to path: String) throws {
        do { try AtomicFile.write(Data(bytes), to: path, createDirectories: false, inputs: [file].filter { $0 != StandardStreams.dash }) } catch {
            if let status = OutputCheck.diskFull(error, path) { throw ExitCode(status) }
            CLIOutput.error("\(MessageText.quoted(path)): cannot write the output: \(error.localizedDescription). Choose a writable path in an existing directory.")
            throw ExitCode(73)
        }
    }

    private func writeDebug(_ found: [PageTables], doc: PDFDocument, to dir: String) throws {
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            CLIOutput.error("\(dir): cannot create the debug folder: \(error.localizedDescription)."); throw ExitCode(73)
        }
        let stem = file == StandardStreams.dash ? "stdin" : URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        for p in found {
            let png: [UInt8]
            do {
                png = try doc.overlayPNG(page: p.page.number, scale: 2, rotation: p.page.rotation,
                                         boxes: DebugOverlay.boxes(tables: p.tables, rulings: p.rulings))
            } catch let e as PDFLayoutError { CLIOutput.error(e.message); throw ExitCode(ExtractionError.pdf(e).exitCode) }
            try save(png, to: dir + "/\(stem)-p\(p.page.number).png")
        }
    }
}

/// `--pages` lists: `1,3-5` → [1, 3, 4, 5].
enum PageList {
    /// The pages in order, duplicates removed; `nil` when the text is not a list of positive
    /// numbers and ascending ranges.
    static func parse(_ s: String) -> [Int]? {
        var out: [Int] = []
        for part in s.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ ($0 ?? 0) >= 1 }) else { return nil }
            let a = bounds[0]!, b = bounds.last!!
            guard a <= b else { return nil }
            for p in a...b where !out.contains(p) { out.append(p) }
        }
        return out.isEmpty ? nil : out
    }
}
