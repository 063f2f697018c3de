#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A named benchmark: what it times and the function that runs it with the parsed options.
struct Benchmark: Sendable {
    let name: String
    let summary: String
    let run: @Sendable (BenchmarkOptions) throws -> Void

    static func usage(_ all: [Benchmark]) -> String {
        let list = all.map { "  \($0.name.padding(12))\($0.summary)" }.joined(separator: "\n")
        return """
        usage: attain-bench <benchmark> [--count N] [--repeats R] [--seed S]
        benchmarks:
        \(list)
        """
    }
}

/// Options shared by every benchmark: the work per repeat, how many timed repeats, and the seed.
struct BenchmarkOptions: Sendable {
    var count = 1_000_000
    var repeats = 21
    var seed: UInt64 = 20_230_101

    struct Invalid: Error, CustomStringConvertible { let description: String }

    init(parsing args: [String]) throws {
        var i = 0
        func value(_ flag: String) throws -> String {
            guard i + 1 < args.count else { throw Invalid(description: "\(flag) needs a value") }
            i += 1
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--count":
                guard let n = Int(try value("--count")), n > 0 else { throw Invalid(description: "--count must be a positive integer") }
                count = n
            case "--repeats":
                guard let r = Int(try value("--repeats")), r > 0 else { throw Invalid(description: "--repeats must be a positive integer") }
                repeats = r
            case "--seed":
                guard let s = UInt64(try value("--seed")) else { throw Invalid(description: "--seed must be a non-negative integer") }
                seed = s
            default:
                throw Invalid(description: "unknown option '\(args[i])' (expected --count, --repeats, --seed)")
            }
            i += 1
        }
    }
}

/// Medians over timed repeats: wall-clock seconds, and CPU seconds of the calling thread (less sensitive to other
/// processes sharing the machine).
struct Timing {
    let wallSeconds: Double
    let cpuSeconds: Double
}

/// Time `body` `repeats` times (after one untimed warm-up) and return the medians.
func measure(repeats: Int, _ body: () -> Void) -> Timing {
    body()
    var wall: [Double] = [], cpu: [Double] = []
    for _ in 0..<repeats {
        let w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_THREAD_CPUTIME_ID)
        body()
        cpu.append(now(CLOCK_THREAD_CPUTIME_ID) - c0)
        wall.append(now(CLOCK_MONOTONIC) - w0)
    }
    return Timing(wallSeconds: median(wall), cpuSeconds: median(cpu))
}

private func now(_ clock: clockid_t) -> Double {
    var ts = timespec()
    clock_gettime(clock, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

private func median(_ xs: [Double]) -> Double {
    let s = xs.sorted(), m = s.count / 2
    return s.count % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m])
}

/// The one result line every benchmark prints; `run.sh` reads the numbers after `median` (wall clock) and `cpu-median`.
func report(_ name: String, work: Int, timing: Timing, unit: String, repeats: Int) {
    let wall = formatRate(Double(work) / timing.wallSeconds), cpu = formatRate(Double(work) / timing.cpuSeconds)
    print("\(name) median \(wall) \(unit)/s cpu-median \(cpu) \(unit)/s (medians of \(repeats) repeats of \(work))")
}

/// A rate as a whole number with thousands separators, e.g. `123_456_789` → `123,456,789`.
func formatRate(_ x: Double) -> String {
    let digits = String(Int(x.rounded()))
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return out
}

/// Write a line to standard error (file descriptor 2).
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
