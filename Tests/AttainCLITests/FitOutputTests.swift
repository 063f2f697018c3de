import Attain
import Foundation
import Testing
@testable import AttainCLI

/// `attain fit --format json` streams its document: the bytes must be those of the value tree it replaced.
@Suite("fit JSON streaming")
struct FitOutputTests {
    static let series: [Series] = {
        let sigmoid: [Double] = (0..<12).map { (i: Int) -> Double in
            let noise = Double((i * 7) % 5) - 2
            return 900 / (1 + exp(-0.6 * Double(i - 6))) + noise
        }
        return [
            Series(unit: "KCN \"Hòa\" Phú\t1", indicator: "workers", kind: .level, firstYear: 2012, values: sigmoid),
            Series(unit: "Tân Yên", indicator: "workers", kind: .level, firstYear: 2021, values: [120, 150, 171]),
            Series(unit: "một điểm", indicator: "workers", kind: .level, firstYear: 2020, values: [5]),
            Series(unit: "CCN Mai Đình", indicator: "events", kind: .count, firstYear: 2015,
                   values: [3, 9, 4, 15, 2, 11, 30, 6, 19, 8]),
            Series(unit: "Xã Đông Lỗ", indicator: "coverage", kind: .share, firstYear: 2016, values: [0.2, 0.26, 0.35, 0.41, 0.5, 0.52]),
        ]
    }()

    @Test(arguments: ["auto", "logistic", "richards", "linear"])
    func streamedBytesEqualTheRenderedTree(model: String) throws {
        let fits = Self.series.map { s in
            FitBatch.fitOne(s, choice: (try? ModelChoice(word: model, kind: s.kind)) ?? .auto)
        }
        for chunk in [1, 300, 1 << 20] {
            var bytes: [UInt8] = []
            FitJSON.write(fits, chunk: chunk) { bytes += $0 }
            #expect(String(decoding: bytes, as: UTF8.self) == FitOutput.json(fits).rendered(), "model \(model), chunk \(chunk)")
        }
    }
}
