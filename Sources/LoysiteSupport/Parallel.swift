import Dispatch

/// Work spread over every core, results kept in input order so output stays
/// deterministic whatever the scheduling.
public enum Parallel {
    public static func map<Input: Sendable, Output: Sendable>(_ items: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultSlots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.store(transform(items[index]), at: index)
        }
        return results.collect()
    }
}

extension Parallel {
    /// Runs `first` and `second` at the same time (either may use `map` itself), for
    /// steps of a build that do not depend on each other.
    public static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let a = ResultSlots<A>(count: 1), b = ResultSlots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a.store(first(), at: 0) } else { b.store(second(), at: 0) }
        }
        return (a.collect()[0], b.collect()[0])
    }
}

/// One slot per index, each written by exactly one iteration of `concurrentPerform`,
/// which is why unsynchronised writes are safe here.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) { slots[index] = value }

    func collect() -> [Value] { slots.map { $0! } }
}
