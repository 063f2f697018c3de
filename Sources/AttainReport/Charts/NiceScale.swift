/// An axis range with round tick values (1, 2, 2.5 or 5 × 10ⁿ apart) covering a data range.
///
/// The step is the smallest round number for which the widened range, from the multiple of the step at or below the
/// data's minimum to the one at or above its maximum, needs no more than `maximumTicks` ticks. So axes are as
/// fine as allowed, and tick labels are short. A range of zero width is widened around its value.
///
/// ```swift
/// NiceScale(lower: 62, upper: 93, maximumTicks: 6).ticks   // [60, 70, 80, 90, 100]
/// ```
public struct NiceScale: Sendable, Equatable {
    /// The axis ends (multiples of `step`).
    public let lower: Double
    public let upper: Double
    /// The distance between ticks.
    public let step: Double
    /// The tick values from `lower` to `upper`.
    public let ticks: [Double]

    /// A scale covering `lower...upper` with at most `maximumTicks` ticks (at least 2); `integerSteps` keeps steps ≥ 1
    /// and whole (for counts).
    public init(lower dataLower: Double, upper dataUpper: Double, maximumTicks: Int = 6, integerSteps: Bool = false) {
        var low = min(dataLower, dataUpper)
        var high = max(dataLower, dataUpper)
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if high - low < 1e-12 * max(1, abs(high)) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low - pad, high + pad)
        }
        let limit = Double(max(2, maximumTicks))
        // Start one decade below the range's own size and walk up the round steps until the ticks fit.
        var step = Self.decade((high - low) / limit) / 10
        if integerSteps { step = max(step, 1) }
        func tickCount(_ step: Double) -> Double {
            (high / step).rounded(.up) - (low / step).rounded(.down) + 1
        }
        while tickCount(step) > limit || (integerSteps && step.rounded() != step) {
            step = Self.next(after: step)
        }
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        self.step = step
        self.lower = Self.clean(first * step, step: step)
        self.upper = Self.clean(last * step, step: step)
        self.ticks = (0...Int(last - first)).map { Self.clean((first + Double($0)) * step, step: step) }
    }

    /// Digits needed after the decimal separator to write every tick exactly.
    public var fractionDigits: Int {
        var digits = 0
        var scaled = step
        while digits < 10 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
            scaled *= 10
            digits += 1
        }
        return digits
    }

    /// The round step after `step` in the sequence 1, 2, 2.5, 5, 10 × 10ⁿ.
    static func next(after step: Double) -> Double {
        let power = decade(step)
        let fraction = step / power
        switch fraction {
        case ..<1.5: return 2 * power
        case ..<2.25: return 2.5 * power
        case ..<3.5: return 5 * power
        default: return 10 * power
        }
    }

    /// Removes the floating-point residue of `value = k × step` (0.30000000000000004 → 0.3).
    static func clean(_ value: Double, step: Double) -> Double {
        let unit = decade(step) / 1000
        let cleaned: Double
        if unit < 1 {
            let inverse = (1 / unit).rounded()  // an exact power of ten
            cleaned = (value * inverse).rounded() / inverse
        } else {
            cleaned = (value / unit).rounded() * unit
        }
        return cleaned == 0 ? 0 : cleaned
    }

    /// 10ⁿ with 10ⁿ ≤ value < 10ⁿ⁺¹, found exactly by repeated scaling (value > 0).
    static func decade(_ value: Double) -> Double {
        var power = 1.0
        if value >= 1 {
            while value >= power * 10 { power *= 10 }
        } else {
            while value < power { power /= 10 }
        }
        return power
    }
}
