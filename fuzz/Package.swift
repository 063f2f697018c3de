// swift-tools-version:6.0
// libFuzzer targets for Attain's readers of untrusted text. Build and run them with `fuzz/run.sh [seconds]`;
// see fuzz/README.md. This package is separate so the main package never carries fuzzer flags.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory, so read the repository's directory name rather than assume it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

// libFuzzer supplies `main`; the harness only defines `LLVMFuzzerTestOneInput`.
let harness: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "AttainFuzz",
    dependencies: [.package(path: ".."), .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20")],
    targets: [
        .executableTarget(name: "fuzz-csv", dependencies: [.product(name: "Attain", package: rootIdentity)],
                          path: "Sources/FuzzCSV", swiftSettings: harness),
        .executableTarget(name: "fuzz-yaml", dependencies: [.product(name: "Attain", package: rootIdentity)],
                          path: "Sources/FuzzYAML", swiftSettings: harness),
        .executableTarget(name: "fuzz-xlsx", dependencies: [.product(name: "Attain", package: rootIdentity),
                                                            .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                          path: "Sources/FuzzXLSX", swiftSettings: harness),
    ],
    swiftLanguageModes: [.v6]
)
