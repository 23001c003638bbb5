import XCTest
@testable import OpsReport
import PDFLayout
import TableLayout

/// Tables laid out from words placed by hand, in layouts the corpus does not have: other month
/// formats, `-` for zero, new categories, a table continued on another page, centred and
/// top-aligned group labels. They check that nothing is keyed to the corpus's coordinates,
/// row names, months or table numbers.
final class SyntheticLayoutTests: XCTestCase {
    /// A word of width 5.5 pt per character, height 10 pt, at (x, y) top-left.
    func w(_ t: String, _ x: Double, _ y: Double, page: Int = 1, size: Double = 9, rightAlign: Bool = false) -> Word {
        let width = 5.5 * Double(t.count)
        let x0 = rightAlign ? x - width : x
        return Word(text: t, bbox: BBox(x0: x0, y0: y, x1: x0 + width, y1: y + 10), fontSize: size, fontName: "Helvetica", page: page)
    }

    func region(_ words: [Word], caption: String = "Table 9: Something") -> TableRegion {
        let pages = Dictionary(grouping: words, by: \.page).keys.sorted()
        let segments = pages.map { p in LineBuilder.lines(words.filter { $0.page == p }) }
        return TableRegion(caption: TextLine(words: [w(caption, 100, 500)], page: pages.last!), segments: segments)
    }

    func testMonthMatrixWithSpelledOutHeadersDashZerosAndNewCategory() throws {
        var words: [Word] = []
        let months = ["Jun 2018", "Jul 2018", "Aug 2018"]
        for (j, m) in months.enumerated() {
            let parts = m.split(separator: " ")
            words.append(w(String(parts[0]), 200 + Double(j) * 60 - 20, 100))
            words.append(w(String(parts[1]), 200 + Double(j) * 60 - 22, 100, rightAlign: false))
        }
        // The year parts sit on the same line as the months here ("Jun 2018"): rebuild them as one word each.
        words = months.enumerated().map { j, m in w(m, 170 + Double(j) * 60, 100) }
        let rows: [(String, [String])] = [("Applications", ["12", "-", "7"]), ("Cyber Security Queries", ["3", "4", "–"]), ("Total", ["15", "4", "7"])]
        for (i, r) in rows.enumerated() {
            let y = 120 + Double(i) * 14
            words += r.0.split(separator: " ").enumerated().map { k, part in w(String(part), 40 + Double(k) * 40, y) }
            for (j, v) in r.1.enumerated() { words.append(w(v, 215 + Double(j) * 60, y, rightAlign: true)) }
        }
        let m = try XCTUnwrap(MonthMatrixParser.parse(region(words), period: "2018-08"))
        XCTAssertEqual(m.months, ["2018-06", "2018-07", "2018-08"])
        XCTAssertFalse(m.monthsInferred)
        XCTAssertEqual(m.rows.map(\.label), ["Applications", "Cyber Security Queries", "Total"])
        XCTAssertEqual(m.rows[0].cells.map { $0.flatMap { NumberText.parseInt($0.text) } }, [12, 0, 7])
        XCTAssertEqual(m.rows[1].cells.map { $0.flatMap { NumberText.parseInt($0.text) } }, [3, 4, 0])
    }

    func testWrappedHeadersYearSpanAndWrappedLabels() throws {
        // "Nov-" / "17" wrapped headers, a label wrapped over two lines around its values.
        var words: [Word] = []
        let heads = [("Nov-", "17"), ("Dec-", "17"), ("Jan-", "18")]
        for (j, h) in heads.enumerated() {
            words.append(w(h.0, 190 + Double(j) * 50, 100))
            words.append(w(h.1, 194 + Double(j) * 50, 110.4))
        }
        words += [w("Panel", 40, 130), w("&", 72, 130), w("Board", 82, 130), w("Correspondence", 40, 140.4)]
        for j in 0..<3 { words.append(w(["5", "6", "7"][j], 214 + Double(j) * 50, 135.2, rightAlign: true)) }
        words += [w("Other", 40, 155)]
        for j in 0..<3 { words.append(w(["1", "2", "3"][j], 214 + Double(j) * 50, 155, rightAlign: true)) }
        let m = try XCTUnwrap(MonthMatrixParser.parse(region(words), period: "2018-01"))
        XCTAssertEqual(m.months, ["2017-11", "2017-12", "2018-01"])
        XCTAssertEqual(m.rows.map(\.label), ["Panel & Board Correspondence", "Other"])
    }

