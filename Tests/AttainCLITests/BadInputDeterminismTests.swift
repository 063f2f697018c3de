import Foundation
import Testing

/// Same inputs and seed give the same bytes, run after run and whatever `--threads` is; another seed gives other numbers.
@Suite("Determinism across runs and thread counts", .serialized)
struct BadInputDeterminismTests {
    static let baseline = "scenarios/baseline.yaml"

    static func output(_ arguments: [String]) throws -> String {
        let outcome = try AttainProcess.run(arguments)
        #expect(outcome.status == 0, "\(arguments): \(outcome.standardError.prefix(1500))")
        #expect(NonFinite.find(in: outcome.standardOutput) == nil, "\(arguments): non-finite number in the output")
        return outcome.standardOutput
    }

    @Test func runJSONIsTheSameBytesAcrossRunsAndThreadCounts() throws {
        let base = ["run", Self.baseline, "--paths", "1500", "--seed", "11", "--format", "json"]
        let one = try Self.output(base + ["--threads", "1"])
        let two = try Self.output(base + ["--threads", "2"])
        let again = try Self.output(base + ["--threads", "2"])
        let five = try Self.output(base + ["--threads", "5"])  // more threads than cores, chunks finishing out of order
        #expect(!one.isEmpty)
        // Compared as Bools: a failed #expect on two long texts would diff them, which is slow and unreadable.
        let (oneTwo, twoAgain, oneFive) = (one == two, two == again, one == five)
        #expect(oneTwo, "run --threads 1 and --threads 2 differ")
        #expect(twoAgain, "two identical runs differ")
        #expect(oneFive, "run --threads 1 and --threads 5 differ")
        let otherSeed = try Self.output(["run", Self.baseline, "--paths", "1500", "--seed", "12", "--format", "json", "--threads", "2"])
        let seedMatters = otherSeed != one
        #expect(seedMatters, "the seed does not change the numbers")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(one.utf8)) as? [String: Any])
        #expect(json["seed"] as? Int == 11 && json["paths"] as? Int == 1500)
    }

    @Test func samePathsFileAcrossThreadCounts() throws {
        let directory = try BadInputDirectory()
        defer { directory.remove() }
        for threads in ["1", "2"] {
            let outcome = try AttainProcess.run(["run", Self.baseline, "--paths", "300", "--seed", "5", "--threads", threads,
                                                 "--sample-paths", directory.file("paths-\(threads).csv"), "--format", "json"])
            #expect(outcome.status == 0, "\(outcome.standardError.prefix(1000))")
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: directory.file("paths-1.csv")))
        let b = try Data(contentsOf: URL(fileURLWithPath: directory.file("paths-2.csv")))
        #expect(a.count > 1000)
        let same = a == b
        #expect(same, "--sample-paths differs between --threads 1 and 2")
        #expect(NonFinite.find(in: String(decoding: a, as: UTF8.self)) == nil)
    }

    @Test func compareAndGoalseekAreTheSameAcrossThreadCounts() throws {
        let compare = ["compare", Self.baseline, "scenarios/union-drive-2026.yaml", "--paths", "800", "--seed", "3", "--format", "json"]
        let compare1 = try Self.output(compare + ["--threads", "1"]), compare2 = try Self.output(compare + ["--threads", "2"])
        let compareSame = !compare1.isEmpty && compare1 == compare2
        #expect(compareSame, "compare differs between --threads 1 and 2")
        let goalseek = ["goalseek", "scenarios/union-drive-2026.yaml", "--target", "P2-1a", "--probability", "0.8",
                        "--lever", "founding-drive", "--paths", "400", "--seed", "3", "--format", "json"]
        let goalseek1 = try Self.output(goalseek + ["--threads", "1"]), goalseek2 = try Self.output(goalseek + ["--threads", "2"])
        let goalseekSame = !goalseek1.isEmpty && goalseek1 == goalseek2
        #expect(goalseekSame, "goalseek differs between --threads 1 and 2")
    }

    @Test func fitAndBacktestAreTheSameAcrossThreadCounts() throws {
        let fit = ["fit", "--data", "notebooks-data/enterprises.csv", "--indicator", "union_members", "--format", "json"]
        let fit1 = try Self.output(fit + ["--threads", "1"]), fit2 = try Self.output(fit + ["--threads", "2"])
        let fitSame = !fit1.isEmpty && fit1 == fit2
        #expect(fitSame, "fit differs between --threads 1 and 2")
        let backtest = ["backtest", "--data", "notebooks-data/enterprises.csv", "--indicator", "union_members", "--origin", "2022",
                        "--horizon", "2", "--quantiles", "0.1,0.5,0.9", "--format", "json"]
        let backtest1 = try Self.output(backtest + ["--threads", "1"]), backtest2 = try Self.output(backtest + ["--threads", "2"])
        let backtestSame = !backtest1.isEmpty && backtest1 == backtest2
        #expect(backtestSame, "backtest differs between --threads 1 and 2")
    }
}
