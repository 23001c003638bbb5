import Foundation

extension VariantPrinter {
    /// The drivers table: spanning group labels, wrapped driver names, days, a grand total.
    func printDrivers() {
        heading("2. SECAS Time Devoted by Driver", lead: "The division of effort within the month is shown at Driver level below:")
        let s = layout.size, lineH = s * 1.2
        if layout.captionAbove { caption("Table 1: Division of Effort by Driver (Days Worked)") }
        let groupX = 70.0
        let groupW = content.drivers.map { width($0.group, size: s) }.max()! + width("Grand", size: s) * 0.2
        let driverX = groupX + max(groupW, width("Grand Total", size: s)) + max(8, layout.gap)
        let wrapped = content.drivers.map { wrap($0.driver, size: s, limit: layout.labelWrap + 60) }
        let driverW = wrapped.flatMap { $0 }.map { width($0, size: s) }.max()!
        let daysX1 = driverX + driverW + max(layout.gap, 6) + width("000.00", size: s)
        func header() {
            emit("Driver", x: driverX, baseline: y + 0.9 * s, size: s, bold: true)
            emit("Days", x: daysX1 - width("Days", size: s, bold: true), baseline: y + 0.9 * s, size: s, bold: true)
            y += lineH + 0.4 * s
        }
        header()
        var valueBaselines: [Double] = []
        // Group labels over their runs of rows `from..<to` (one page's rows).
        func labelGroups(_ from: Int, _ to: Int) {
            var start = from
            for i in from..<to where i == to - 1 || content.drivers[i + 1].group != content.drivers[i].group {
                let b = layout.centredGroups ? (valueBaselines[start] + valueBaselines[i]) / 2 : valueBaselines[start]
                emitLabel(content.drivers[i].group, x: groupX, baseline: b, size: s)
                start = i + 1
            }
        }
        // Rows that would run past the page's bottom go on to the next page, under the header
        // again when headers repeat; a group's label is printed over its rows on each page.
        var pageFirst = 0
        for (i, d) in content.drivers.enumerated() {
            let lines = wrapped[i]
            if i > 0, y + Double(lines.count) * lineH > bottom {
                labelGroups(pageFirst, i); pageFirst = i
                endPage(); startPage(width: pageWidth)
                if layout.repeatHeader { header() }
            }
            let b0 = y + 0.9 * s
            for (k, l) in lines.enumerated() { emitLabel(l, x: driverX, baseline: b0 + Double(k) * lineH, size: s) }
            let vb = layout.centredValues ? b0 + Double(lines.count - 1) * lineH / 2 : b0
            let text = Self.days(d.hundredths)
            let end = emitValue(text, x0: daysX1 - width("000.00", size: s), x1: daysX1, baseline: vb, size: s)
            if layout.superscript, i == content.drivers.count / 2 {
                emit("1", x: end + 0.5, baseline: vb - 0.4 * s, size: 0.6 * s)
            }
            valueBaselines.append(vb)
            y += Double(lines.count) * lineH + layout.rowGap * s
        }
        labelGroups(pageFirst, content.drivers.count)
        if y + lineH > bottom { endPage(); startPage(width: pageWidth); if layout.repeatHeader { header() } }
        emit("Grand Total", x: groupX, baseline: y + 0.9 * s, size: s, bold: true)
        _ = emitValue(Self.days(content.grandTotal), x0: daysX1 - width("000.00", size: s), x1: daysX1, baseline: y + 0.9 * s, size: s)
        y += lineH + 0.5 * s
        if !layout.captionAbove { caption("Table 1: Division of Effort by Driver (Days Worked)") }
    }

    static func days(_ h: Int) -> String { "\(h / 100)." + (h % 100 < 10 ? "0" : "") + "\(h % 100)" }

    /// Header lines of each month column, top to bottom, and the spanning year labels.
    func monthHeaders() -> (columns: [[String]], years: [(text: String, first: Int, last: Int)]) {
        var cols: [[String]] = []
        var years: [(String, Int, Int)] = []
        var r = rng
        for (j, m) in content.months.enumerated() {
            let y = Int(m.prefix(4))!, mo = Int(m.suffix(2))!
            let yy = String(format: "%02d", y % 100)
            let named = [Self.monthShort, Self.monthCorpus, Self.monthFull][MonthNames.allCases.firstIndex(of: layout.monthNames)!][mo - 1]
            switch layout.headerForm {
            case .dashYY: cols.append(["\(Self.monthShort[mo - 1])-\(yy)"])
            case .wrappedDash:
                let whole = layout.unwrapped.map { $0.contains(j) } ?? r.chance(0.15)
                cols.append(whole ? ["\(Self.monthShort[mo - 1])-\(yy)"] : ["\(Self.monthShort[mo - 1])-", yy])
            case .spaceYear: cols.append(["\(named) \(y)"])
            case .wrappedYear: cols.append([named, "\(y)"])
            case .spanningYear:
                cols.append([named])
                if let last = years.last, last.0 == "\(y)" { years[years.count - 1].2 = j } else { years.append(("\(y)", j, j)) }
            }
        }
        return (cols, years.map { (text: $0.0, first: $0.1, last: $0.2) })
    }