    func testMonthNamesWrappedOverFullYears() throws {
        var words: [Word] = []
        for (j, m) in ["Jun", "Jul", "Aug"].enumerated() {
            words.append(w(m, 200 + Double(j) * 50, 100))
            words.append(w("2018", 198 + Double(j) * 50, 110.4))
        }
        words.append(w("Accessions", 40, 130))
        for j in 0..<3 { words.append(w(["4", "-", "6"][j], 222 + Double(j) * 50, 130, rightAlign: true)) }
        let m = try XCTUnwrap(MonthMatrixParser.parse(region(words), period: "2018-08"))
        XCTAssertEqual(m.months, ["2018-06", "2018-07", "2018-08"])
        XCTAssertFalse(m.monthsInferred)
        XCTAssertEqual(m.rows.map(\.label), ["Accessions"])
        XCTAssertEqual(m.rows[0].cells.map { $0.flatMap { NumberText.parseInt($0.text) } }, [4, 0, 6])
    }

    func testTopAlignedWrappedLabels() throws {
        var words: [Word] = []
        for (j, h) in ["Jan-17", "Feb-17"].enumerated() { words.append(w(h, 190 + Double(j) * 50, 100)) }
        // "Consultation" on the values' line, "Correspondence" wrapped one line below it.
        words += [w("Consultation", 40, 120), w("Correspondence", 40, 130.6), w("Other", 40, 146)]
        for j in 0..<2 { words.append(w(["6", "23"][j], 220 + Double(j) * 50, 120, rightAlign: true)) }
        for j in 0..<2 { words.append(w(["1", "2"][j], 220 + Double(j) * 50, 146, rightAlign: true)) }
        let m = try XCTUnwrap(MonthMatrixParser.parse(region(words), period: "2017-02"))
        XCTAssertEqual(m.rows.map(\.label), ["Consultation Correspondence", "Other"])
    }

    func testMonthNamesTakeYearsFromSpanningYearLabels() throws {
        var words = [w("2017", 150, 90), w("2018", 300, 90)]
        for (j, name) in ["Nov", "Dec", "Jan", "Feb"].enumerated() { words.append(w(name, 200 + Double(j) * 50, 102)) }
        words.append(w("Visitors", 40, 120))
        for j in 0..<4 { words.append(w("1,00\(j)", 222 + Double(j) * 50, 120, rightAlign: true)) }
        let m = try XCTUnwrap(MonthMatrixParser.parse(region(words), period: "2018-02"))
        XCTAssertEqual(m.months, ["2017-11", "2017-12", "2018-01", "2018-02"])
        XCTAssertEqual(m.rows.first?.cells.map { $0.flatMap { NumberText.parseInt($0.text) } }, [1000, 1001, 1002, 1003])
    }

    func testTableContinuedOnNextPageKeepsMonthsAndAppendsRows() throws {
        var words: [Word] = []
        for page in 1...2 {
            for (j, h) in ["Jan-17", "Feb-17"].enumerated() { words.append(w(h, 190 + Double(j) * 50, 100, page: page)) }
            let labels = page == 1 ? ["Alpha", "Beta"] : ["Gamma", "Total"]
            for (i, l) in labels.enumerated() {
                let y = 120 + Double(i) * 14
                words.append(w(l, 40, y, page: page))
                for j in 0..<2 { words.append(w("\(page)\(i)\(j)", 220 + Double(j) * 50, y, page: page, rightAlign: true)) }
            }
        }
        let m = try XCTUnwrap(MonthMatrixParser.parse(region(words), period: "2017-02"))
        XCTAssertEqual(m.rows.map(\.label), ["Alpha", "Beta", "Gamma", "Total"])
        XCTAssertEqual(m.rows[2].cells.map { $0?.text }, ["200", "201"])
        XCTAssertEqual(m.rows[2].cells.first??.page, 2)
    }

