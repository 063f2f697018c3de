import AttainForecast
import AttainRandom

/// A random walk with drift on a latent scale: `x_t = x_{t−1} + μ·Δ + σ·√Δ·ε_t`, with `μ` drawn per path.
///
/// The simplest honest projection of a short series (the "naive drift" model): the drift is the mean latent change,
/// uncertain with standard error `σ/√n`, and each path draws its own drift before its yearly noise. The first simulated
/// step can be a fraction `Δ` of a year (nowcasting the rest of a partly observed year).
/// Levers: `growth-shift` adds to the latent path; on the log scale, `shock` lowers the level by the laid-off fraction in its year.
public struct RandomWalkProcess: PathProcess {
    /// Latent value at the last observation.
    public var start: Double
    /// Drift per year (latent units).
    public var drift: Double
    /// Standard error of the drift (0: known).
    public var driftStandardError: Double
    /// Yearly innovation standard deviation.
    public var sigma: Double
    /// The latent scale.
    public var scale: LatentTransform
    /// Length in years of the first simulated step (1 when the last observation closes a year).
    public var firstStep: Double

    public init(start: Double, drift: Double, driftStandardError: Double = 0, sigma: Double, scale: LatentTransform = .identity,
                firstStep: Double = 1) {
        precondition(sigma >= 0 && driftStandardError >= 0 && firstStep >= 0, "negative spread")
        self.start = start
        self.drift = drift
        self.driftStandardError = driftStandardError
        self.sigma = sigma
        self.scale = scale
        self.firstStep = firstStep
    }

    /// Estimated from a series' latent values at yearly spacing (`values` on the data scale, at least two).
    public init?(fitting values: [Double], scale: LatentTransform, firstStep: Double = 1) {
        let x = values.map(scale.toLatent)
        guard x.count >= 2 else { return nil }
        let d = zip(x.dropFirst(), x).map { $0 - $1 }
        let mean = d.reduce(0, +) / Double(d.count)
        let sd = d.count > 1 ? (d.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(d.count - 1)).squareRoot() : abs(mean) / 2
        self.init(start: x.last!, drift: mean, driftStandardError: sd / Double(d.count).squareRoot(), sigma: sd, scale: scale,
                  firstStep: firstStep)
    }

    var isLog: Bool { if case .log = scale { return true } else { return false } }

    public var supportedLevers: Set<Lever> { isLog ? [.growthShift, .shock] : [.growthShift] }
    public var scratchCount: Int { 0 }

    public func sample(_ path: PathDraw, rng: inout Xoshiro256StarStar, levers: LeverSchedule, into output: UnsafeMutablePointer<Double>,
                       count: Int, scratch: inout [Double]) {
        let mu = drift + driftStandardError * rng.normal()
        var x = start
        for k in 0..<count {
            let step = k == 0 ? firstStep : 1
            x += mu * step + sigma * step.squareRoot() * rng.normal()
            var latent = x + levers.latentShift[k]
            if isLog && !levers.shocks.isEmpty { latent += log(levers.shockFactor(year: k, path: path)) }
            output[k] = scale.toData(latent)
        }
    }
}

import Foundation
