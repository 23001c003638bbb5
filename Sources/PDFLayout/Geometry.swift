/// An axis-aligned bounding box in PDF points.
///
/// Coordinate system: origin at the **top-left** corner of the displayed page, x growing to the
/// right, y growing **downwards** (the space of `poppler_page_get_text_layout`). `x0 <= x1`,
/// `y0 <= y1`.
public struct BBox: Hashable, Codable, Sendable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = min(x0, x1); self.x1 = max(x0, x1)
        self.y0 = min(y0, y1); self.y1 = max(y0, y1)
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    /// The smallest box holding both boxes.
    public func union(_ o: BBox) -> BBox {
        BBox(x0: Swift.min(x0, o.x0), y0: Swift.min(y0, o.y0), x1: Swift.max(x1, o.x1), y1: Swift.max(y1, o.y1))
    }

    /// Length of the overlap of the two boxes' x-ranges (0 when disjoint).
    public func xOverlap(_ o: BBox) -> Double { Swift.max(0, Swift.min(x1, o.x1) - Swift.max(x0, o.x0)) }
    /// Length of the overlap of the two boxes' y-ranges (0 when disjoint).
    public func yOverlap(_ o: BBox) -> Double { Swift.max(0, Swift.min(y1, o.y1) - Swift.max(y0, o.y0)) }
    /// Whether the centre of `o` lies in this box (edges included).
    public func containsCentre(of o: BBox) -> Bool {
        let cx = o.midX, cy = o.midY
        return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1
    }

    /// The box with each coordinate rounded to 0.01 pt (the precision of JSON output).
    public var rounded: BBox { let a = array; return BBox(x0: a[0], y0: a[1], x1: a[2], y1: a[3]) }

    /// `[x0, y0, x1, y1]` rounded to 0.01 pt, the form used in JSON output.
    public var array: [Double] { [x0, y0, x1, y1].map { ($0 * 100).rounded() / 100 } }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        self.init(x0: try c.decode(Double.self), y0: try c.decode(Double.self),
                  x1: try c.decode(Double.self), y1: try c.decode(Double.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        for v in array { try c.encode(v) }
    }
}
