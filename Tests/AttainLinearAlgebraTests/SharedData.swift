import Foundation

/// Locates `../shared/data` from this source file (the repository sits beside `shared/`).
enum SharedData {
    static var root: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // file → Tests/X → Tests → repo
        return url.deletingLastPathComponent().appendingPathComponent("shared/data")
    }
}

/// Number of significant digits to which `estimate` agrees with `certified` (capped at 15).
func significantDigits(_ estimate: Double, _ certified: Double) -> Double {
    if estimate == certified { return 15 }
    if certified == 0 { return max(0, -log10(abs(estimate))) }
    return min(15, max(0, -log10(abs(estimate - certified) / abs(certified))))
}
