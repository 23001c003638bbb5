import Foundation
import OpsReport
import PDFLayout
import Reconcile

/// One fuzz input through the word-to-table pipeline or the JSON reader, never trapping.
///
/// The first byte chooses: even → the bytes are words (9 bytes each: page, x, y, width, height,
/// font size, text; coordinates in points, clamped by `GeometryLimits` as PDFLayout does) laid
/// out into a report, reconciled and checked against the schema invariants; odd → the rest is
/// JSON given to the report reader (`ReportCoding.decode`, as `reconcile FILE.json` does) and
/// reconciled when it decodes.
enum FuzzInput {
    /// Texts a word can hold: report vocabulary, numbers of every shape, hostile numbers.
    static let texts: [String] = [
        "Operations", "Report", "—", "January", "December", "2017", "Jan-17", "Feb-17", "Dec-17", "Sept", "Jan-", "17",
        "Total", "Applications", "Division", "of", "Effort", "Driver", "Days", "Helpdesk", "Emails", "Website", "Statistics",
        "Party", "Parties", "Voting", "Groups", "Meetings", "Modification", "Status", "Core", "Grand", "SECP_52_1201_11",
        "0", "1", "7", "12", "141", "1,224", "448.12", "5.30", "-", "–", "S7", "l.2S", "23.", "21st", "08/12/2017",
        "99999999999999999999", "92233720368547758.07", "9,223,372,036,854,775,807", "999,999,999,999,999", "1e300",
        "", " ", "\u{0}", "\n", "=cmd", "💥", "Accessions", "Withdrawals", "Expulsions", "Visitors", "telephone", "enquiries",
    ]
    /// Font sizes and extents a word can have, extreme ones included.
    static let extremes: [Double] = [0, 1, 8, 10, 12, 20, 1e-300, 1e18, 9.223372036854775808e18, 1e300, -1, -1e300,
                                     .infinity, -.infinity, .nan, .greatestFiniteMagnitude]

    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        if first & 1 == 1 { json(Data(bytes.dropFirst())); return }
        var pages: [[Word]] = [[], [], []]
        var i = 1
        while i + 9 <= bytes.count {
            let b = Array(bytes[i..<(i + 9)]); i += 9
            let page = Int(b[0]) % 3
            let x = Double(UInt16(b[1]) << 8 | UInt16(b[2])) / 64, y = Double(UInt16(b[3]) << 8 | UInt16(b[4])) / 64
            let w = b[5] < 240 ? Double(b[5]) / 4 : extremes[Int(b[5]) % extremes.count]
            let h = b[6] < 240 ? Double(b[6]) / 16 : extremes[Int(b[6]) % extremes.count]
            let size = b[7] < 200 ? Double(b[7]) / 8 : extremes[Int(b[7]) % extremes.count]
            let box = GeometryLimits.clamp(BBox(x0: x, y0: y, x1: x + w, y1: y + h), width: 612, height: 792)
            let text = texts[Int(b[8]) % texts.count]
            guard !text.isEmpty else { continue }
            pages[page].append(Word(text: text, bbox: box, fontSize: GeometryLimits.fontSize(size), fontName: "Helvetica", page: page + 1))
        }
        let pdfPages = pages.enumerated().map { PDFPage(number: $0.offset + 1, width: 612, height: 792, words: $0.element) }
        let source = Source(file: "fuzz.pdf", sha256: String(repeating: "0", count: 64), pages: 3)
        let report = Reconciler.reconcile(ReportExtractor.extract(pages: pdfPages, source: source))
        _ = ReportValidation.violations(report)
        _ = try? ReportCoding.encode(report)
    }

    static func json(_ data: Data) {
        guard let report = try? ReportCoding.decode(data) else { return }
        let r = Reconciler.reconcile(report)
        _ = ReportValidation.violations(r)
        _ = try? ReportCoding.encode(r)
    }
}
