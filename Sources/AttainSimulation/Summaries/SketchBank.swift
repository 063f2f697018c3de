/// Many ``QuantileSketch``es in one flat block of counts, for accumulators that update dozens of them per path.
///
/// Same bins, accuracy and exact merging as ``QuantileSketch``; one allocation for all, and updates through
/// ``withAdder(_:)`` touch no reference counts, so a path costs a few nanoseconds per value.
public struct SketchBank: Sendable, Equatable {
    private var counts: [UInt32]
    private let offsets: [Int]
    private let layouts: [QuantileSketch.Layout]

    /// Empty sketches with the given layouts, addressed 0, 1, 2, … in that order.
    public init(layouts: [QuantileSketch.Layout]) {
        var offsets: [Int] = [], o = 0
        for l in layouts { offsets.append(o); o += QuantileSketch.binCount(l) }
        self.offsets = offsets
        self.layouts = layouts
        counts = Array(repeating: 0, count: o)
    }

    /// Number of sketches.
    public var count: Int { layouts.count }

    /// Adds values through raw pointers (valid only inside `body`).
    public struct Adder {
        @usableFromInline let counts: UnsafeMutablePointer<UInt32>
        @usableFromInline let offsets: UnsafePointer<Int>
        @usableFromInline let layouts: UnsafePointer<QuantileSketch.Layout>

        /// Adds `v` (NaN is ignored) to sketch `sketch`.
        @inlinable @inline(__always)
        public func add(_ v: Double, to sketch: Int) {
            guard !v.isNaN else { return }
            counts[offsets[sketch] + QuantileSketch.bin(v, layouts[sketch])] &+= 1
        }
    }

    /// Runs `body` with an ``Adder`` over this bank's storage.
    @inlinable
    public mutating func withAdder<R>(_ body: (Adder) -> R) -> R {
        withStorage(body)
    }

    @usableFromInline
    mutating func withStorage<R>(_ body: (Adder) -> R) -> R {
        counts.withUnsafeMutableBufferPointer { c in
            offsets.withUnsafeBufferPointer { o in
                layouts.withUnsafeBufferPointer { l in
                    body(Adder(counts: c.baseAddress!, offsets: o.baseAddress!, layouts: l.baseAddress!))
                }
            }
        }
    }

    /// Adds everything `other` (same layouts) has seen.
    public mutating func merge(_ other: SketchBank) {
        precondition(layouts == other.layouts, "merging banks of different layouts")
        for i in counts.indices { counts[i] &+= other.counts[i] }
    }

    /// Sketch `i` on its own.
    public func sketch(_ i: Int) -> QuantileSketch {
        let slice = Array(counts[offsets[i]..<(offsets[i] + QuantileSketch.binCount(layouts[i]))])
        return QuantileSketch(layout: layouts[i], counts: slice, total: slice.reduce(0) { $0 + Int($1) })
    }

    /// Quantiles of sketch `i` at increasing `levels`.
    public func quantiles(_ i: Int, levels: [Double]) -> [Double] { sketch(i).quantiles(levels) }
}
