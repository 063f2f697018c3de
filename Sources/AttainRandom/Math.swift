#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Thin wrappers so samplers read like the maths and the libm import lives in one place.

@usableFromInline @inline(__always) func _ln(_ x: Double) -> Double { log(x) }
@usableFromInline @inline(__always) func _exp(_ x: Double) -> Double { exp(x) }
@usableFromInline @inline(__always) func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
/// `log(1 + x)`, accurate for small `x`.
@usableFromInline @inline(__always) func _ln1p(_ x: Double) -> Double { log1p(x) }

/// `log Γ(x)` for `x > 0`, through the re-entrant `lgamma_r`: plain `lgamma` writes the global `signgam`, a data race
/// when several threads fit or sample at once. The one `log Γ` of the package (models, forecasts, tests).
package func logGamma(_ x: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(x, &sign)
}
