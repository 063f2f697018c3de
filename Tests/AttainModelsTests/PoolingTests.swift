import Foundation
import Testing
import AttainData
import AttainRandom
@testable import AttainModels

/// Empirical-Bayes pooling: short noisy units borrow strength; long precise units keep their own estimate.
struct PoolingTests {
    /// A beta-binomial share series (intra-class correlation `rho`) with logit `a + r(t − tRef)`.
    static func unitSeries(_ name: String, a: Double, r: Double, years: ClosedRange<Int>, trials: Int, rho: Double,
                           tRef: Double, rng: inout Xoshiro256StarStar) -> Series {
        let obs = years.map { year -> Observation in
            let p = logisticFunction(a + r * (Double(year) - tRef))
            let s = (1 - rho) / rho
            let k = Double(rng.binomial(count: trials, probability: rng.beta(p * s, (1 - p) * s)))
            return Observation(unit: name, indicator: "members", period: .year(year), value: k / Double(trials),
                               numerator: k, denominator: Double(trials))
        }
        return Series(unit: name, indicator: "members", kind: .share, observations: obs)
    }

    @Test func poolingReducesGrowthRateErrorForShortNoisyUnits() throws {
        var rng = Xoshiro256StarStar(seed: 2026)
        var unpooledSquares = 0.0, pooledSquares = 0.0, count = 0.0
        var covered = 0
        for _ in 0..<60 {
            var units: [Series] = []
            var truth: [String: Double] = [:]
            for j in 0..<8 {
                let name = "zone \(j)"
                let r = 0.25 + 0.08 * rng.normal(), a = 0.4 + 0.4 * rng.normal()
                truth[name] = r
                units.append(Self.unitSeries(name, a: a, r: r, years: 2023...2025, trials: 150, rho: 0.01, tRef: 2024,
                                             rng: &rng))
            }
            let pooled = try PooledFit.fit(units: units, model: .logitLinear)
            #expect(abs(pooled.group.referenceTime - 2024) < 1e-12)
            for unit in units {
                // Baseline: what the unit gets fitted alone with the defaults (weak N(0, 0.5²) growth prior on 3 points).
                let name = unit.unit, r = truth[name]!
                let before = try GLM.fit(unit, model: .logitLinear).parameters[1], after = pooled.fits[name]!
                unpooledSquares += (before - r) * (before - r)
                pooledSquares += (after.parameters[1] - r) * (after.parameters[1] - r)
                if abs(after.parameters[1] - r) <= 1.96 * after.standardErrors[1] { covered += 1 }
                count += 1
            }
        }
        let mseUnpooled = unpooledSquares / count, msePooled = pooledSquares / count
        print("pooling: MSE(r) unpooled \(mseUnpooled), pooled \(msePooled), ratio \(msePooled / mseUnpooled), pooled 95% coverage \(Double(covered) / count)")
        #expect(msePooled < 0.7 * mseUnpooled)
        #expect(Double(covered) / count > 0.88)
    }

    @Test func shrinkageVanishesForALongPreciseUnit() throws {
        var rng = Xoshiro256StarStar(seed: 9)
        var units = (0..<6).map { j in
            Self.unitSeries("short \(j)", a: 0.2, r: 0.1, years: 2023...2025, trials: 100, rho: 0.02, tRef: 2024, rng: &rng)
        }
        units.append(Self.unitSeries("long", a: 1.0, r: 0.45, years: 2009...2025, trials: 20_000, rho: 1e-5, tRef: 2024, rng: &rng))
        let pooled = try PooledFit.fit(units: units, model: .logitLinear)
        let alone = pooled.unpooled["long"]!, together = pooled.fits["long"]!
        let shift = abs(together.parameters[1] - alone.parameters[1])
        print("long unit: r alone \(alone.parameters[1]) pooled \(together.parameters[1]), shift/se \(shift / alone.standardErrors[1])")
        #expect(shift < 0.1 * alone.standardErrors[1])
        // The short units move toward the group mean, the long unit does not drag them there alone.
        #expect(together.warnings.contains { $0.contains("pooled with 6 sister units") })
    }

    @Test func countsPoolLevelGrowthAndSize() throws {
        var rng = Xoshiro256StarStar(seed: 31)
        let units = (0..<10).map { j -> Series in
            let r = 0.1 + 0.05 * rng.normal()
            let values = (2023...2025).map { Double(rng.negativeBinomial(mean: 12 * exp(r * Double($0 - 2024)), dispersion: 5)) }
            return Series(unit: "commune \(j)", indicator: "events", kind: .count, firstYear: 2023, values: values)
        }
        let pooled = try PooledFit.fit(units: units, model: .negativeBinomial)
        #expect(pooled.fits.count == 10 && pooled.group.unitCount == 10)
        for f in pooled.fits.values {
            GLMEdgeCaseTests.expectFinite(f, "pooled counts")
            #expect(f.model == "negative-binomial" && f.dispersion == pooled.group.dispersion)
        }
        let theta = try #require(pooled.group.dispersion)
        print("pooled NB size θ from 10 three-point units: \(theta) (truth 5)")
        #expect(theta > 2 && theta < 15)
        #expect(pooled.group.growth.standardDeviation > 0 && pooled.group.growth.standardDeviation < 0.5)
    }

    @Test func degenerateUnitSets() throws {
        let one = Series(unit: "only", indicator: "x", kind: .share, firstYear: 2023, values: [0.5, 0.55, 0.6])
        let single = try PooledFit.fit(units: [one], model: .logitLinear)
        #expect(single.fits["only"]!.warnings.contains { $0.contains("only one unit") })
        #expect(throws: GLMError.self) { try PooledFit.fit(units: [one, one], model: .logitLinear) }
        let twoPoint = Series(unit: "b", indicator: "x", kind: .share, firstYear: 2024, values: [0.7, 0.74])
        let onePoint = Series(unit: "c", indicator: "x", kind: .share, firstYear: 2025, values: [0.8])
        let mixed = try PooledFit.fit(units: [one, twoPoint, onePoint], model: .logistic(asymptote: nil))
        for f in mixed.fits.values { GLMEdgeCaseTests.expectFinite(f, "mixed lengths") }
    }
}
