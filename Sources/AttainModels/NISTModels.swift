#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

#if arch(x86_64) && !os(Windows)
/// Extended precision for NIST residuals (64-bit significand), so data and model rounding stay far below the
/// certified residuals (Lanczos1's are 1e-13 of the response).
typealias NISTFloat = Float80
#else
typealias NISTFloat = Double
#endif

/// The 27 NIST StRD nonlinear models `f(x; b)` and their analytic gradients, keyed by dataset name.
///
/// Each entry evaluates in extended precision; `x2` is the second predictor (Nelson only, else 0).
/// The formulas are those printed in the StRD files; the gradients are written out by hand.
struct NISTModel: Sendable {
    typealias W = NISTFloat
    let value: @Sendable (_ x: W, _ x2: W, _ b: [W]) -> W
    let gradient: @Sendable (_ x: W, _ x2: W, _ b: [W], _ g: inout [W]) -> Void

    static func named(_ name: String) -> NISTModel? { table[name] }

    private static let lanczos = NISTModel(value: { x, _, b in
        b[0] * exp(-b[1] * x) + b[2] * exp(-b[3] * x) + b[4] * exp(-b[5] * x)
    }, gradient: { x, _, b, g in
        for k in 0..<3 {
            let e = exp(-b[2 * k + 1] * x)
            g[2 * k] = e
            g[2 * k + 1] = -b[2 * k] * x * e
        }
    })

    private static let gauss = NISTModel(value: { x, _, b in
        let u = (x - b[3]) / b[4], v = (x - b[6]) / b[7]
        return b[0] * exp(-b[1] * x) + b[2] * exp(-u * u) + b[5] * exp(-v * v)
    }, gradient: { x, _, b, g in
        let e = exp(-b[1] * x)
        g[0] = e
        g[1] = -b[0] * x * e
        for (a, c, w) in [(2, 3, 4), (5, 6, 7)] {
            let d = x - b[c], e2 = exp(-(d * d) / (b[w] * b[w]))
            g[a] = e2
            g[c] = b[a] * e2 * 2 * d / (b[w] * b[w])
            g[w] = b[a] * e2 * 2 * d * d / (b[w] * b[w] * b[w])
        }
    })

    /// `(Σ_{k<q} b_k x^k) / (1 + Σ_{k=1}^{r} b_{q+k−1} x^k)`: Hahn1, Thurber (q = 4, r = 3), Kirby2 (q = 3, r = 2).
    private static func rational(numeratorTerms q: Int, denominatorTerms r: Int) -> NISTModel {
        NISTModel(value: { x, _, b in
            var num: W = 0, den: W = 1, pw: W = 1
            for k in 0..<q { num += b[k] * pw; pw *= x }
            pw = x
            for k in 0..<r { den += b[q + k] * pw; pw *= x }
            return num / den
        }, gradient: { x, _, b, g in
            var num: W = 0, den: W = 1, pw: W = 1
            for k in 0..<q { num += b[k] * pw; pw *= x }
            pw = x
            for k in 0..<r { den += b[q + k] * pw; pw *= x }
            let f = num / den
            pw = 1
            for k in 0..<q { g[k] = pw / den; pw *= x }
            pw = x
            for k in 0..<r { g[q + k] = -f * pw / den; pw *= x }
        })
    }

    private static let exponentialRise = NISTModel(value: { x, _, b in b[0] * (1 - exp(-b[1] * x)) },
                                                   gradient: { x, _, b, g in
        let e = exp(-b[1] * x)
        g[0] = 1 - e
        g[1] = b[0] * x * e
    })

    private static let chwirut = NISTModel(value: { x, _, b in exp(-b[0] * x) / (b[1] + b[2] * x) },
                                           gradient: { x, _, b, g in
        let d = b[1] + b[2] * x, f = exp(-b[0] * x) / d
        g[0] = -x * f
        g[1] = -f / d
        g[2] = -x * f / d
    })

