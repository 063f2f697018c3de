import AttainData

/// One unit's forecast of one period in a backtest: the predictive quantiles and, where the data have it, what happened.
public struct BacktestForecast: Sendable, Equatable {
    /// The unit.
    public var unit: String
    /// The forecast origin (last period of data used).
    public var origin: Period
    /// The period forecast.
    public var period: Period
    /// Steps ahead (a step is one period, or one grid step for data every k periods).
    public var horizon: Int
    /// Quantiles at the requested levels, on the data scale.
    public var quantiles: [Double]
    /// The observed value of `period`, nil where the data have none.
    public var actual: Double?
}

/// Forecasts every unit of an indicator from one origin, as a forecaster would have at the time.
///
/// Only data up to `origin` reaches the calibration and the fits (removing later rows changes no forecast); later
/// rows only fill ``BacktestForecast/actual``. Units without two observations in their window are skipped and listed.
public struct Backtest: Sendable {
    /// The forecasts, unit by unit in the order of `crossSection`, then by horizon.
    public var forecasts: [BacktestForecast]
    /// The calibration applied to every unit.
    public var calibration: TrendCalibration
    /// Units left out, with the reason.
    public var skipped: [(unit: String, reason: String)]

    /// Runs the backtest of `crossSection` (one indicator, every unit) from `origin` for horizons `1…horizon`.
    ///
    /// - Throws: ``ForecastError/invalidArgument(_:)`` for a horizon below 1 or levels outside (0, 1),
    ///   ``ForecastError/nothingToForecast(origin:units:reason:)`` when every unit is skipped.
    public init(crossSection: [Series], forecaster: TrendForecaster, origin: Period, horizon: Int, levels: [Double]) throws {
        guard horizon >= 1 else { throw ForecastError.invalidArgument("horizon must be at least 1, got \(horizon)") }
        if let bad = levels.first(where: { !($0 > 0 && $0 < 1) }) {
            throw ForecastError.invalidArgument("quantile level \(bad) is outside (0, 1)")
        }
        let calibration = try forecaster.calibrate(crossSection: crossSection, through: origin)
        var forecasts = [BacktestForecast](), skipped = [(unit: String, reason: String)]()
        for series in crossSection {
            let fit: TrendForecast
            do {
                fit = try forecaster.fit(series: series, calibration: calibration, origin: origin)
            } catch let error as ForecastError {
                skipped.append((series.unit, error.description))
                continue
            }
            let observed = Dictionary(series.observations.map { ($0.period, $0.value) }, uniquingKeysWith: { a, _ in a })
            for h in 1...horizon {
                let period = fit.period(atStep: h)
                forecasts.append(BacktestForecast(unit: series.unit, origin: origin, period: period, horizon: h,
                                                  quantiles: fit.quantiles(horizon: h, levels: levels), actual: observed[period]))
            }
        }
        if forecasts.isEmpty, let first = skipped.first {
            throw ForecastError.nothingToForecast(origin: origin.description, units: skipped.count, reason: first.reason)
        }
        self.forecasts = forecasts
        self.calibration = calibration
        self.skipped = skipped
    }
}
