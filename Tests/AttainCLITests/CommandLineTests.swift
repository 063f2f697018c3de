import Foundation
import Testing

@Suite("attain as a user runs it", .serialized)
struct CommandLineTests {
    @Test func rootHelpMatchesTheSnapshot() throws {
        let outcome = try AttainProcess.run(["--help"])
        #expect(outcome.status == 0)
        let (same, expected) = try Snapshot.matches(outcome.standardOutput, named: "attain-help.txt")
        #expect(same, "attain --help changed; if intended, rerun with ATTAIN_UPDATE_SNAPSHOTS=1.\n--- expected\n\(expected)\n--- got\n\(outcome.standardOutput)")
    }

    @Test func briefHelpMatchesTheSnapshot() throws {
        let outcome = try AttainProcess.run(["brief", "--help"])
        #expect(outcome.status == 0)
        let (same, expected) = try Snapshot.matches(outcome.standardOutput, named: "attain-brief-help.txt")
        #expect(same, "attain brief --help changed; if intended, rerun with ATTAIN_UPDATE_SNAPSHOTS=1.\n--- expected\n\(expected)\n--- got\n\(outcome.standardOutput)")
    }

    /// The help's prose is wrapped by the argument parser alone: at 80 columns no line of a paragraph ends before the
    /// width would have forced it (a line break written into the source would end a line early, mid-sentence). The
    /// parser keeps lines below the width: a line ends early if its next word would still fit within 79 columns.
    @Test(arguments: ["", "validate", "fit", "backtest", "run", "compare", "goalseek", "brief", "regroup", "merge"])
    func helpParagraphsBreakOnlyWhereTheWidthForcesThem(command: String) throws {
        let outcome = try AttainProcess.run((command.isEmpty ? [] : [command]) + ["--help"], environment: ["COLUMNS": "80"])
        #expect(outcome.status == 0)
        let text = outcome.standardOutput
        let prose = text.components(separatedBy: "\nUSAGE:")[0].split(separator: "\n", omittingEmptySubsequences: false)
        for (line, next) in zip(prose, prose.dropFirst()) where !line.isEmpty && !next.isEmpty {
            // Indented lines are examples and lists, laid out by hand; a line ending in ':' introduces them.
            guard !line.hasPrefix(" "), !next.hasPrefix(" "), !line.hasSuffix(":"), !line.hasSuffix("\\") else { continue }
            let word = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(line.count + 1 + word.count > 79, "attain \(command) --help breaks early:\n\(line)\n\(next)")
        }
        for line in text.split(separator: "\n") where !line.hasPrefix("USAGE:") {
            #expect(line.count <= 80, "attain \(command) --help: a line wider than 80 columns: \(line)")
        }
    }

    @Test(arguments: [
        ["--no-such-flag"],
        ["brief"],
        ["brief", "scenarios/baseline.yaml", "--format", "csv"],
        ["brief", "scenarios/baseline.yaml", "--lang", "fr"],
        ["brief", "scenarios/baseline.yaml", "--paths", "0"],
        ["brief", "scenarios/baseline.yaml", "--threads", "0"],
        ["no-such-command"],
    ])
    func usageErrorsExitWithCode2(arguments: [String]) throws {
        let outcome = try AttainProcess.run(arguments)
        #expect(outcome.status == 2, "\(arguments): \(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("Usage:") || outcome.standardError.contains("Error:"))
    }

