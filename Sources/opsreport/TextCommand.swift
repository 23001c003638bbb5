import ArgumentParser
import PDFLayout

struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "text", abstract: "Dump the words and lines of a page (debugging).")
    @Argument(help: "The PDF.") var file: String
    @Option(name: .shortAndLong, help: "1-based page; all pages when omitted.") var page: Int?
    @Option(help: "Password of an encrypted PDF.") var password: String?
    func run() throws {
        let d = try PDFDocument(path: file, password: password)
        for n in page.map({ [$0] }) ?? Array(1...d.pageCount) {
            let p = try d.page(n)
            for w in p.words { print(p.number, w.text, w.bbox.array, w.fontSize, w.fontName) }
        }
    }
}
