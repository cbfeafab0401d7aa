import Testing
@testable import LoysiteSupport

@Suite struct ParallelTests {
    @Test func mapKeepsInputOrder() {
        let items = Array(0..<10_000)
        #expect(Parallel.map(items) { $0 * 3 } == items.map { $0 * 3 })
        #expect(Parallel.map([7]) { $0 + 1 } == [8])
        #expect(Parallel.map([Int]()) { $0 }.isEmpty)
    }

    /// Results hold references (strings, arrays); they are moved out of their slots, so
    /// each must arrive whole and exactly once.
    @Test func mapMovesResultsHoldingReferences() {
        let items = Array(0..<5_000)
        let results = Parallel.map(items) { number in (String(repeating: "x", count: number % 40) + "\(number)", [number, number]) }
        for (number, result) in results.enumerated() {
            #expect(result.0 == String(repeating: "x", count: number % 40) + "\(number)")
            #expect(result.1 == [number, number])
        }
    }

    @Test func sideJobRunsOnceBesideTheItems() {
        let (results, side) = Parallel.map(Array(0..<3_000), alongside: { "theme and datasets" }) { "page \($0)" }
        #expect(results == (0..<3_000).map { "page \($0)" })
        #expect(side == "theme and datasets")
        let (none, alone) = Parallel.map([Int](), alongside: { 42 }) { $0 }
        #expect(none.isEmpty && alone == 42)
    }

    @Test func sortedMatchesTheStandardSort() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 4_095, 4_096, 4_097, 20_000] {
            // A strict total order: distinct keys (value, then position).
            let items = (0..<count).map { (Int.random(in: 0..<500, using: &generator), $0) }
            let order: @Sendable ((Int, Int), (Int, Int)) -> Bool = { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            #expect(Parallel.sorted(items, by: order).map(\.1) == items.sorted(by: order).map(\.1), "\(count) items")
        }
    }
}
