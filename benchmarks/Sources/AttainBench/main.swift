// attain-bench: run one named benchmark and print its median rate.
//
//     attain-bench normals --count 10000000 --repeats 7
//
// To add a benchmark: write `Benchmark+<Name>.swift` defining `static let <name> = Benchmark(...)`, then add it to
// the list below (one line).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let benchmarks: [Benchmark] = [
    .normals,
    .simulate,
    .simulateModel,
    .simulateParts,
    .conformance,
    .fitJSON,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name }) else {
    printError(Benchmark.usage(benchmarks))
    exit(arguments.first.map { ["-h", "--help", "help"].contains($0) } == true ? 0 : 64)
}
do {
    try benchmark.run(BenchmarkOptions(parsing: Array(arguments.dropFirst())))
} catch {
    printError("attain-bench \(name): \(error)")
    exit(64)
}
