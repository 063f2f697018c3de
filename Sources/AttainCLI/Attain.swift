import ArgumentParser
import Attain

@main
struct AttainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attain",
        abstract: "How likely a plan's numeric targets are to be met, and what it would take to meet them.",
        subcommands: [])
}
