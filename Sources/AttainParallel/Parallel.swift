import Dispatch
import Synchronization

/// Independent pieces of work shared out over threads, with results in input order whatever the thread count.
///
/// ```swift
/// let fits = Parallel.map(series.count, threads: 2) { i in fit(series[i]) }
/// ```
/// Each worker takes the next piece not yet taken, so pieces of unequal cost (or a worker slowed by other work on the
/// machine) leave no thread idle while pieces remain; each piece must depend only on its index (and read-only shared
/// state), so the results, and everything computed from them in order, are the same for 1 thread or 16, whichever
/// worker ran which piece. Cost: the sum of the pieces divided by the workers, plus one dispatch.
public enum Parallel {
    /// `body(i)` for every `i` in `0..<count` on up to `threads` threads, the results in index order.
    ///
    /// `body` is called from several threads at once: it may read shared state but must not write it.
    public static func map<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(threads, count))
        if workers == 1 { return (0..<count).map(body) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            withoutActuallyEscaping(body) { body in
                // Workers write disjoint slots and `body` only reads shared state: safe, though not provably so.
                nonisolated(unsafe) let out = buffer, work = body
                let next = Atomic<Int>(0)
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while true {
                        let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                        if i >= count { break }
                        out[i] = work(i)
                    }
                }
            }
        }
        return results.map { $0! }
    }
}
