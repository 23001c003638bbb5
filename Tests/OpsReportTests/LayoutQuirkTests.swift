import XCTest
import OpsReport

/// One test per quirk that users of other extractors report (pdfplumber, Tabula, camelot,
/// Docling), reproduced on our own reports: the tables of the November 2017 report's truth are
/// printed again with one quirk switched on, and every cell must come back exact with no
/// `error` finding.
final class LayoutQuirkTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsreport-quirks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func content() throws -> VariantContent { VariantContent(report: try Fixtures.truth("2017-11-operations-report")) }

    func assertExact(_ layout: VariantLayout, content c: VariantContent? = nil, _ name: String, seed: UInt64 = 7, file: StaticString = #filePath, line: UInt = #line) throws -> VariantPrinter {
        let r = LayoutVariantTests.check(layout: layout, content: try c ?? content(), seed: seed, path: dir.appendingPathComponent("\(name).pdf").path)
        XCTAssertEqual(r.problems, [], name, file: file, line: line)
        return r.printer
    }

    func testPlainLayout() throws { _ = try assertExact(.plain, "plain") }

    /// `Jun-` over `17` in most columns, one `Jul-17` unwrapped and centred on the band, and the
    /// label column's heading `Category` vertically centred.
    func testWrappedMonthHeadersWithOneUnwrappedAndCentredCategory() throws {
        var l = VariantLayout.plain
        l.headerForm = .wrappedDash; l.unwrapped = [7]; l.labelHeader = true; l.labelHeaderPlacement = 1
        _ = try assertExact(l, "wrapped-months")
    }

    /// Month over year on two lines (`Jul` / `2017`).
    func testMonthOverYear() throws {
        var l = VariantLayout.plain
        l.headerForm = .wrappedYear; l.monthNames = .corpus
        _ = try assertExact(l, "month-over-year")
    }

    /// Ligature code points (U+FB01 ﬁ) in labels: `Conﬁguration Management` stays the driver.
    func testLigaturesInLabels() throws {
        var l = VariantLayout.plain
        l.ligatures = true
        _ = try assertExact(l, "ligatures")
    }

    /// No-break spaces as thousands separators.
    func testNoBreakSpaceThousands() throws {
        var l = VariantLayout.plain
        l.thousands = "\u{00A0}"
        _ = try assertExact(l, "nbsp")
    }

    /// Zero counts left as empty cells (the party table).
    func testZerosLeftEmpty() throws {
        var l = VariantLayout.plain
        l.zero = ""
        _ = try assertExact(l, "empty-zeros")
    }

    /// A wrapped label broken by a page break: values and the label's start on one page, its
    /// tail alone on the next under the repeated header.
    func testRowBrokenByPageBreak() throws {
        var l = VariantLayout.plain
        l.splitRows = true
        var split = false
        for start in stride(from: 0.5, through: 1.4, by: 0.01) where !split {
            l.helpdeskStart = start
            split = try assertExact(l, "split-row-\(Int(start * 100))").splitRowPrinted
        }
        XCTAssertTrue(split, "some start position breaks a wrapped row")
    }

    /// U+2212 MINUS SIGN before a value.
    func testUnicodeMinus() throws {
        var l = VariantLayout.plain
        l.minus = "\u{2212}"
        var c = try content()
        // Accessions less withdrawals, as a later layout might print it.
        let accessions = c.party[0].values.map { $0 ?? 0 }
        let net: [Int?] = accessions.indices.map { j -> Int? in j % 2 == 0 ? -(accessions[j] + 1) : accessions[j] }
        c.party.append(.init(label: "Net Change", values: net))
        XCTAssertTrue(c.party.last!.values.contains { ($0 ?? 0) < 0 })
        _ = try assertExact(l, content: c, "minus")
    }

    /// A raised footnote digit after a value (`42.64` followed by a smaller `1`).
    func testSuperscriptAfterValue() throws {
        var l = VariantLayout.plain
        l.superscript = true
        _ = try assertExact(l, "superscript")
    }

    /// Text a person cannot see right after a visible value: white on white, and a digit hidden
    /// under a white box.
    func testInvisibleTextAfterValue() throws {
        for hidden in [HiddenText.white, .covered] {
            var l = VariantLayout.plain
            l.hidden = hidden
            _ = try assertExact(l, "hidden-\(hidden)")
        }
    }

    /// A header row at 7 pt with cells 2 pt apart.
    func testSmallHeaderNarrowGaps() throws {
        var l = VariantLayout.plain
        l.headerSize = 7; l.size = 7; l.gap = 2
        _ = try assertExact(l, "narrow")
    }

    /// Every word drawn twice, a little apart (fake bold), and cells drawn out of reading order:
    /// over faces, sizes, offsets (up to a fifth of an em, where a narrow glyph's copy overlaps
    /// it by less than half) and drawing orders, so that poppler runs a copy into the next word
    /// (`OfficialProfile`) or into its own word (`ofof`), before or after the original; with
    /// and without ligature glyphs (`Proﬁle`, one glyph for `fi`) in the copied words.
    func testFakeBoldAndDrawingOrder() throws {
        var n = 0
        for family in ["DejaVu Sans", "Liberation Sans Narrow", "DejaVu Serif"] {
            for size in [7.0, 9.0, 11.0] {
                for share in [0.1, 0.15, 0.2] {
                    for ligatures in [false, true] {
                        var l = VariantLayout.plain
                        l.family = family; l.size = size; l.headerSize = size; l.ligatures = ligatures
                        l.fakeBold = (share * size * 10).rounded() / 10; l.shuffled = true
                        _ = try assertExact(l, "fake-bold-\(n)", seed: UInt64(n + 1))
                        n += 1
                    }
                }
            }
        }
    }

    /// Month headers wider than their columns (`September 2021` over two-digit values, 2–4 pt
    /// apart), so that neighbouring header cells overlap, over sparse columns (zeros left
    /// empty): a value left-aligned under its header (or right-aligned) is placed by the edge
    /// it shares with it, not by the gap between the overlapping headers.
    func testWideOverlappingHeadersOverSparseAlignedValues() throws {
        var n = 0
        for size in [8.0, 10.0] {
            for align in [Alignment.left, .right] {
                for gap in [2.0, 4.0] {
                    for names in [MonthNames.full, .corpus] {
                        var l = VariantLayout.plain
                        l.size = size; l.headerSize = size; l.align = align; l.gap = gap
                        l.headerForm = .spaceYear; l.monthNames = names; l.zero = ""
                        // Generated contents too: one-digit values under the widest headers.
                        for seed in [nil] + (1...4).map(UInt64.init) {
                            _ = try assertExact(l, content: try seed.map { VariantContent(seed: $0) } ?? content(), "wide-headers-\(n)")
                            n += 1
                        }
                    }
                }
            }
        }
    }

    /// Thousands grouped with a thin or no-break space in a monospaced face, whose space is as
    /// wide as a digit: with columns as far apart as one space (or closer), the gaps inside
    /// numbers and between cells are the same width, and only the columns' alignment and the
    /// header band tell them apart.
    func testSpaceThousandsAsWideAsTheColumnGap() throws {
        var n = 0
        for size in [7.0, 9.0, 10.0, 11.0] {
            for space in ["\u{2009}", "\u{00A0}"] {
                for align in [Alignment.right, .centre] {
                    for gap in [0.6 * size, 2.0] {
                        var l = VariantLayout.plain
                        l.family = "DejaVu Sans Mono"; l.size = size; l.headerSize = size
                        l.thousands = space; l.align = align; l.gap = gap
                        _ = try assertExact(l, "mono-thousands-\(n)")
                        n += 1
                    }
                }
            }
        }
    }
}
