import ArgumentParser
import Attain
import Testing
@testable import AttainCLI

@Suite("Shared CLI support")
struct SupportTests {
    @Test func formatComesFromTheFlagThenTheOutputExtensionThenTheDefault() throws {
        #expect(try OutputOptions.parse(["--format", "md", "-o", "x.html"]).resolvedFormat(default: .table) == .md)
        #expect(try OutputOptions.parse(["--output", "report.html"]).resolvedFormat(default: .table) == .html)
        #expect(try OutputOptions.parse(["--output", "result.json"]).resolvedFormat(default: .table) == .json)
        #expect(try OutputOptions.parse(["--output", "noextension"]).resolvedFormat(default: .csv) == .csv)
        #expect(try OutputOptions.parse([]).resolvedFormat(default: .table) == .table)
    }

    @Test func unsupportedFormatsAreUsageErrors() throws {
        let options = try OutputOptions.parse(["--format", "csv"])
        #expect(throws: ValidationError.self) { try options.check(supported: [.html, .md]) }
        #expect(throws: Never.self) { try options.check(supported: [.table, .csv]) }
    }

    @Test func simulationOptionsHaveReproducibleDefaultsAndRejectNonsense() throws {
        let defaults = try SimulationOptions.parse([])
        #expect(defaults.paths == 10_000 && defaults.seed == 42)
        #expect(defaults.resolvedThreads >= 1)
        #expect(try SimulationOptions.parse(["--threads", "3"]).resolvedThreads == 3)
        #expect(throws: (any Error).self) { try SimulationOptions.parse(["--paths", "-5"]) }
        #expect(throws: (any Error).self) { try SimulationOptions.parse(["--seed", "-1"]) }
    }

    @Test func errorsBecomeIndentedAdvice() {
        struct Problem: Error, CustomStringConvertible {
            var description: String { "data.csv, line 4: 'abc' is not a number\nwrite it as 0.9 or \"90,5\"" }
        }
        #expect(errorMessage(for: Problem()) == "error: data.csv, line 4: 'abc' is not a number\n       write it as 0.9 or \"90,5\"")
        #expect((translate(Problem()) as? ExitCode) == ExitCode(1))
        #expect((translate(ValidationError("x")) as? ValidationError) != nil)
        #expect((translate(InternalFault(description: "bug")) as? ExitCode) == ExitCode(70))
    }

    @Test func progressBarText() {
        let bar = ProgressBar(label: "simulating", total: 200, enabled: false)
        let text = bar.render(completed: 50, elapsed: .seconds(3))
        #expect(text == "simulating [███████░░░░░░░░░░░░░░░░░░░░░░░]  25%  eta 9s")
        #expect(bar.render(completed: 200, elapsed: .seconds(12)).hasSuffix("] 100%"))
        #expect(ProgressBar.duration(75) == "1m15s")
        // Disabled bars never draw: no terminal, nothing written.
        bar.update(completed: 100)
        bar.finish()
    }
}