    func testHeaderlessOCRTableInfersMonthsFromThePeriod() throws {
        var words: [Word] = []
        for (i, l) in ["Alpha", "Beta", "Total"].enumerated() {
            let y = 120 + Double(i) * 14
            words.append(w(l, 40, y))
            for j in 0..<4 { words.append(w("\(i + 1)\(j)", 220 + Double(j) * 40, y, rightAlign: true)) }
        }
        let m = try XCTUnwrap(MonthMatrixParser.parse(region(words), period: "2017-02"))
        XCTAssertTrue(m.monthsInferred)
        XCTAssertEqual(m.months, ["2016-11", "2016-12", "2017-01", "2017-02"])
    }

    func testSpanningGroupLabelsCentredAndTopAligned() {
        let rows = (0..<6).map { 100 + Double($0) * 14 }
        // Centred: "A" over rows 0-3 (centre 121), "B" over rows 4-5 (centre 163).
        XCTAssertEqual(SpanningLabels.assign(rows: rows, labels: [121, 163]), [0, 0, 0, 0, 1, 1])
        // Top-aligned: "A" at row 0, "B" at row 2.
        XCTAssertEqual(SpanningLabels.assign(rows: rows, labels: [100, 128]), [0, 0, 1, 1, 1, 1])
    }

    /// Labels that all sit on rows fit both readings exactly (centred on runs of 1, 7 and 3 rows,
    /// or at the first rows of runs of 4, 5 and 2): the first-row reading wins the tie, for every
    /// such split of eleven rows into three groups.
    func testSpanningGroupLabelsOnRowsReadAsFirstRows() {
        let rows = (0..<11).map { 300 + Double($0) * 16 }
        for a in 1..<10 { for b in (a + 1)..<11 {
            let expected = (0..<11).map { $0 < a ? 0 : $0 < b ? 1 : 2 }
            XCTAssertEqual(SpanningLabels.assign(rows: rows, labels: [rows[0], rows[a], rows[b]]), expected, "groups at rows 0, \(a), \(b)")
        } }
    }

    func testRowBandsKeepALabelOnlyRowWhoseValuesWereLost() {
        let anchors = [TextLine(words: [w("10", 200, 100)], page: 1), TextLine(words: [w("20", 200, 140)], page: 1)]
        let labels = [TextLine(words: [w("First", 40, 100)], page: 1),
                      TextLine(words: [w("Lost", 40, 115)], page: 1), TextLine(words: [w("Row", 40, 125.4)], page: 1),
                      TextLine(words: [w("Second", 40, 140)], page: 1)]
        let bands = RowBands.build(anchors: anchors, labels: labels)
        XCTAssertEqual(bands.map { $0.labelLines.map(\.text).joined(separator: " ") }, ["First", "Lost Row", "Second"])
        XCTAssertNil(bands[1].anchor)
    }

    func testKeyValueTableWithGroupsAndTotal() throws {
        var words = [w("Driver", 40, 90), w("Days", 300, 90)]
        let drivers = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
        for (i, d) in drivers.enumerated() {
            let y = 104 + Double(i) * 14
            words.append(w(d, 110, y))
            words.append(w(String(format: "%d.%02d", i + 1, i * 7), 330, y, rightAlign: true))
        }
        words.append(w("Core", 40, 118))      // centred over Alpha-Gamma (rows 0-2)
        words.append(w("Projects", 40, 153))  // centred over Delta-Epsilon
        words.append(w("Grand", 40, 174)); words.append(w("Total", 74, 174)); words.append(w("16.70", 330, 174, rightAlign: true))
        let t = try XCTUnwrap(KeyValueTableParser.parse(region(words)))
        XCTAssertEqual(t.rows.map(\.label), drivers)
        XCTAssertEqual(t.rows.map(\.group), ["Core", "Core", "Core", "Projects", "Projects"])
        XCTAssertEqual(t.total?.value?.text, "16.70")
    }
}

/// Region finding across a page break, with footnotes at the foot of the first page.
final class SyntheticRegionTests: XCTestCase {
    func w(_ t: String, _ x: Double, _ y: Double, page: Int, size: Double = 9) -> Word {
        Word(text: t, bbox: BBox(x0: x, y0: y, x1: x + 5.5 * Double(t.count), y1: y + size * 1.1), fontSize: size, fontName: "Helvetica", page: page)
    }

