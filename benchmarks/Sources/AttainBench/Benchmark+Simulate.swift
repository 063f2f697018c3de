import Attain
import Foundation

extension Benchmark {
    /// The baseline scenario end to end: `count` Monte Carlo paths of its 9 indicators to 2030, all 18 targets
    /// tallied and every fan sketched, on all cores (as `attain run` does). Peers: the C floor (45 normals a path,
    /// one thread) and the numpy implementation of the same simulation, both in `peers/`.
    static let simulate = Benchmark(
        name: "simulate",
        summary: "baseline scenario, all 18 targets, all cores (peers: C normals floor, numpy simulation)"
    ) { options in
        let study = try PlanStudy.load(path: baselinePath)
        let threads = ProcessInfo.processInfo.environment["ATTAIN_BENCH_THREADS"].flatMap(Int.init) ?? SimulationEngine.defaultThreads
        var checksum = 0.0
        var processCPU: [Double] = []
        var probabilities: [(id: String, probability: Double)] = []
        let timing = measure(repeats: options.repeats) {
            let c0 = processSeconds()
            let result = study.run(paths: options.count, seed: options.seed, threads: threads)
            processCPU.append(processSeconds() - c0)
            checksum += result.targets.reduce(0) { $0 + $1.probability }
            probabilities = result.targets.map { ($0.id, $0.probability) }
        }
        precondition(checksum.isFinite)
        let timed = processCPU.dropFirst().sorted()          // the first run is `measure`'s untimed warm-up
        let cpu = timed.count % 2 == 1 ? timed[timed.count / 2] : (timed[timed.count / 2 - 1] + timed[timed.count / 2]) / 2
        // The thread-CPU median `measure` reports is the calling thread's only; print the whole process's as well.
        report("simulate", work: options.count, timing: Timing(wallSeconds: timing.wallSeconds, cpuSeconds: cpu),
               unit: "paths", repeats: options.repeats)
        print("simulate threads \(threads) wall-seconds \(String(format: "%.4f", timing.wallSeconds)) cpu-seconds \(String(format: "%.4f", cpu))")
        // Every repeat uses the same seed, so these are the run's probabilities; numpy_simulate.py prints the same line.
        print("probabilities " + probabilities.map { "\($0.id)=\(String(format: "%.6f", $0.probability))" }.joined(separator: " "))
    }

    /// The compiled baseline's parameters and targets as JSON: the input of `peers/numpy_simulate.py`.
    static let simulateModel = Benchmark(
        name: "simulate-model",
        summary: "print the compiled baseline model as JSON (input of peers/numpy_simulate.py)"
    ) { _ in
        let study = try PlanStudy.load(path: baselinePath)
        print(try JSONValue(encoding: ModelExport(study)).rendered())
    }

    /// `scenarios/baseline.yaml` of the repository this package sits in.
    static var baselinePath: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }      // file → AttainBench → Sources → benchmarks → repo
        return url.appendingPathComponent("scenarios/baseline.yaml").path
    }
}

private func processSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// What the numpy peer needs to run the same simulation: each indicator's fitted process and observed years, each
/// target's rule. Local-trend forecasts are given by their public summaries (level, slope, hyperparameters, degrees of
/// freedom, sampling variance and the latent scale at horizons 1–6, from which the peer recovers the state covariance),
/// with how counts are drawn from the intensity (`countNoise`: "poisson" or "rounding") and the latent scale carried by
/// the unobserved rest of a partly observed first year (`restOfYearNoise`). Planned events give the plan, the slip
/// probability's Beta parameters (or the stated slip) and the events already held in the first simulated year.
/// A process the peer does not know stops the export (`fatalError`) rather than being exported wrongly.
struct ModelExport: Encodable {
    struct Trend: Encodable {
        var transform: String, offset: Double, level: Double, slope: Double, damping: Double, levelRatio: Double,
            noiseRatio: Double, degreesOfFreedom: Double, samplingVariance: Double, scales: [Double], horizonScale: [Double],
            observed: Double, fraction: Double, countNoise: String, restOfYearNoise: Double
    }
    struct Process: Encodable {
        var type: String
        var trend: Trend?
        var mode: String?, populationOrigin: Double?, startPopulation: Double?, startHolders: Double?, exitRate: Double?, hazardShape: Double?,
            hazardRate: Double?, dispersion: Double?, entryShape: Double?, entryRate: Double?, firstStep: Double?
        var shape: Double?, rate: Double?, mean: Double?, observed: Double?, fraction: Double?
        var planned: Int?, slipped: Double?, held: Double?, slip: Double?
    }
    struct Indicator: Encodable {
        var name: String, kind: String, observed: [Double?], firstSimulated: Int, process: Process
    }
    struct Target: Encodable {
        var id: String, indicator: Int, kind: String, strict: Bool, threshold: Double, stretch: Double?, first: Int, last: Int
    }
    var firstYear: Int, horizon: Int, indicators: [Indicator], targets: [Target]

