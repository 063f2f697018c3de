import Attain
import Foundation

/// libFuzzer entry point: any text through the scenario loader and the targets loader, as `attain run` reads them.
///
/// Both readers must answer with a value or a typed error naming file, line and key; a crash, a trap or an
/// address-sanitizer report is a finding. Relative paths in the text resolve against `fuzz/` in a scratch directory
/// that holds no files, so the loader's existence checks fail cleanly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let text = String(decoding: data, as: UTF8.self)
    do { _ = try ScenarioLoader.parse(text, file: "/nonexistent-attain-fuzz/scenario.yaml") } catch {
        _ = String(describing: error)
    }
    do { _ = try TargetFile.parse(text, file: "/nonexistent-attain-fuzz/targets.yaml") } catch {
        _ = String(describing: error)
    }
    return 0
}