    @Test func aMissingScenarioIsAnInputProblemWithExitCode1() throws {
        let outcome = try AttainProcess.run(["brief", "does-not-exist.yaml", "--paths", "10"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.hasPrefix("error: "))
        #expect(outcome.standardError.contains("does-not-exist.yaml"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("run prints its table as CSV (one row per target, header first) or Markdown (caption, then the table)")
    func runTableAsCSVAndMarkdown() throws {
        let base = ["run", "scenarios/baseline.yaml", "--paths", "300", "--seed", "3"]
        let csv = try AttainProcess.run(base + ["--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines.first == "target,rule,median,probability,±mcse,status,per year")
        #expect(lines.count == 19 && lines[1].hasPrefix("P1-1a,"))
        let md = try AttainProcess.run(base + ["--format", "md"])
        #expect(md.status == 0)
        #expect(md.standardOutput.hasPrefix("**Scenario baseline: 300 paths, seed 3"))
        #expect(md.standardOutput.contains("| target | rule |") && md.standardOutput.contains("| P2-7 |"))
    }

    @Test("backtest prints its forecasts as a table too: one row per unit and period, quantiles beside the actual value")
    func backtestTable() throws {
        let outcome = try AttainProcess.run(["backtest", "--data", "notebooks-data/units.csv", "--indicator", "enterprises_with_union",
                                             "--origin", "2023", "--horizon", "2", "--quantiles", "0.1,0.5,0.9", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.first == "unit,period,horizon,q0.1,q0.5,q0.9,actual")
        #expect(lines.count == 1 + 4 * 2)  // four units, two years each
        let cells = try #require(lines.dropFirst().first).split(separator: ",", omittingEmptySubsequences: false)
        let q = cells[3...5].compactMap { Double($0) }
        #expect(q.count == 3 && q[0] <= q[1] && q[1] <= q[2] && Double(cells[6]) != nil)
    }

    /// Three years of four zones give a pooled calibration nothing to learn from; the zones' windows together still set
    /// the prior odds of the default models, and the calibration JSON says so.
    @Test("backtest on short windows reports the default models' odds learned from the units")
    func backtestReportsTheModelPrior() throws {
        let outcome = try AttainProcess.run(["backtest", "--data", "notebooks-data/units.csv", "--indicator", "enterprises_with_union",
                                             "--origin", "2021", "--window", "3", "--horizon", "1", "--quantiles", "0.5"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let calibration = try #require(json?["calibration"] as? [String: Any])
        #expect((calibration["source"] as? [String: Any])?["kind"] as? String == "defaults")
        let prior = try #require(calibration["modelPrior"] as? [String: Any], "no modelPrior in \(calibration)")
        #expect(prior["units"] as? Int == 4)
        let weights = try #require(prior["weights"] as? [Double])
        #expect(weights.count == 2 && abs(weights.reduce(0, +) - 1) < 1e-9 && weights.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test func bashCompletionIsGenerated() throws {
        let outcome = try AttainProcess.run(["--generate-completion-script", "bash"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("complete -"))
        #expect(outcome.standardOutput.contains("brief"))
    }

    @Test func theBriefingIsWrittenAtomicallyAndIsSelfContained() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("attain-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("briefing.html").path
        let outcome = try AttainProcess.run(["brief", "scenarios/baseline.yaml", "--lang", "vi", "--paths", "400",
                                             "--seed", "7", "--output", file])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("wrote \(file)"))
        let html = try String(contentsOfFile: file, encoding: .utf8)
        for id in ["P1-1a", "P1-1b", "P1-5", "P1-7", "P2-1a", "P2-7"] { #expect(html.contains(id)) }
        #expect(html.contains("Số liệu minh họa"))  // notebooks-data is marked illustrative
        #expect(html.contains("Số liệu tính đến ngày 30 tháng 6 năm 2026"))
        // The method table names every model in Vietnamese, numbers with a decimal comma.
        #expect(html.contains("xu hướng cục bộ (thang logit, hiệu chỉnh trên") && html.contains("Poisson, tần suất ổn định"))
        #expect(html.contains("tồn lượng – dòng chảy (doanh nghiệp mới gia nhập, cường độ thu hút 0,"))
        for english in ["local trend (", "stock-flow (", "steady rate", "a year", "years of data"] { #expect(!html.contains(english), "\(english)") }
        // What a reader should know of a fit: three years behind the members-educated trend.
        #expect(html.contains("Lưu ý khi đọc kết quả") && html.contains("chỉ có 3 năm số liệu: xu hướng rất không chắc chắn"))
        // ... and the targets resting on it say so in the summary (‡) and in their sections; the others are not marked.
        #expect(html.contains("<td class=\"id\">P2-6 ‡</td>") && html.contains("Đọc thận trọng: chỉ có 3 năm số liệu"))
        #expect(html.contains("<td class=\"id\">P1-5</td>"))
        for reference in ["http://", "https://", "<script", " src="] { #expect(!html.contains(reference)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["briefing.html"])
    }

    @Test func anUnwritableOutputIsAnInputProblemAndLeavesNothing() throws {
        let outcome = try AttainProcess.run(["brief", "scenarios/baseline.yaml", "--paths", "50",
                                             "--output", "/nonexistent-attain-dir/briefing.html"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("create the directory first"))
    }
}
