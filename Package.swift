// swift-tools-version:6.0
import PackageDescription

// Layers, bottom-up; each depends only on the ones below it:
//   _AttainLAPACK → AttainLinearAlgebra → AttainRandom → AttainData → AttainModels
//   → AttainForecast → AttainSimulation → AttainTargets → AttainReport → Attain (umbrella) → attain (CLI)
let package = Package(
    name: "Attain",
    products: [
        .library(name: "Attain", targets: ["Attain"]),
        .executable(name: "attain", targets: ["AttainCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SHA-256 of input files (provenance in JSON results and briefings); Foundation has no hash API on Linux.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "_AttainLAPACK", path: "Sources/_AttainLAPACK"),
        // libxml2's SAX2 API (Debian's libxml2-dev), the parser under FoundationXML: worksheets are read through it.
        .systemLibrary(name: "_AttainXML2", path: "Sources/_AttainXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "AttainLinearAlgebra", dependencies: ["_AttainLAPACK"]),
        .target(name: "AttainRandom", dependencies: ["AttainLinearAlgebra"]),
        .target(name: "AttainParallel"),
        .target(name: "AttainData", dependencies: ["_AttainXML2", .product(name: "Crypto", package: "swift-crypto"),
                                                  .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                                                  .product(name: "Yams", package: "Yams")]),
        .target(name: "AttainModels", dependencies: ["AttainLinearAlgebra", "AttainRandom", "AttainData", "AttainParallel"]),
        .target(name: "AttainForecast", dependencies: ["AttainModels", "AttainRandom", "AttainData", "AttainParallel"]),
        .target(name: "AttainSimulation", dependencies: ["AttainForecast", "AttainModels", "AttainRandom", "AttainData",
                                                         .product(name: "Yams", package: "Yams")]),
        .target(name: "AttainTargets", dependencies: ["AttainSimulation", "AttainData", "AttainParallel",
                                                      .product(name: "Yams", package: "Yams")]),
        .target(name: "AttainReport", dependencies: ["AttainTargets", "AttainSimulation", "AttainForecast", "AttainModels", "AttainData",
                                                     .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "Attain", dependencies: ["AttainLinearAlgebra", "AttainRandom", "AttainData", "AttainModels",
                                               "AttainForecast", "AttainSimulation", "AttainTargets", "AttainReport"]),
        .executableTarget(name: "AttainCLI", dependencies: ["Attain",
                                                            .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "AttainTestSupport", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Tests/AttainTestSupport"),
        .testTarget(name: "AttainParallelTests", dependencies: ["AttainParallel"]),
        .testTarget(name: "AttainLinearAlgebraTests", dependencies: ["AttainLinearAlgebra", "AttainTestSupport"]),
        .testTarget(name: "AttainRandomTests", dependencies: ["AttainRandom", "AttainTestSupport"]),
        .testTarget(name: "AttainDataTests", dependencies: ["AttainData", "AttainTestSupport"]),
        .testTarget(name: "AttainModelsTests", dependencies: ["AttainModels", "AttainTestSupport"]),
        .testTarget(name: "AttainForecastTests", dependencies: ["AttainForecast", "AttainTestSupport"]),
        .testTarget(name: "AttainSimulationTests", dependencies: ["AttainSimulation", "AttainTestSupport"]),
        .testTarget(name: "AttainTargetsTests", dependencies: ["AttainTargets", "AttainTestSupport"]),
        .testTarget(name: "AttainReportTests", dependencies: ["AttainReport", "AttainTestSupport"]),
        .testTarget(name: "AttainCLITests", dependencies: ["AttainCLI", "AttainTestSupport"], exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