    func testTableContinuedAfterFootnotesOnThePreviousPage() {
        var p1: [Word] = [w("Below", 50, 100, page: 1), w("are", 90, 100, page: 1), w("the", 120, 100, page: 1), w("figures:", 145, 100, page: 1)]
        p1 += [w("Alpha", 50, 120, page: 1), w("10", 200, 120, page: 1)]
        p1 += [w("1", 50, 700, page: 1, size: 7), w("A", 60, 700, page: 1, size: 7), w("footnote.", 70, 700, page: 1, size: 7)]
        let p2: [Word] = [w("Beta", 50, 80, page: 2), w("20", 200, 80, page: 2),
                          w("Table", 100, 100, page: 2), w("7:", 135, 100, page: 2), w("Figures", 150, 100, page: 2)]
        let pages = [PDFPage(number: 1, width: 595, height: 842, words: p1), PDFPage(number: 2, width: 595, height: 842, words: p2)]
        let doc = DocumentLayout(pages: pages)
        guard let ref = doc.first(where: { TableRegionFinder.isCaption($0.text) }) else { return XCTFail("no caption") }
        let region = TableRegionFinder.region(in: doc, captionRef: ref)
        XCTAssertEqual(region.segments.map { $0.map(\.text) }, [["Alpha 10"], ["Beta 20"]])
    }
}

/// A whole synthetic report in a later layout: the caption set *above* its table after ordinary
/// prose, tables renumbered, `Jun 2018` headers, a new category, `-` for zero.
final class SyntheticReportTests: XCTestCase {
    func line(_ text: String, x: Double = 50, y: Double, size: Double = 10, bold: Bool = false) -> [Word] {
        var words: [Word] = []
        var cx = x
        for t in text.split(separator: " ") {
            let w = 5.2 * Double(t.count)
            words.append(Word(text: String(t), bbox: BBox(x0: cx, y0: y, x1: cx + w, y1: y + size * 1.15), fontSize: size,
                              fontName: bold ? "Helvetica-Bold" : "Helvetica", page: 1))
            cx += w + 3
        }
        return words
    }
    func cell(_ t: String, right: Double, y: Double) -> Word {
        Word(text: t, bbox: BBox(x0: right - 5.2 * Double(t.count), y0: y, x1: right, y1: y + 10.35), fontSize: 9, fontName: "Helvetica", page: 1)
    }

    func testCaptionAboveTheTableAndALaterLayout() {
        var words = line("Operations Report — August 2018", y: 40, size: 16, bold: true)
        words += line("There were approximately 90 telephone enquiries and 31 email enquiries in August 2018.", y: 80)
        words += line("The categories are broken down as follows over three months", y: 94)
        words += line("Table 7: SECAS Helpdesk Emails by Category", x: 150, y: 112, size: 9, bold: true)
        for (j, m) in ["Jun 2018", "Jul 2018", "Aug 2018"].enumerated() {
            words += line(m, x: 222 + Double(j) * 60, y: 130, size: 9, bold: true)
        }
        let rows: [(String, [String])] = [("Applications", ["12", "-", "7"]), ("Cyber Security Queries", ["3", "4", "24"]), ("Total", ["15", "4", "31"])]
        for (i, r) in rows.enumerated() {
            let y = 146 + Double(i) * 14
            words += line(r.0, y: y, size: 9)
            for (j, v) in r.1.enumerated() { words.append(cell(v, right: 262 + Double(j) * 60, y: y)) }
        }
        let page = PDFPage(number: 1, width: 595, height: 842, words: words)
        let r = ReportExtractor.build(pages: [page], source: Source(file: "synthetic", sha256: "", pages: 1), metadata: PDFMetadata(), isScan: { false })
        XCTAssertEqual(r.period, "2018-08")
        XCTAssertEqual(r.helpdesk?.months, ["2018-06", "2018-07", "2018-08"])
        XCTAssertEqual(r.helpdesk?.rows.map(\.category), ["Applications", "Cyber Security Queries"])
        XCTAssertEqual(r.helpdesk?.rows.first?.counts, [12, 0, 7])
        XCTAssertEqual(r.helpdesk?.total, [15, 4, 31])
        XCTAssertEqual(r.narrative.emailEnquiries, 31)
        XCTAssertTrue(r.missingSections.contains("drivers"))
        XCTAssertFalse(r.missingSections.contains("helpdesk"))
    }
}
