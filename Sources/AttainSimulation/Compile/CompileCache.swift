import AttainData
import AttainForecast
import Foundation

/// What compiling one scenario on one data set computes identically for every unit it is run for: the data's rows
/// grouped by indicator and unit, each indicator's cross-section of units, the kind pools, and the trend calibrations
/// learned from them (which depend on the cross-section and the forecaster, not on the unit being run).
///
/// Give one cache to every ``ScenarioCompiler/compile(_:firstYear:data:cache:)`` of the same scenario (whatever its
/// `unit`) and the same data, as `run --by unit` does: each unit's compile then costs about what its own rows and fits
/// cost, instead of a pass over every row and a calibration on every sister unit. The results are the same values as
/// without a cache (the cache only stores what the compile would recompute). Do not share a cache between different
/// data sets, cut-offs or indicator settings (kinds, windows, sources): its keys do not record them.
public final class CompileCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Any] = [:]
    /// Worker threads for the trend calibrations the cache learns (the calibration does not depend on them).
    public let calibrationThreads: Int

    /// An empty cache; its calibrations run on one thread.
    public init() {
        calibrationThreads = 1
    }

    /// An empty cache whose calibrations run on `calibrationThreads` threads.
    public init(calibrationThreads: Int) {
        self.calibrationThreads = max(1, calibrationThreads)
    }

    /// The value stored under `key`, made by `make` (outside the lock) the first time it is asked for.
    func value<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
        lock.lock()
        let known = values[key]
        lock.unlock()
        if let known { return known as! T }
        let made = try make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }

    /// The data's rows of `indicator`, in the data's order.
    func rows(of indicator: String, in data: DataSet) -> [Observation] {
        let all = value("rows") { Dictionary(grouping: data.observations, by: \.indicator) }
        return all[indicator] ?? []
    }

    /// The rows of `indicator` by unit, each in the data's order.
    func rowsByUnit(of indicator: String, in data: DataSet) -> [String: [Observation]] {
        value("rows-by-unit|\(indicator)") { Dictionary(grouping: rows(of: indicator, in: data), by: \.unit) }
    }

    /// The kind of `indicator` inferred from the data (nil when it cannot be).
    func inferredKind(of indicator: String, in data: DataSet) -> IndicatorKind? {
        value("kind|\(indicator)") { [data.inferredKind(of: indicator)] }[0]
    }
}

extension CompileCache {
    /// The indicators `unit` has rows of in `data` (one pass over the rows for all units, the first time).
    public func indicators(of unit: String, in data: DataSet) -> Set<String> {
        let all = value("indicators-by-unit") {
            var byUnit: [String: Set<String>] = [:]
            for o in data.observations { byUnit[o.unit, default: []].insert(o.indicator) }
            return byUnit
        }
        return all[unit] ?? []
    }
}
