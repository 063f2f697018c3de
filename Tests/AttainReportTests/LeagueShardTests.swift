import AttainData
import Foundation
import Testing
@testable import AttainSimulation
@testable import AttainTargets
import AttainReport
import AttainTestSupport

/// `--shard i/n` and `merge`: the units are shared out once each, a shard file keeps every number exactly, and merging
/// the shards rebuilds the one run's result.
@Suite struct LeagueShardTests {
    static let league = Result { try UnitLeague.load(path: RepositoryFiles.path("scenarios/baseline.yaml")) }

    /// A shard through its JSON text and back, as `merge` reads it.
    func roundTrip(_ shard: LeagueShard) throws -> LeagueShard {
        let text = try JSONValue(encoding: shard).rendered()
        return try JSONDecoder().decode(LeagueShard.self, from: Data(text.utf8))
    }

    @Test func everyUnitFallsInExactlyOneShardInRunOrder() {
        let units = (0..<23).map { "u\($0)" }
        for n in [1, 2, 3, 7, 23, 30] {
            let parts = (1...n).map { LeagueShard.units(of: units, shard: $0, count: n) }
            #expect(parts.flatMap { $0 }.sorted() == units.sorted(), "n = \(n)")
            #expect(parts.map(\.count).max()! - parts.map(\.count).min()! <= 1, "n = \(n)")
        }
        #expect(LeagueShard.units(of: units, shard: 2, count: 3) == ["u1", "u4", "u7", "u10", "u13", "u16", "u19", "u22"])
    }

    @Test func mergedShardsEqualTheOneRunInAnyOrder() throws {
        let league = try Self.league.get()
        let whole = try league.run(paths: 600, seed: 11, threads: 2)
        #expect(whole.units.count == 5)
        for n in [1, 2, 3, 5, 8] {
            let shards = try (1...n).map { try roundTrip(try league.runShard(shard: $0, of: n, paths: 600, seed: 11, threads: 1)) }
            let merged = try LeagueShard.merge(shards.reversed().enumerated().map { ("s\($0.offset)", $0.element) })
            #expect(merged == whole, "n = \(n)")
            #expect(try JSONValue(encoding: merged).rendered() == JSONValue(encoding: whole).rendered(), "n = \(n)")
        }
    }

    @Test func numbersSurviveTheShardFileBitForBit() throws {
        var rng = SystemRandomNumberGenerator()
        let specials: [Double] = [.nan, .infinity, -.infinity, -0.0, 0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e-300, 0.1, 1 / 3]
        let values = specials + (0..<2_000).map { _ in Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF) * (Bool.random() ? 1 : -1) }
        let rows = values.map { v in
            LeagueResult.Row(rank: 0, unit: "u", probability: v, mcse: v, status: .likely, settled: nil, lower90: v, lower50: -v,
                             median: v, upper50: v, upper90: v, shortfall: v, shortfallShare: nil)
        }
        let league = try Self.league.get()
        var shard = try league.runShard(units: ["KCN Hòa Phú"], shard: 1, of: 1, paths: 50, seed: 1, threads: 1)
        shard.outcomes[0].entries = rows.map { .init(target: 0, row: $0, isShare: true, additive: false, skipped: nil) }
        let back = try roundTrip(shard)
        for (a, b) in zip(rows, back.outcomes[0].entries.map { $0.row! }) {
            for (x, y) in [(a.probability, b.probability), (a.lower50, b.lower50), (a.shortfall, b.shortfall)] {
                #expect(x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN), "\(x) read back as \(y)")
            }
        }
    }

    @Test func missingRepeatedAndForeignShardsAreRefusedNamingTheFiles() throws {
        let league = try Self.league.get()
        let one = try league.runShard(shard: 1, of: 3, paths: 200, seed: 3, threads: 1)
        let two = try league.runShard(shard: 2, of: 3, paths: 200, seed: 3, threads: 1)
        let three = try league.runShard(shard: 3, of: 3, paths: 200, seed: 3, threads: 1)
        func message(_ shards: [(String, LeagueShard)]) -> String {
            do { _ = try LeagueShard.merge(shards); return "" } catch { return "\(error)" }
        }
        #expect(message([("a.json", one), ("c.json", three)]).contains("missing shard 2/3"))
        let twice = message([("a.json", one), ("b.json", two), ("b2.json", two), ("c.json", three)])
        #expect(twice.contains("given twice") && twice.contains("b.json") && twice.contains("b2.json"))
        let otherSeed = try league.runShard(shard: 2, of: 3, paths: 200, seed: 4, threads: 1)
        let foreign = message([("a.json", one), ("b.json", otherSeed), ("c.json", three)])
        #expect(foreign.contains("a.json") && foreign.contains("b.json") && foreign.contains("seeds"))
        let otherSplit = try league.runShard(shard: 2, of: 2, paths: 200, seed: 3, threads: 1)
        #expect(message([("a.json", one), ("b.json", otherSplit), ("c.json", three)]).contains("2/2"))
        var tampered = two
        tampered.outcomes.removeLast()
        #expect(message([("a.json", one), ("b.json", tampered), ("c.json", three)]).contains("b.json: its units are not"))
        #expect(message([]).contains("no shard"))
        var repeated = one
        repeated.run.units.append(repeated.run.units[0])
        #expect(message([("a.json", repeated)]).contains("a.json: its unit list names a unit twice"))
    }

    @Test func aSharedCompileCacheChangesNoUnitsNumbers() throws {
        let league = try Self.league.get()
        let cache = CompileCache()
        for unit in league.dataUnits {
            let cached = league.outcome(of: unit, paths: 300, seed: 21, threads: 1, cache: cache)
            let fresh = league.outcome(of: unit, paths: 300, seed: 21, threads: 2)
            #expect(cached == fresh, "\(unit)")
            #expect(cached.entries.contains { $0.row != nil }, "\(unit)")
        }
    }
}
