// swift-tools-version:6.0
import PackageDescription

// Benchmarks live in their own package so their code and settings never reach Attain's users.
// Build and run through `make bench` (benchmarks/run.sh), which also times the peer implementations in the same run.
let package = Package(
    name: "AttainBenchmarks",
    products: [
        .executable(name: "attain-bench", targets: ["AttainBench"]),
    ],
    dependencies: [
        .package(name: "Attain", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "AttainBench",
            dependencies: [.product(name: "Attain", package: "Attain")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
