import Dispatch

/// Work spread over every core, results kept in input order so output stays
/// deterministic whatever the scheduling.
package enum Parallel {
    package static func map<Input: Sendable, Output: Sendable>(_ items: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultSlots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.store(transform(items[index]), at: index)
        }
        return results.collect()
    }

    /// Runs `body` on every item, spread over every core, in no particular order.
    package static func forEach<Input: Sendable>(_ items: [Input], _ body: @Sendable (Input) -> Void) {
        if items.count < 2 { return items.forEach(body) }
        DispatchQueue.concurrentPerform(iterations: items.count) { body(items[$0]) }
    }

    /// `map`, with `side` run as one more job of the same loop (the first one, so it is
    /// not left to run alone at the end): for work that does not depend on the items, such
    /// as reading the theme while the pages load. (A loop nested in a job of another
    /// runs on that job's thread only.)
    package static func map<Input: Sendable, Output: Sendable, Side: Sendable>(
        _ items: [Input], alongside side: @Sendable () -> Side, _ transform: @Sendable (Input) -> Output
    ) -> (results: [Output], side: Side) {
        let results = ResultSlots<Output>(count: items.count)
        let sideResult = ResultSlots<Side>(count: 1)
        DispatchQueue.concurrentPerform(iterations: items.count + 1) { job in
            if job == 0 { sideResult.store(side(), at: 0) } else { results.store(transform(items[job - 1]), at: job - 1) }
        }
        return (results.collect(), sideResult.collect()[0])
    }

    /// `items` sorted by a strict total order (no two distinct items equal, so the result
    /// is the one any sort gives): the halves sorted on two cores, then merged. Large
    /// sorts only; a short list is sorted in place.
    package static func sorted<Element: Sendable>(_ items: [Element], by areInIncreasingOrder: @Sendable (Element, Element) -> Bool) -> [Element] {
        guard items.count >= 4096 else { return items.sorted(by: areInIncreasingOrder) }
        let middle = items.count / 2
        let halves = map([0, 1]) { half in (half == 0 ? items[..<middle] : items[middle...]).sorted(by: areInIncreasingOrder) }
        var merged: [Element] = []
        merged.reserveCapacity(items.count)
        var left = 0, right = 0
        let first = halves[0], second = halves[1]
        while left < first.count, right < second.count {
            if areInIncreasingOrder(second[right], first[left]) {
                merged.append(second[right])
                right += 1
            } else {
                merged.append(first[left])
                left += 1
            }
        }
        merged += first[left...]
        merged += second[right...]
        return merged
    }
}

/// One slot per index, each written by exactly one iteration of `concurrentPerform`,
/// which is why unsynchronised writes are safe here.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>
    private var collected = false

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        if !collected { slots.deinitialize() }
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) { slots[index] = value }

    /// The values, moved out of their slots: copying them would retain every reference
    /// they hold and free the slots' copies after (for 50,000 pages made on other cores,
    /// mostly cache misses, on one core, between two parallel steps).
    func collect() -> [Value] {
        collected = true
        return (0..<slots.count).map { slots.moveElement(from: $0)! }
    }
}
