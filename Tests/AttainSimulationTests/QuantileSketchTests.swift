import Testing
@testable import AttainSimulation

@Suite struct QuantileSketchTests {
    @Test func integerCountsGiveExactQuantiles() {
        var s = QuantileSketch(layout: .magnitude)
        for k in 1...100 { s.add(Double(k)) }
        #expect(s.quantile(0.5) == 50)
        #expect(s.quantile(0.05) == 5)
        #expect(s.quantile(1) == 100)
    }

    @Test func largeValuesAreWithinTheStatedRelativeAccuracy() {
        var s = QuantileSketch(layout: .magnitude)
        let values = (0..<10_001).map { 1_000 + 37.3 * Double($0) }
        for v in values { s.add(v) }
        for q in [0.05, 0.25, 0.5, 0.75, 0.95] {
            let exact = values[Int((q * Double(values.count)).rounded(.up)) - 1]
            #expect(abs(s.quantile(q) / exact - 1) <= 1.0 / 512 + 1e-12, "q = \(q)")
        }
    }

    @Test func sharesAreWithinHalfABin() {
        var s = QuantileSketch(layout: .unitInterval)
        let values = (0..<999).map { Double($0) / 1000 + 0.0004 }
        for v in values { s.add(v) }
        #expect(abs(s.quantile(0.5) - values[499]) <= 1.0 / 8192 + 1e-12)
    }

    @Test func signedValuesAreWithinTheStatedRelativeAccuracyOnBothSides() {
        // Changes and growth rates: −3 … 3 (zero included), each quantile within 1/512 of its value.
        var s = QuantileSketch(layout: .signed)
        let values = (0..<6_001).map { -3 + Double($0) / 1000 }
        for v in values.reversed() { s.add(v) }
        for q in [0.01, 0.05, 0.25, 0.4, 0.5, 0.6, 0.75, 0.95, 0.99] {
            let exact = values[Int((q * Double(values.count)).rounded(.up)) - 1]
            let got = s.quantile(q)
            #expect(abs(got - exact) <= abs(exact) / 512 + 1e-12, "q = \(q): \(got) vs \(exact)")
        }
        // Bins grow with the value across zero, and the extremes are clamped (±∞ included).
        let grid = [-Double.infinity, -1e9, -5, -0.05, -1e-9, 0, 1e-9, 0.05, 5, 1e9, .infinity]
        let bins = grid.map { QuantileSketch.bin($0, .signed) }
        #expect(bins == bins.sorted() && bins.first == 0 && bins.last == QuantileSketch.binCount(.signed) - 1)
        #expect(QuantileSketch.bin(-1e-9, .signed) == QuantileSketch.bin(0, .signed))
    }

    @Test func mergingIsExactAndOrderFree() {
        var a = QuantileSketch(layout: .magnitude), b = a, all = a
        for k in 0..<5000 {
            let v = Double((k * 7919) % 4001) * 1.7
            if k % 3 == 0 { a.add(v) } else { b.add(v) }
            all.add(v)
        }
        var ab = a; ab.merge(b)
        var ba = b; ba.merge(a)
        #expect(ab == all)
        #expect(ba == all)
    }
}
