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
            #expect(String(decoding: bytes, as: UTF8.self) == Self.referenceJSON(fits).rendered(), "model \(model), chunk \(chunk)")
        }
    }

    /// The fit document built as a value tree, written independently of ``FitJSON`` (it is what `attain fit` printed
    /// before the document was streamed): the oracle the streamed bytes are compared with.
    static func referenceJSON(_ fits: [SeriesFit]) -> JSONValue {
        var entries: [JSONValue] = []
        var failures: [JSONValue] = []
        for f in fits {
            guard let fit = f.fit else {
                failures.append(.object(["unit": .string(f.series.unit), "message": .string(f.failure ?? "")]))
                continue
            }
            let se = fit.standardErrors
            var entry: [String: JSONValue] = [
                "unit": .string(f.series.unit),
                "indicator": .string(f.series.indicator),
                "kind": .string(f.series.kind.rawValue),
                "model": .string(fit.model),
                "converged": .bool(fit.converged),
                "parameters": .object(Dictionary(uniqueKeysWithValues: zip(fit.parameterNames, fit.parameters.map(JSONValue.double)))),
                "standardErrors": .object(Dictionary(uniqueKeysWithValues: zip(fit.parameterNames, se.map(JSONValue.double)))),
                "sigma": fit.sigma.map(JSONValue.double) ?? .null,
                "aicc": .double(fit.aicc),
                "logLikelihood": .double(fit.logLikelihood),
                "observations": .int(fit.observationCount),
                "iterations": .int(fit.iterations),
                "sumOfSquares": f.sumOfSquaredResiduals.map(JSONValue.double) ?? .null,
                "referenceTime": fit.referenceTime.map(JSONValue.double) ?? .null,
                "fitted": .array(zip(f.series.periods, fit.fitted).map { period, value in
                    .object(["period": .string(period.description), "value": .double(value)])
                }),
                "warnings": .array(fit.warnings.map(JSONValue.string)),
            ]
            if let dispersion = fit.dispersion { entry["dispersion"] = .double(dispersion) }
            if let selection = f.selection {
                entry["selection"] = .object([
                    "rule": .string(selection.rule),
                    "candidates": .array(selection.candidates.indices.map { i in
                        .object(["model": .string(selection.candidates[i].model), "aicc": .double(selection.criteria[i]),
                                 "weight": .double(selection.weights[i]), "converged": .bool(selection.candidates[i].converged)])
                    }),
                ])
            }
            entries.append(.object(entry))
        }
        var doc: [String: JSONValue] = ["fits": .array(entries)]
        if !failures.isEmpty { doc["failures"] = .array(failures) }
        return .object(doc)
    }
}
