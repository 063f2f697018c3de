import AttainRandom
import Dispatch
import Foundation
import Synchronization

/// Runs Monte Carlo paths of one or more compiled scenarios in parallel, streaming each path into an accumulator.
///
/// ```swift
/// let fan = SimulationEngine.run([model], paths: 100_000, seed: 42, threads: 2, accumulator: FanSketch(models: [model]))
/// ```
/// Paths are cut into chunks of ``chunkSize``; chunk `k` draws its path keys from stream `k` of the seed
/// (``Xoshiro256StarStar/init(seed:stream:)``), whichever thread runs it, so results are identical for any thread count.
/// All models of one run see the same path keys: common random numbers. Memory is one chunk of path buffers per thread plus the
/// accumulators: it does not grow with the number of paths. Cost: linear in paths × models × indicators × years.
public enum SimulationEngine {
    /// Paths per chunk, fixed so results do not depend on the thread count.
    public static let chunkSize = 1000

    /// The number of processor cores.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Simulates `paths` paths of every model in `models` (which must share one timeline) and returns the merged
    /// accumulator; `samplePaths`, when given, receives every path as CSV rows, in path order. `progress`, when given,
    /// is told the number of paths done after each chunk (from the worker threads; the counts only grow).
    public static func run<A: PathAccumulator>(_ models: [SimulationModel], paths: Int, seed: UInt64, threads: Int = defaultThreads,
                                               accumulator: A, samplePaths: SamplePathWriter? = nil, shared: SharedDraws? = nil,
                                               progress: (@Sendable (Int) -> Void)? = nil) -> A {
        precondition(!models.isEmpty, "no model to simulate")
        precondition(paths > 0, "paths must be positive")
        let years = models[0].yearCount
        precondition(models.allSatisfy { $0.firstYear == models[0].firstYear && $0.horizon == models[0].horizon },
                     "models of one run must share a timeline")
        let chunks = (paths + chunkSize - 1) / chunkSize
        let workers = max(1, min(threads, chunks))
        let counter = ChunkCounter()          // the next chunk to run
        let done = ChunkCounter()             // chunks finished, for progress
        let results = Mutex<[(Int, A)]>([])
        let jobs = models.enumerated().flatMap { m, model in
            model.indicators.enumerated().compactMap { i, ind -> Job? in
                ind.simulatedCount > 0 ? Job(model: m, offset: i * years + ind.firstSimulated, count: ind.simulatedCount,
                                             process: ind.process, levers: ind.levers, streamKey: ind.streamKey) : nil
            }
        }
        let scratchCount = max(1, jobs.map(\.process.scratchCount).max() ?? 1)
        samplePaths?.begin(models)

        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var acc = accumulator
            // Per worker: every path slot of a chunk for every model (the observed years written once), and one path's
            // view of them. Fixed size: memory does not grow with the number of paths.
            let stride = UnsafeMutablePointer<Int>.allocate(capacity: models.count)
            let block = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: models.count)
            let view = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: models.count)
            for (m, model) in models.enumerated() {
                stride[m] = max(1, model.rowCount)
                block[m] = .allocate(capacity: chunkSize * stride[m])
                let observed = model.indicators.map(\.observed)     // read once, not once per path slot
                for l in 0..<chunkSize {
                    for (i, values) in observed.enumerated() {
                        for y in 0..<years { block[m][l * stride[m] + i * years + y] = values[y] }
                    }
                }
            }
            var scratch = [Double](repeating: 0, count: scratchCount)
            var draws = [PathDraw]()
            draws.reserveCapacity(chunkSize)
            defer {
                for m in models.indices { block[m].deallocate() }
                block.deallocate()
                stride.deallocate()
                view.deallocate()
            }
            while true {
                let chunk = counter.next()
                if chunk >= chunks { break }
                var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(chunk))
                let first = chunk * chunkSize, n = min(paths, first + chunkSize) - first
                draws.removeAll(keepingCapacity: true)
                if let shared {
                    // Both streams advance on every path, so which paths are shared does not move any other path's key.
                    var common = Xoshiro256StarStar(seed: shared.seed, stream: UInt64(chunk))
                    for p in first..<(first + n) {
                        let own = rng.next(), theirs = common.next()
                        let takes = shared.takesShared(path: p)
                        draws.append(PathDraw(key: takes ? theirs : own, index: p, noiseKey: takes && shared.ownNoise ? own : nil))
                    }
                } else {
                    for p in first..<(first + n) { draws.append(PathDraw(key: rng.next(), index: p)) }
                }
                // One indicator at a time over the chunk's paths (each path's numbers come from its own keys, so the
                // order does not change them), then the whole chunk to the accumulator.
                for job in jobs {
                    Self.sample(job.process, draws: draws, job: job, into: block[job.model], stride: stride[job.model], scratch: &scratch)
                }
                acc.add(SimulatedPaths(first: first, count: n, years: years, modelCount: models.count, bases: block, strides: stride))
                if let samplePaths {
                    var text = ""
                    for l in 0..<n {
                        for m in models.indices { view[m] = block[m] + l * stride[m] }
                        samplePaths.appendRows(path: first + l, models: models, rows: view, to: &text)
                    }
                    samplePaths.submit(chunk: chunk, text: text)
                }
                if let progress { progress(min(paths, (done.next() + 1) * chunkSize)) }
            }
            results.withLock { $0.append((worker, acc)) }
        }
        let parts = results.withLock { $0 }.sorted { $0.0 < $1.0 }
        var merged = parts[0].1
        for part in parts.dropFirst() { merged.merge(part.1) }
        samplePaths?.finish()
        return merged
    }

    /// One indicator's process over a chunk's paths; generic, so the process is opened once per chunk, not per path.
    static func sample<P: PathProcess>(_ process: P, draws: [PathDraw], job: Job, into base: UnsafeMutablePointer<Double>,
                                       stride: Int, scratch: inout [Double]) {
        let levers = job.levers
        for (l, draw) in draws.enumerated() {
            var generator = draw.generator(job.streamKey)
            process.sample(draw.forStream(job.streamKey), rng: &generator, levers: levers, into: base + l * stride + job.offset, count: job.count, scratch: &scratch)
        }
    }

    struct Job: @unchecked Sendable {
        let model: Int
        let offset: Int
        let count: Int
        let process: any PathProcess
        let levers: LeverSchedule
        let streamKey: UInt64
    }
}

/// Hands out chunk indices 0, 1, 2, … to worker threads.
final class ChunkCounter: Sendable {
    private let value = Atomic<Int>(0)
    func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}
