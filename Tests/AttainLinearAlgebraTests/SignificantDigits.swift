import Foundation

/// Number of significant digits to which `estimate` agrees with `certified` (capped at 15).
func significantDigits(_ estimate: Double, _ certified: Double) -> Double {
    if estimate == certified { return 15 }
    if certified == 0 { return max(0, -log10(abs(estimate))) }
    return min(15, max(0, -log10(abs(estimate - certified) / abs(certified))))
}
