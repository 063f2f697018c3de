import ArgumentParser
import Attain
import Foundation

/// `attain merge SHARD…`: joins the shard files of a `run --by unit --shard i/n` into the league one run would print.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shard files of `attain run --by unit --shard i/n` into the output of one run, byte for byte.",
        discussion: """
            Give every shard of one run (1/n … n/n, in any order). Ranks and each unit's share of the summed shortfall \
            are recomputed over all units, and the result is printed exactly as `attain run --by unit` prints it in \
            the same format. Refused (exit 1, naming the files): a missing or repeated shard, shards of different runs \
            (scenario, data, seed, paths or shard count), a file that is not a shard. --out is written whole or not at all.

            Example (three shards, e.g. array jobs on a cluster, then one merge):
              attain run scenarios/baseline.yaml --by unit --shard 1/3 --out shard-1.json
              attain run scenarios/baseline.yaml --by unit --shard 2/3 --out shard-2.json
              attain run scenarios/baseline.yaml --by unit --shard 3/3 --out shard-3.json
              attain merge shard-*.json --format csv --out league.csv
            """)

    @Argument(help: ArgumentHelp("The shard files (JSON) written by `attain run --by unit --shard i/n`.", valueName: "shard.json"))
    var shards: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output format: table (default), json, csv or md.", valueName: "format"))
    var format: OutputFormat?

    @Option(name: [.customShort("o"), .customLong("out"), .customLong("output")], help: ArgumentHelp(
        "Write the result to this file (whole or not at all) instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Also write a ranked dot chart (SVG) of the units for each target into this directory.",
                                            valueName: "dir"))
    var chart: String?

    @Flag(name: .long, help: "No messages on standard error.")
    var quiet = false

    static let formats: [OutputFormat] = [.table, .json, .csv, .md]

    func validate() throws {
        guard !shards.isEmpty else { throw ValidationError("name the shard files to merge, e.g. attain merge shard-1.json shard-2.json shard-3.json") }
        if let format, !Self.formats.contains(format) {
            throw ValidationError("--format \(format.rawValue) is not available for merge; use one of: table, json, csv, md.")
        }
        if let out, out.isEmpty { throw ValidationError("--out needs a file name, e.g. --out league.csv.") }
        if format == nil, let out, let implied = OutputFormat(pathExtensionOf: out), !Self.formats.contains(implied) {
            throw ValidationError("--out \(out) asks for \(implied.rawValue) by its extension, which merge cannot write; "
                                  + "name the file for one of table, json, csv, md, or add --format.")
        }
    }

    func run() throws {
        try reportingErrors {
            if let out { try AtomicFileWriter.checkWritable(out) }
            var read: [(file: String, shard: LeagueShard)] = []
            for file in shards { read.append((file, try Self.readShard(file))) }
            let result = try LeagueShard.merge(read)
            let format = format ?? out.flatMap { OutputFormat(pathExtensionOf: $0) } ?? .table
            try RunCommand.emitLeague(result, format: format, chart: chart, quiet: quiet) { text in
                guard let out else { return Console.out(text) }
                try AtomicFileWriter.write(text, to: out)
                if !quiet { Console.error("wrote \(out) (\(read.count) shards, \(result.units.count) units)") }
            }
        }
    }

    /// One shard file read and decoded; errors name the file and say what is wrong.
    static func readShard(_ file: String) throws -> LeagueShard {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw LeagueShardError("\(file): cannot be read (\((error as NSError).localizedDescription)); check the path")
        }
        struct Marker: Decodable { var format: String? }
        guard let marker = try? JSONDecoder().decode(Marker.self, from: data), marker.format == LeagueShard.formatName else {
            throw LeagueShardError("\(file): not a shard file of `attain run --by unit --shard i/n` (expected JSON with "
                                   + "\"format\": \"\(LeagueShard.formatName)\"); give the files the shards wrote")
        }
        do {
            return try JSONDecoder().decode(LeagueShard.self, from: data)
        } catch let error as DecodingError {
            throw LeagueShardError("\(file): a damaged shard file (\(Self.describe(error))); rerun that shard")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let c): return "`\(path(c))\(c.codingPath.isEmpty ? "" : ".")\(key.stringValue)` is missing"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): return "at `\(path(c))`: \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
