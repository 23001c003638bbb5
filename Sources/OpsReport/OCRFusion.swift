import TableLayout
import OCR
import PDFLayout

/// The vote between a scan's readings of each value: the table cell read alone with the
/// characters its column allows (the value taken), the same cell read freely, and the scan's own
/// OCR text layer. Readings that parse as different numbers get an `ocr_disagreement` finding
/// listing them (the reconciler's sums may then prove one); every value read by OCR gets its
/// source and confidence in provenance.
enum OCRFusion {
    /// Tesseract confidence (0–100) under which a value read by one reading only is flagged.
    static let minConfidence = 55.0

    static func apply(_ pages: [OCRPage], to report: inout Report) {
        let cellsByPage = Dictionary(grouping: pages.flatMap(\.cells), by: \.page)
        let imageOnly = report.variant == "image-only"
        for (pointer, prov) in report.provenance.sorted(by: { $0.key < $1.key }) {
            guard let cell = cellsByPage[prov.page]?.first(where: { $0.bbox.containsCentre(of: prov.bbox) }) else {
                report.provenance[pointer]?.source = imageOnly ? "page_ocr" : "text_layer"
                continue
            }
            report.provenance[pointer]?.source = "cell_ocr"
            report.provenance[pointer]?.confidence = (max(0, min(100, cell.confidence)) * 10).rounded() / 10
            guard cell.numeric, let digits = cell.constrained else { continue }
            // The digits-only reading is taken; when it came back empty, the free one.
            let chosen = digits.isEmpty ? cell.free : digits
            guard let value = NumberText.parseDays(chosen) else { continue }
            var readings: [(String, String)] = digits.isEmpty ? [("cell read freely", cell.free)] : [("cell read with digits only", digits), ("cell read freely", cell.free)]
            if let layer = cell.textLayer, !layer.isEmpty { readings.append(("text layer", layer)) }
            let others = readings.dropFirst().filter { r in NumberText.parseDays(r.1).map { $0 != value } ?? false }
            let weak = cell.confidence < minConfidence && !readings.dropFirst().contains { NumberText.parseDays($0.1) == value }
            guard !others.isEmpty || weak else { continue }
            let listed = readings.map { "\($0.0) \"\($0.1)\"" }.joined(separator: ", ")
            report.findings.append(Finding(
                code: "ocr_disagreement", severity: .warning, pointer: pointer, printed: chosen,
                expected: others.isEmpty ? nil : .array(others.map { .string($0.1) }),
                message: others.isEmpty
                    ? "The scan's cell reads \"\(chosen)\" with low OCR confidence (\(Int(cell.confidence))) and no other reading confirms it: \(listed)."
                    : "The scan's readings of this cell disagree: \(listed); \"\(chosen)\" is kept.",
                page: prov.page, bbox: prov.bbox))
        }
    }
}
