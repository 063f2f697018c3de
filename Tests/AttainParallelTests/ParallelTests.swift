import Testing
import AttainParallel

@Suite("Parallel map") struct ParallelTests {
    @Test("Results come back in index order, the same for any number of threads")
    func orderAndThreadIndependence() {
        let expected = (0..<1_001).map { $0 * $0 - 7 }
        for threads in [1, 2, 3, 8, 5_000] {
            #expect(Parallel.map(1_001, threads: threads) { $0 * $0 - 7 } == expected)
        }
        #expect(Parallel.map(0, threads: 4) { $0 }.isEmpty)
    }

    @Test("Every index is visited exactly once")
    func eachIndexOnce() {
        let visits = Parallel.map(10_000, threads: 4) { i in [i] }.flatMap { $0 }
        #expect(visits == Array(0..<10_000))
    }
}
