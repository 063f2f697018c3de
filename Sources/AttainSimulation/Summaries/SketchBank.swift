/// Many ``QuantileSketch``es in one flat block of counts, for accumulators that update dozens of them per path.
///
/// Same bins, accuracy and exact merging as ``QuantileSketch``; one allocation for all, and updates through
/// ``withAdder(_:)`` touch no reference counts, so a path costs a few nanoseconds per value.
public struct SketchBank: Sendable {
    /// The bins, allocated on the first value added: empty until then, so that the copy each worker thread makes of a
    /// fresh bank costs nothing (a league makes one bank per unit; its bins run to megabytes).
    private var counts: [UInt32]
    private let offsets: [Int]
    private let layouts: [QuantileSketch.Layout]
    /// The number of bins.
    private let binTotal: Int

    /// Empty sketches with the given layouts, addressed 0, 1, 2, … in that order.
    public init(layouts: [QuantileSketch.Layout]) {
        var offsets: [Int] = [], o = 0
        for l in layouts { offsets.append(o); o += QuantileSketch.binCount(l) }
        self.offsets = offsets
        self.layouts = layouts
        binTotal = o
        counts = []
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
        if counts.count < binTotal { counts = Array(repeating: 0, count: binTotal) }
        return counts.withUnsafeMutableBufferPointer { c in
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
        if other.counts.isEmpty { return }
        if counts.isEmpty { counts = other.counts; return }
        for i in counts.indices { counts[i] &+= other.counts[i] }
    }

    /// Sketch `i` on its own.
    public func sketch(_ i: Int) -> QuantileSketch {
        let range = offsets[i]..<(offsets[i] + QuantileSketch.binCount(layouts[i]))
        let slice = counts.isEmpty ? Array(repeating: 0, count: range.count) : Array(counts[range])
        return QuantileSketch(layout: layouts[i], counts: slice, total: slice.reduce(0) { $0 + Int($1) })
    }

    /// Quantiles of sketch `i` at increasing `levels`.
    public func quantiles(_ i: Int, levels: [Double]) -> [Double] {
        guard !counts.isEmpty else { return levels.map { _ in .nan } }   // no value added: as an empty sketch
        let bins = counts[offsets[i]..<(offsets[i] + QuantileSketch.binCount(layouts[i]))]   // read in place, not copied
        return QuantileSketch.quantiles(levels, counts: bins, total: bins.reduce(0) { $0 + Int($1) }, layout: layouts[i])
    }
}

extension SketchBank: Equatable {
    /// Banks are equal when they have the same layouts and counts (a bank with no value added yet has all counts 0).
    public static func == (a: SketchBank, b: SketchBank) -> Bool {
        guard a.layouts == b.layouts, a.offsets == b.offsets else { return false }
        switch (a.counts.isEmpty, b.counts.isEmpty) {
        case (true, true): return true
        case (true, false): return b.counts.allSatisfy { $0 == 0 }
        case (false, true): return a.counts.allSatisfy { $0 == 0 }
        case (false, false): return a.counts == b.counts
        }
    }
}
