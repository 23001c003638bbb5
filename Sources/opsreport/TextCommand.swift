import ArgumentParser
import Foundation
import OpsReport
import OCR
import PDFLayout
import TableLayout

/// `opsreport text FILE.pdf [-p N] [--words] [--ocr]`: layout dump for debugging.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Dump the lines (or words) of a page with bounding boxes, for debugging.",
        discussion: "Boxes are [x0, y0, x1, y1] in PDF points, origin at the top-left of the page, y growing downwards.")
    @Argument(help: "The PDF (`-`: standard input).", completion: FileCompletions.pdf) var file: String
    @Option(name: .shortAndLong, help: "1-based page; all pages when omitted.") var page: Int?
    @Option(help: "User password of an encrypted PDF.") var password: String?
    @Flag(help: "One word per row (text, box, font size, font) instead of one line per row.") var words = false
    @Flag(help: "Read the page image with Tesseract (tables cell by cell, then the rest) instead of the text layer.") var ocr = false
    @OptionGroup var limits: ResourceLimitOptions

    func run() throws {
        try limits.apply(file: file)
        try InputOverwrite.refuse(outputs: [nil], inputs: [file])
        let input: StandardStreams.Input
        do { input = try StandardStreams.Input(file) } catch let e as StandardStreams.InputError { CLIOutput.error(e.message); throw ExitCode(e.exitStatus) }
        defer { input.cleanup() }
        let doc: PDFDocument
        do { doc = try PDFDocument(path: input.path, password: password) } catch let e as PDFLayoutError {
            CLIOutput.error(input.naming(ExtractionError.pdf(e).message))
            throw ExitCode(ExtractionError.pdf(e).exitCode)
        }
        var out = ""
        let wanted = page.map { [$0] } ?? Array(1...doc.pageCount)
        if ocr { ResourceLimits.allowOCR(pages: wanted.count) }
        else { ResourceLimits.allow(wanted.count, secondsEach: ResourceLimits.textPageCPUSeconds, for: "page(s) read") }
        for n in wanted {
            var p: PDFPage
            do { p = try doc.page(n) } catch let e as PDFLayoutError { CLIOutput.error(e.message); throw ExitCode(64) }
            if ocr {
                let read = try PageOCR().read(doc, page: n, rotation: p.rotation, wholePage: true)
                p.words = read.words
                out += "# OCR: skew \(fmt(read.skewDegrees))°, \(read.tables.count) ruled tables, \(read.cells.count) cells\n"
            }
            out += "# page \(n) (\(fmt(p.width)) x \(fmt(p.height)) pt, rotation \(p.rotation))\n"
            if words {
                for w in p.words { out += "\(w.text)\t\(box(w.bbox))\t\(fmt(w.fontSize))\t\(w.fontName)\n" }
            } else {
                for l in LineBuilder.lines(p.words) { out += "\(box(l.bbox))\t\(l.text)\n" }
            }
        }
        try StandardOutput.writeOrExit(Data(out.utf8))
    }

    private func fmt(_ v: Double) -> String { String(format: "%.2f", v) }
    private func box(_ b: BBox) -> String { "[\(fmt(b.x0)), \(fmt(b.y0)), \(fmt(b.x1)), \(fmt(b.y1))]" }
}
