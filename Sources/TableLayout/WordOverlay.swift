import PDFLayout

/// Geometry of two readings of one page laid over each other (a scan's text layer and the words
/// its cells were read again as): which words lie under a word, which stand on one line (which
/// lie in a box: `BBox.containsCentre(of:)`). Boxes in PDF points, origin top-left, y down.
/// Tolerances are `TableSettings.overlayOverlap`, `.overlayReach` and `.sameLineTop`.
public enum WordOverlay {
    /// The words of `layer` under `w`: overlapping it across by at least
    /// `settings.overlayOverlap` of the narrower width, with their centres inside `w`'s box grown
    /// by `settings.overlayReach` of its height on every side.
    public static func words(under w: Word, in layer: [Word], settings: TableSettings = .standard) -> [Word] {
        let g = settings.overlayReach * w.bbox.height
        let reach = BBox(x0: w.bbox.x0 - g, y0: w.bbox.y0 - g, x1: w.bbox.x1 + g, y1: w.bbox.y1 + g)
        return layer.filter { l in
            l.bbox.xOverlap(w.bbox) > settings.overlayOverlap * min(l.bbox.width, w.bbox.width) && reach.containsCentre(of: l.bbox)
        }
    }

    /// Whether `b` stands on the line of `a`: their tops within `settings.sameLineTop` em of
    /// `a` (its font size, or its box height when the font size is unknown).
    public static func onSameLine(_ a: Word, _ b: Word, settings: TableSettings = .standard) -> Bool {
        abs(b.bbox.y0 - a.bbox.y0) < settings.sameLineTop * a.em
    }
}
