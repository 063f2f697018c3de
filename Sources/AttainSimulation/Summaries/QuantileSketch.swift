/// A fixed-bin histogram of simulated values whose integer counts merge exactly, for streaming quantiles.
///
/// Two layouts, chosen by what is measured:
/// - ``Layout/unitInterval`` (shares): 4,096 equal bins on [0, 1]; a quantile is exact to ±1/8,192 (±0.012 points).
/// - ``Layout/magnitude`` (counts, flows, levels ≥ 0): one bin per integer below 1,024 (integer values are exact);
///   above, 256 bins per power of two up to 2⁵⁰, so a quantile is exact to ±0.2% of its value.
/// - ``Layout/signed`` (changes and growth rates, of either sign): 256 bins per power of two of |v| from 2⁻²⁴ to 2²⁴
///   on each side of a bin for zero (|v| < 2⁻²⁴), so a quantile is exact to ±0.2% of its value.
/// Values outside the range are clamped into the end bins. Memory is fixed (16 KB, 45 KB or 98 KB), whatever the number of
/// values; ``merge(_:)`` is integer addition, so merging per-thread sketches gives the same result in any order.
public struct QuantileSketch: Sendable, Equatable {
    /// How values map to bins.
    public enum Layout: Sendable, Equatable {
        case unitInterval
        case magnitude
        /// Values of either sign (changes, growth rates): relative bins on each side of zero.
        case signed
    }

    public let layout: Layout
    private var counts: [UInt32]
    /// Number of values added.
    public private(set) var total: Int = 0

    // The bin arithmetic in ``bin(_:_:)`` is written out with these values.
    static let unitBins = 4096
    static let linearLimit = 1024
    static let mantissaBits = 8
    static let octaves = 40
    /// Bins on each side of zero in the signed layout: 48 octaves (2⁻²⁴ … 2²⁴) of 256.
    static let signedSide = 48 << 8

    public init(layout: Layout) {
        self.layout = layout
        counts = Array(repeating: 0, count: Self.binCount(layout))
    }

    init(layout: Layout, counts: [UInt32], total: Int) {
        self.layout = layout
        self.counts = counts
        self.total = total
    }

    /// Number of bins of a layout.
    public static func binCount(_ layout: Layout) -> Int {
        switch layout {
        case .unitInterval: return unitBins
        case .magnitude: return linearLimit + octaves << mantissaBits
        case .signed: return 2 * signedSide + 1
        }
    }

    /// The position of `a` > 0 among the bins of one side of the signed layout, or −1 when it counts as zero.
    @inlinable @inline(__always)
    static func signedPosition(_ a: Double) -> Int {
        guard a >= 0x1p-24 else { return -1 }
        let bits = a.bitPattern
        let exponent = min(Int((bits >> 52) & 0x7FF) - 1023, 23)     // −24 … 23 (clamped above)
        let mantissa = a >= 0x1p24 ? 0xFF : Int((bits >> 44) & 0xFF)
        return (exponent + 24) << 8 + mantissa
    }

    /// The bin of `v` in `layout`.
    @inlinable @inline(__always)
    public static func bin(_ v: Double, _ layout: Layout) -> Int {
        switch layout {
        case .unitInterval:
            guard v > 0 else { return 0 }
            return v >= 1 ? 4095 : Int(v * 4096)
        case .magnitude:
            guard v >= 1 else { return 0 }
            if v < 1024 { return Int(v) }
            let bits = v.bitPattern
            let exponent = Int((bits >> 52) & 0x7FF) - 1023          // ≥ 10
            let mantissa = Int((bits >> 44) & 0xFF)                  // the top 8 bits of the significand
            return min(1024 + (exponent - 10) << 8 + mantissa, 1024 + 40 << 8 - 1)
        case .signed:
            let side = 48 << 8
            let p = signedPosition(abs(v))
            if p < 0 { return side }
            return v > 0 ? side + 1 + p : side - 1 - p
        }
    }

    /// A representative value of bin `b`: its lower edge for integer bins, its midpoint otherwise.
    func value(ofBin b: Int) -> Double { Self.value(ofBin: b, layout) }

    /// A representative value of bin `b` in `layout` (see ``value(ofBin:)``).
    static func value(ofBin b: Int, _ layout: Layout) -> Double {
        switch layout {
        case .unitInterval:
            return (Double(b) + 0.5) / Double(Self.unitBins)
        case .magnitude:
            if b < Self.linearLimit { return Double(b) }
            let k = b - Self.linearLimit
            let exponent = 10 + k >> Self.mantissaBits, mantissa = k & ((1 << Self.mantissaBits) - 1)
            return Double(sign: .plus, exponent: exponent, significand: 1 + (Double(mantissa) + 0.5) / Double(1 << Self.mantissaBits))
        case .signed:
            if b == Self.signedSide { return 0 }
            let k = b > Self.signedSide ? b - Self.signedSide - 1 : Self.signedSide - 1 - b
            let exponent = k >> Self.mantissaBits - 24, mantissa = k & ((1 << Self.mantissaBits) - 1)
            return Double(sign: b > Self.signedSide ? .plus : .minus, exponent: exponent,
                          significand: 1 + (Double(mantissa) + 0.5) / Double(1 << Self.mantissaBits))
        }
    }

    /// Adds one value (NaN is ignored).
    @inline(__always)
    public mutating func add(_ v: Double) {
        guard !v.isNaN else { return }
        counts[Self.bin(v, layout)] &+= 1
        total += 1
    }

    /// Adds everything `other` has seen (same layout).
    public mutating func merge(_ other: QuantileSketch) {
        precondition(layout == other.layout, "merging sketches of different layouts")
        for i in counts.indices { counts[i] &+= other.counts[i] }
        total += other.total
    }

    /// The `q`-quantile (inverse empirical distribution, the value of rank ⌈q·n⌉), or NaN when empty.
    public func quantile(_ q: Double) -> Double {
        quantiles([q])[0]
    }

    /// Several quantiles in one pass; `levels` must be increasing.
    public func quantiles(_ levels: [Double]) -> [Double] {
        Self.quantiles(levels, counts: counts[...], total: total, layout: layout)
    }

    /// ``quantiles(_:)`` of the bins `counts` (holding `total` values) in `layout`, wherever they are stored.
    static func quantiles(_ levels: [Double], counts: ArraySlice<UInt32>, total: Int, layout: Layout) -> [Double] {
        guard total > 0 else { return levels.map { _ in .nan } }
        var out: [Double] = []
        var cumulative = 0, b = 0
        let first = counts.startIndex
        for q in levels {
            let rank = max(1, Int((q * Double(total)).rounded(.up)))
            while b < counts.count && cumulative + Int(counts[first + b]) < rank {
                cumulative += Int(counts[first + b])
                b += 1
            }
            out.append(value(ofBin: min(b, counts.count - 1), layout))
        }
        return out
    }
}
