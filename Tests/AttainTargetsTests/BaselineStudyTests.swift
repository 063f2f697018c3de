import Foundation
import Synchronization
import Testing
@testable import AttainSimulation
@testable import AttainTargets
import AttainTestSupport

/// The shipped baseline on the example data: every target evaluated, reproducibly, whatever the thread count.
@Suite struct BaselineStudyTests {
    static let study = Result { try PlanStudy.load(path: RepositoryFiles.path("scenarios/baseline.yaml")) }

    func json(_ r: RunResult) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(r)
    }

    @Test func everyTargetIsEvaluated() throws {
        let study = try Self.study.get()
        let r = study.run(paths: 2_000, seed: 1, threads: 2)
        #expect(r.targets.count == 18)
        #expect(r.cutoff.description == "2026-06-30")
        for t in r.targets {
            #expect((0...1).contains(t.probability), "\(t.id)")
            #expect(abs(t.mcse - (t.probability * (1 - t.probability) / 2000).squareRoot()) < 1e-12)
            #expect(!t.years.isEmpty)
        }
        // P1-2: 3 + 2 + 1 youth groups founded in 2023–2025 already exceed 4: met in the data.
        let p12 = try #require(r.targets.first { $0.id == "P1-2" })
        #expect(p12.probability == 1 && p12.settled == "met" && p12.status == .met)
        // Every-year targets report each year and the joint probability.
        let p18 = try #require(r.targets.first { $0.id == "P1-8" })
        #expect(p18.years.map(\.period) == ["2023", "2024", "2025", "2026"])
        #expect(p18.jointProbability == p18.probability)
        #expect(p18.probability <= p18.years.map(\.probability).min()!)
        // Range targets carry the stretch probability, never above the minimum's.
        let p27 = try #require(r.targets.first { $0.id == "P2-7" })
        #expect(try #require(p27.stretchProbability) <= p27.probability)
    }

    @Test("Progress is reported after every chunk, only grows, and ends at the number of paths")
    func progressReachesThePaths() throws {
        let study = try Self.study.get()
        let seen = Mutex<[Int]>([])
        _ = study.run(paths: 4_500, seed: 1, threads: 2, progress: { done in seen.withLock { $0.append(done) } })
        let counts = seen.withLock { $0 }
        #expect(counts.count == 5)                                   // chunks of 1,000 paths
        #expect(counts.sorted() == [1_000, 2_000, 3_000, 4_000, 4_500])
    }

    @Test func sameSeedSameBytesWhateverTheThreads() throws {
        let study = try Self.study.get()
        let a = try json(study.run(paths: 3_000, seed: 99, threads: 1))
        let b = try json(study.run(paths: 3_000, seed: 99, threads: 2))
        let c = try json(study.run(paths: 3_000, seed: 99, threads: 2))
        #expect(a == b)
        #expect(b == c)
        let d = try json(study.run(paths: 3_000, seed: 100, threads: 2))
        #expect(a != d)
    }

    @Test func samplePathsAreWrittenInOrder() throws {
        let study = try Self.study.get()
        let dir = try RepositoryFiles.temporaryDirectory([:])
        for threads in [1, 2] {
            let writer = try SamplePathWriter(path: dir + "/paths\(threads).csv")
            _ = study.run(paths: 2_500, seed: 5, threads: threads, samplePaths: writer)
        }
        let one = try String(contentsOfFile: dir + "/paths1.csv", encoding: .utf8)
        let two = try String(contentsOfFile: dir + "/paths2.csv", encoding: .utf8)
        #expect(one == two)
        let lines = one.split(separator: "\n")
        #expect(lines.first?.hasPrefix("path,scenario,indicator,") == true)
        #expect(lines.count == 1 + 2_500 * 9)
        #expect(lines.last?.hasPrefix("2499,baseline,") == true)
    }
}
