import Foundation
import Testing

/// Every case of ``BadInputCorpus`` through the built `attain` binary: the documented exit code, a message that names
/// the file, line or key, no crash (a signal or an exit code other than 0, 1, 2), and nothing left behind.
@Suite("Bad input never crashes attain")
struct BadInputCorpusTests {
    @Test func theCorpusIsLargeAndNamesAreUnique() {
        let all = BadInputCorpus.all
        #expect(all.count >= 60)
        #expect(Set(all.map(\.name)).count == all.count)
        #expect(BadInputCorpus.csv.count >= 20 && BadInputCorpus.yaml.count >= 20 && BadInputCorpus.flags.count >= 20)
    }

    @Test func theNonFiniteFinderSeesNumbersNotWords() {
        #expect(NonFinite.find(in: "{\"a\": NaN}") == "nan")
        #expect(NonFinite.find(in: "[1, -Infinity]") == "infinity")
        #expect(NonFinite.find(in: "p,2030\n1,inf\n") == "inf")
        #expect(NonFinite.find(in: "{\"w\": \"runs off to infinity, \\\"nan\\\" inf\", \"information\": 1e-300}") == nil)
        #expect(NonFinite.find(in: "unit,nan_count\n") == nil)
    }

    @Test(arguments: BadInputCorpus.all)
    func badInput(_ badCase: BadInputCase) throws {
        let directory = try BadInputDirectory()
        defer { directory.remove() }
        try directory.write(badCase.files)
        let before = try directory.listing()
        let arguments = badCase.arguments.map { BadInputDirectory.substitute($0, directory: directory.path) }
        let outcome = try AttainProcess.run(arguments)

        // A crash shows as a signal (exit status above 128 through the shell, or the raw signal number here) or code 70.
        #expect([0, 1, 2].contains(outcome.status), "crashed or internal fault: \(outcome.status)\n\(outcome.standardError.prefix(2000))")
        #expect(outcome.status == badCase.status,
                "exit \(outcome.status), expected \(badCase.status)\nstderr: \(outcome.standardError.prefix(2000))\nstdout: \(outcome.standardOutput.prefix(2000))")
        let message = badCase.stream == .standardError ? outcome.standardError : outcome.standardOutput
        for piece in badCase.messages {
            #expect(message.contains(piece), "message lacks \"\(piece)\":\n\(message.prefix(3000))")
        }
        for piece in badCase.output {
            #expect(outcome.standardOutput.contains(piece), "output lacks \"\(piece)\":\n\(outcome.standardOutput.prefix(3000))")
        }
        if badCase.status == 2 {
            #expect(outcome.standardOutput.isEmpty, "a usage error printed a result")
        }
        if badCase.status != 0 && badCase.stream == .standardError {
            #expect(outcome.standardError.contains("error: ") || outcome.standardError.contains("Error: "),
                    "the message does not say error:\n\(outcome.standardError.prefix(500))")
        }
        // A failed run creates no file (no partial output, no temporary file).
        if outcome.status != 0 {
            #expect(try directory.listing() == before, "a failed run left files behind")
        }
    }
}