    /// A month table: header band, wrapped labels, values, optional total row, caption.
    func printMonthTable(heading text: String, lead: String, caption cap: String, rows: [VariantContent.MonthRow],
                         total: [Int]?, start: Double, allowEmpty: Bool) {
        let s = layout.size, lineH = s * 1.2
        var hs = layout.headerSize
        let (headers, years) = monthHeaders()
        var printed = rows.map { r in (label: wrap(r.label, size: s, limit: layout.labelWrap), values: r.values.map { number($0, allowEmpty: allowEmpty) }) }
        if let total { printed.append((label: ["Total"], values: total.map { number($0, allowEmpty: false) })) }
        let labelW = max(printed.flatMap(\.label).map { width($0, size: s) }.max()!, layout.labelHeader ? width("Category", size: hs) : 0)
        func columnWidths() -> [Double] {
            (0..<12).map { j in
                max(4, printed.compactMap { $0.values[j] }.map { width($0, size: s) }.max() ?? 0, headers[j].map { width($0, size: hs) }.max()!)
            }
        }
        var colW = columnWidths()
        var gap = layout.gap
        func totalWidth() -> Double { 60 + labelW + gap + colW.reduce(0, +) + gap * 11 }
        var pageW = 595.28
        if totalWidth() > pageW - 30 { pageW = 841.89 }
        while totalWidth() > pageW - 30, gap > 2 { gap -= 1 }
        // A table must fit its page: long month names are set smaller, as a typesetter would.
        while totalWidth() > pageW - 30, hs > 5 { hs -= 0.5; colW = columnWidths() }
        let hLineH = hs * 1.2
        endPage(); startPage(width: pageW)
        y = top + start * (bottom - top - 200)
        heading(text, lead: lead)
        if layout.captionAbove { caption(cap) }
        var x0s: [Double] = []
        var x = 60 + labelW + gap
        for w in colW { x0s.append(x); x += w + gap }
        let nLines = Double((headers.map(\.count).max() ?? 1) + (years.isEmpty ? 0 : 1))
        func band() {
            var b = y
            if !years.isEmpty {
                for yr in years {
                    let mid: Double = (x0s[yr.first] + x0s[yr.last] + colW[yr.last]) / 2
                    let w: Double = self.width(yr.text, size: hs)
                    emit(yr.text, x: mid - w / 2, baseline: b + 0.9 * hs, size: hs, bold: true)
                }
                b += hLineH
            }
            let monthLines = Double(headers.map(\.count).max() ?? 1)
            for (j, h) in headers.enumerated() {
                let offset = (monthLines - Double(h.count)) / 2 * hLineH
                for (k, part) in h.enumerated() {
                    let mid: Double = x0s[j] + colW[j] / 2
                    let w: Double = self.width(part, size: hs)
                    let base: Double = b + offset + Double(k) * hLineH + 0.9 * hs
                    emit(part, x: mid - w / 2, baseline: base, size: hs, bold: true)
                }
            }
            if layout.labelHeader {
                let k = Double(layout.labelHeaderPlacement) / 2 * (nLines - 1)
                emit("Category", x: 60, baseline: y + k * hLineH + 0.9 * hs, size: hs, bold: true)
            }
            y += nLines * hLineH + 0.4 * s
        }
        band()
        var r = rng
        let hidden = (row: Int.random(in: 0..<rows.count, using: &r), col: Int.random(in: 0..<12, using: &r))
        for (i, row) in printed.enumerated() {
            let rowH = Double(row.label.count) * lineH
            if layout.splitRows, row.label.count >= 2, y + lineH <= bottom, y + rowH > bottom {
                // The row broken by the page break: values with its first label line here, the
                // rest of the label at the top of the next page.
                emitLabel(row.label[0], x: 60, baseline: y + 0.9 * s, size: s)
                for (j, v) in row.values.enumerated() {
                    if let v { _ = emitValue(v, x0: x0s[j], x1: x0s[j] + colW[j], baseline: y + 0.9 * s, size: s) }
                }
                endPage(); startPage(width: pageW)
                splitRowPrinted = true
                if layout.repeatHeader { band() }
                for (k, l) in row.label.dropFirst().enumerated() { emitLabel(l, x: 60, baseline: y + 0.9 * s + Double(k) * lineH, size: s) }
                y += Double(row.label.count - 1) * lineH + layout.rowGap * s
                continue
            }
            if y + rowH > bottom {
                endPage(); startPage(width: pageW)
                if layout.repeatHeader { band() }
            }
            let b0 = y + 0.9 * s
            for (k, l) in row.label.enumerated() { emitLabel(l, x: 60, baseline: b0 + Double(k) * lineH, size: s) }
            let vb = layout.centredValues ? b0 + Double(row.label.count - 1) * lineH / 2 : b0
            for (j, v) in row.values.enumerated() {
                guard let v else { continue }
                let end = emitValue(v, x0: x0s[j], x1: x0s[j] + colW[j], baseline: vb, size: s)
                if i == hidden.row, j == hidden.col, total != nil { emitHidden(after: end, baseline: vb, size: s) }
            }
            y += rowH + layout.rowGap * s
        }
        y += 0.3 * s
        if !layout.captionAbove { caption(cap) }
    }

    /// Text a person cannot see right after a visible value: white on white, or covered by a white box.
    func emitHidden(after x: Double, baseline: Double, size: Double) {
        switch layout.hidden {
        case .none: return
        case .white: emit("9", x: x, baseline: baseline, size: size, grey: 1)
        case .covered:
            let family = layout.family, w = width("9", size: size)
            ops.append { [c] in
                c.font(family, size: size); c.text("9", x: x, baseline: baseline)
                c.fill(x: x + 0.05, y: baseline - size, width: w + 0.3, height: size * 1.3, grey: 1)
            }
        }
    }
}