    private static let table: [String: NISTModel] = [
        "Bennett5": NISTModel(value: { x, _, b in b[0] * pow(b[1] + x, -1 / b[2]) }, gradient: { x, _, b, g in
            let u = b[1] + x, e = -1 / b[2], f = b[0] * pow(u, e)
            g[0] = pow(u, e)
            g[1] = f * e / u
            g[2] = f * log(u) / (b[2] * b[2])
        }),
        "BoxBOD": exponentialRise,
        "Chwirut1": chwirut,
        "Chwirut2": chwirut,
        "DanWood": NISTModel(value: { x, _, b in b[0] * pow(x, b[1]) }, gradient: { x, _, b, g in
            g[0] = pow(x, b[1])
            g[1] = b[0] * g[0] * log(x)
        }),
        "ENSO": NISTModel(value: { x, _, b in
            let w = 2 * W.pi * x
            return b[0] + b[1] * cos(w / 12) + b[2] * sin(w / 12) + b[4] * cos(w / b[3]) + b[5] * sin(w / b[3])
                + b[7] * cos(w / b[6]) + b[8] * sin(w / b[6])
        }, gradient: { x, _, b, g in
            let w = 2 * W.pi * x
            g[0] = 1
            g[1] = cos(w / 12)
            g[2] = sin(w / 12)
            for (period, c, s) in [(3, 4, 5), (6, 7, 8)] {
                let a = w / b[period], ca = cos(a), sa = sin(a)
                g[c] = ca
                g[s] = sa
                g[period] = (-b[c] * sa + b[s] * ca) * (-w / (b[period] * b[period]))
            }
        }),
        "Eckerle4": NISTModel(value: { x, _, b in
            let z = (x - b[2]) / b[1]
            return b[0] / b[1] * exp(-0.5 * z * z)
        }, gradient: { x, _, b, g in
            let z = (x - b[2]) / b[1], e = exp(-0.5 * z * z), f = b[0] / b[1] * e
            g[0] = e / b[1]
            g[1] = f * (z * z - 1) / b[1]
            g[2] = f * z / b[1]
        }),
        "Gauss1": gauss, "Gauss2": gauss, "Gauss3": gauss,
        "Hahn1": rational(numeratorTerms: 4, denominatorTerms: 3),
        "Thurber": rational(numeratorTerms: 4, denominatorTerms: 3),
        "Kirby2": rational(numeratorTerms: 3, denominatorTerms: 2),
        "Lanczos1": lanczos, "Lanczos2": lanczos, "Lanczos3": lanczos,
        "MGH09": NISTModel(value: { x, _, b in b[0] * (x * x + x * b[1]) / (x * x + x * b[2] + b[3]) },
                           gradient: { x, _, b, g in
            let num = x * x + x * b[1], den = x * x + x * b[2] + b[3], f = b[0] * num / den
            g[0] = num / den
            g[1] = b[0] * x / den
            g[2] = -f * x / den
            g[3] = -f / den
        }),
        "MGH10": NISTModel(value: { x, _, b in b[0] * exp(b[1] / (x + b[2])) }, gradient: { x, _, b, g in
            let u = x + b[2], e = exp(b[1] / u)
            g[0] = e
            g[1] = b[0] * e / u
            g[2] = -b[0] * e * b[1] / (u * u)
        }),
        "MGH17": NISTModel(value: { x, _, b in b[0] + b[1] * exp(-x * b[3]) + b[2] * exp(-x * b[4]) },
                           gradient: { x, _, b, g in
            let e4 = exp(-x * b[3]), e5 = exp(-x * b[4])
            g[0] = 1
            g[1] = e4
            g[2] = e5
            g[3] = -b[1] * x * e4
            g[4] = -b[2] * x * e5
        }),
        "Misra1a": exponentialRise,
        "Misra1b": NISTModel(value: { x, _, b in
            let u = 1 + b[1] * x / 2
            return b[0] * (1 - 1 / (u * u))
        }, gradient: { x, _, b, g in
            let u = 1 + b[1] * x / 2
            g[0] = 1 - 1 / (u * u)
            g[1] = b[0] * x / (u * u * u)
        }),
        "Misra1c": NISTModel(value: { x, _, b in b[0] * (1 - 1 / (1 + 2 * b[1] * x).squareRoot()) },
                             gradient: { x, _, b, g in
            let u = 1 + 2 * b[1] * x, s = u.squareRoot()
            g[0] = 1 - 1 / s
            g[1] = b[0] * x / (u * s)
        }),
        "Misra1d": NISTModel(value: { x, _, b in b[0] * b[1] * x / (1 + b[1] * x) }, gradient: { x, _, b, g in
            let u = 1 + b[1] * x
            g[0] = b[1] * x / u
            g[1] = b[0] * x / (u * u)
        }),
        "Nelson": NISTModel(value: { x1, x2, b in b[0] - b[1] * x1 * exp(-b[2] * x2) }, gradient: { x1, x2, b, g in
            let e = exp(-b[2] * x2)
            g[0] = 1
            g[1] = -x1 * e
            g[2] = b[1] * x1 * x2 * e
        }),
        "Rat42": NISTModel(value: { x, _, b in b[0] / (1 + exp(b[1] - b[2] * x)) }, gradient: { x, _, b, g in
            let e = exp(b[1] - b[2] * x), d = 1 + e
            g[0] = 1 / d
            g[1] = -b[0] * e / (d * d)
            g[2] = b[0] * x * e / (d * d)
        }),
        "Rat43": NISTModel(value: { x, _, b in b[0] / pow(1 + exp(b[1] - b[2] * x), 1 / b[3]) },
                           gradient: { x, _, b, g in
            let e = exp(b[1] - b[2] * x), d = 1 + e, f = b[0] * pow(d, -1 / b[3])
            g[0] = pow(d, -1 / b[3])
            g[1] = -f / b[3] * e / d
            g[2] = f / b[3] * e * x / d
            g[3] = f * log(d) / (b[3] * b[3])
        }),
        "Roszman1": NISTModel(value: { x, _, b in b[0] - b[1] * x - atan(b[2] / (x - b[3])) / W.pi },
                              gradient: { x, _, b, g in
            let d = x - b[3], u = b[2] / d, k = 1 / (W.pi * (1 + u * u))
            g[0] = 1
            g[1] = -x
            g[2] = -k / d
            g[3] = -k * b[2] / (d * d)
        }),
    ]
}
