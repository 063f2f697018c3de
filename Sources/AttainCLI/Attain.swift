import ArgumentParser
import Attain

@main
struct AttainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attain",
        abstract: "How likely a plan's numeric targets are to be met, and what it would take to meet them.",
        discussion: """
            Typical session:
              attain validate data/members.csv
              attain run scenarios/baseline.yaml --paths 10000 --seed 42
              attain brief scenarios/baseline.yaml --lang vi --output briefing.html

            Exit codes: 0 success, 1 a problem in your input (the message says what, where and how to fix it), \
            2 a usage error.

            Shell completion (bash, zsh or fish):
              attain --generate-completion-script bash > /etc/bash_completion.d/attain
            """,
        version: AttainVersion.current,
        // In the order of the work: check the data, fit and backtest trends, simulate, then brief.
        subcommands: [ValidateCommand.self, FitCommand.self, BacktestCommand.self, RunCommand.self, CompareCommand.self,
                      GoalseekCommand.self, BriefCommand.self, RegroupCommand.self, MergeCommand.self, ImportCommand.self])

    /// Runs with Attain's exit codes (usage errors exit 2, not ArgumentParser's 64).
    static func main() {
        mainWithAttainExitCodes()
    }
}