    init(_ study: PlanStudy) {
        let model = study.model
        firstYear = model.firstYear
        horizon = model.horizon
        indicators = model.indicators.map { ind in
            Indicator(name: ind.name, kind: ind.kind.rawValue, observed: ind.observed.map { $0.isNaN ? nil : $0 },
                      firstSimulated: ind.firstSimulated, process: Self.process(ind.process))
        }
        targets = study.targets.map { t in
            Target(id: t.spec.id, indicator: t.indicatorIndex[0], kind: t.spec.kind.rawValue, strict: t.spec.comparison == .above,
                   threshold: t.spec.threshold, stretch: t.spec.stretch, first: t.first, last: t.last)
        }
    }

    static func trend(_ p: TrendProcess) -> Trend {
        let f = p.forecast
        // The peer simulates one model per trend; an average of default models (a share standing alone) is not exported.
        precondition(f.alternatives.isEmpty, "the numpy peer simulates single trend models; this scenario averages several")
        var transform = "identity", offset = 0.0
        switch f.transform {
        case .logit: transform = "logit"
        case .log(let c): transform = "log"; offset = c
        case .identity: break
        }
        let h = f.hyperparameters
        let noise: String
        switch p.countNoise {
        case .poisson: noise = "poisson"
        case .rounding: noise = "rounding"
        }
        // TrendProcess carries the one-step latent scale on the rest of a partly observed year (its restOfYearNoise).
        return Trend(transform: transform, offset: offset, level: f.latentLevel, slope: f.latentSlope, damping: h.damping,
                     levelRatio: h.levelRatio, noiseRatio: h.noiseRatio, degreesOfFreedom: f.degreesOfFreedom,
                     samplingVariance: f.samplingVariance, scales: (1...6).map { f.latentLocationScale(horizon: $0).scale },
                     horizonScale: f.horizonScale, observed: p.observedInFirstYear, fraction: p.observedFraction,
                     countNoise: noise, restOfYearNoise: f.latentLocationScale(horizon: 1).scale)
    }

    static func process(_ process: any PathProcess) -> Process {
        if let p = process as? TrendProcess { return Process(type: "trend", trend: trend(p)) }
        if let p = process as? PoissonRateProcess {
            return Process(type: "poisson", shape: p.shape, rate: p.rate, mean: p.knownMean, observed: p.observedInFirstYear,
                           fraction: p.observedFraction)
        }
        if let p = process as? PlannedEventsProcess {
            return Process(type: "planned", observed: p.observedInFirstYear, planned: p.planned, slipped: p.slipShape?.slipped,
                           held: p.slipShape?.held, slip: p.slipShape == nil ? p.meanSlip : nil)
        }
        if let p = process as? StockFlowProcess {
            var out = Process(type: "stock-flow", startPopulation: p.startPopulation, startHolders: p.startHolders,
                              exitRate: p.exitRate, hazardShape: p.estimate.hazardShape, hazardRate: p.estimate.hazardRate,
                              dispersion: p.estimate.dispersion, entryShape: p.estimate.entryShape, entryRate: p.estimate.entryRate,
                              firstStep: p.firstStep)
            switch p.population {
            case .entries: out.mode = "entries"
            case .trend(let t, let origin):
                out.mode = "trend"
                out.populationOrigin = origin
                guard let t = t as? TrendProcess else { fatalError("the numpy peer does not know a \(type(of: t)) population") }
                out.trend = trend(t)
            }
            return out
        }
        fatalError("the numpy peer does not know \(type(of: process))")
    }
}
