import AttainRandom

/// How one indicator evolves along a simulated path: the plug-in point for each kind of model.
///
/// A process is fitted once (its parameters and their uncertainty are stored in it) and then asked for many paths.
/// For each path it draws its own parameters from their uncertainty, then the process noise, applies the levers of the
/// scenario, and writes the yearly values on the data scale. Implementations must not allocate in ``sample(_:rng:levers:into:count:scratch:)``
/// and must take every random number from `rng` (the indicator's own generator on this path) or from `path`'s event
/// uniforms, so results do not depend on threads and scenarios share their draws.
///
/// Values written are yearly levels for shares and levels, and yearly flows (events in the year) for counts and
/// cumulative indicators.
public protocol PathProcess: Sendable {
    /// The levers this process responds to; others are refused when a scenario is compiled.
    var supportedLevers: Set<Lever> { get }
    /// Doubles of scratch space ``sample(_:rng:levers:into:count:scratch:)`` may use: the engine passes a per-thread
    /// array of at least this many elements, which the process may overwrite entirely.
    var scratchCount: Int { get }
    /// Simulates one path: writes the `count` simulated years into `output[0..<count]`.
    func sample(_ path: PathDraw, rng: inout Xoshiro256StarStar, levers: LeverSchedule, into output: UnsafeMutablePointer<Double>,
                count: Int, scratch: inout [Double])
}
