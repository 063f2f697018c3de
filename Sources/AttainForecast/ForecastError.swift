import AttainData

/// What went wrong when fitting or backtesting a trend forecast, with where and how to fix it.
public enum ForecastError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A unit has fewer usable observations in the window than the model needs.
    case tooFewObservations(unit: String, indicator: String, origin: String, have: Int, need: Int)
    /// A value cannot be put on the latent scale (a negative level, a share outside [0, 1], NaN).
    case valueOutsideDomain(unit: String, period: String, value: Double, transform: String)
    /// The origin does not fall on the series' time grid (e.g. 1975 for data every 5 years from 1952).
    case originOffGrid(unit: String, origin: String, step: Int, example: String)
    /// No unit could be forecast from the origin; `reason` is the first unit's problem.
    case nothingToForecast(origin: String, units: Int, reason: String)
    /// An argument is out of range.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .tooFewObservations(unit, indicator, origin, have, need):
            return "unit '\(unit)' of '\(indicator)' has \(have) observation(s) in the window ending \(origin); at least \(need) are needed. Use a later origin or a longer --window."
        case let .valueOutsideDomain(unit, period, value, transform):
            return "unit '\(unit)', period \(period): value \(value) is outside the domain of the \(transform) scale. Check the data or state the indicator kind with --kind."
        case let .originOffGrid(unit, origin, step, example):
            return "origin \(origin) is not on the \(step)-period grid of unit '\(unit)' (observed e.g. at \(example)). Choose an origin on the grid."
        case let .nothingToForecast(origin, units, reason):
            return "none of the \(units) unit(s) can be forecast from origin \(origin); the first: \(reason)"
        case let .invalidArgument(message):
            return message
        }
    }
}
