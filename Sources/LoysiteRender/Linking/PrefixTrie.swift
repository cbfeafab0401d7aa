#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A trie of byte patterns, matching ASCII case-insensitively, stored flat: each
/// state's children side by side, sorted by byte, in one array, with a full table for
/// the root, where every walk starts. (A dictionary of edges costs a hash lookup per
/// byte of text; arrays of per-state arrays miss the caches.)
struct PrefixTrie: Sendable {
    struct Edge: Sendable {
        var byte: UInt8
        var target: Int32
    }

    /// Children of state `s`: `edges[childStart[s]..<childStart[s + 1]]`.
    private(set) var childStart: [Int32] = []
    private(set) var edges: [Edge] = []
    /// The root's children by byte (0: none).
    private(set) var rootNext = [Int32](repeating: 0, count: 256)
    /// States with many children also have them in a table by byte, as the root has:
    /// `denseNext[denseStart[s] + byte]` (0: none), `denseStart[s]` −1 when it has none.
    /// Names share first words ("customer …", "adaptive …"), and scanning the hundreds of
    /// words that follow one was a third of auto-linking's time in profiles.
    private(set) var denseStart: [Int32] = []
    private(set) var denseNext: [Int32] = []
    /// Children from which a state gets a table: past a cache line of edges.
    static let denseThreshold = 8
    /// The patterns that end exactly at state `s`, in pattern order:
    /// `outputPatterns[outputStart[s]..<outputStart[s + 1]]` (flat, so that looking at a
    /// state's patterns reads two adjacent numbers, not a separate array per state).
    private(set) var outputStart: [Int32] = []
    private(set) var outputPatterns: [Int32] = []
    /// Each pattern's length in bytes.
    private(set) var lengths: [Int]

    private(set) var stateCount = 0

    /// The patterns that end exactly at `state`.
    func outputs(_ state: Int) -> ArraySlice<Int32> {
        outputPatterns[Int(outputStart[state])..<Int(outputStart[state + 1])]
    }

    init(patterns: [[UInt8]]) {
        lengths = patterns.map(\.count)
        // Insert the patterns in byte order: each pattern then shares its prefix with the
        // one before, and every new state is its parent's largest child so far, which
        // keeps children sorted without searching them. (Built serially at the start of
        // the Markdown step, so kept linear.)
        let folded = patterns.map { $0.map(PrefixTrie.fold) }
        let order = folded.indices.sorted { lhs, rhs in
            // Bytes compared with memcmp, then length (a prefix first), then number.
            let (a, b) = (folded[lhs], folded[rhs])
            let shared = Swift.min(a.count, b.count)
            let order = shared == 0 ? 0 : a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in memcmp(a.baseAddress!, b.baseAddress!, shared) } }
            if order != 0 { return order < 0 }
            if a.count != b.count { return a.count < b.count }
            return lhs < rhs
        }
        var parentByte: [UInt8] = [0]
        var firstChild: [Int32] = [-1]
        var lastChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        // Where each pattern ends, in insertion order; made into the flat output lists
        // below (a list per state was an array to make and free for every state).
        var endStates: [Int32] = []
        endStates.reserveCapacity(patterns.count)
        var endPatterns: [Int32] = []
        endPatterns.reserveCapacity(patterns.count)
        var path: [Int32] = [0]        // states along the previous pattern
        var previous: [UInt8] = []
        for index in order {
            let pattern = folded[index]
            guard !pattern.isEmpty else { continue }
            var shared = 0
            while shared < pattern.count, shared < previous.count, pattern[shared] == previous[shared] { shared += 1 }
            path.removeSubrange((shared + 1)...)
            var state = path[shared]
            for byte in pattern[shared...] {
                let next = Int32(parentByte.count)
                parentByte.append(byte)
                firstChild.append(-1)
                lastChild.append(-1)
                nextSibling.append(-1)
                if lastChild[Int(state)] >= 0 { nextSibling[Int(lastChild[Int(state)])] = next } else { firstChild[Int(state)] = next }
                lastChild[Int(state)] = next
                state = next
                path.append(state)
            }
            endStates.append(state)
            endPatterns.append(Int32(index))
            previous = pattern
        }
        childStart.reserveCapacity(parentByte.count + 1)
        edges.reserveCapacity(parentByte.count)
        for state in parentByte.indices {
            childStart.append(Int32(edges.count))
            var child = firstChild[state]
            while child >= 0 {
                edges.append(Edge(byte: parentByte[Int(child)], target: child))
                child = nextSibling[Int(child)]
            }
        }
        childStart.append(Int32(edges.count))
        for edge in edges[Int(childStart[0])..<Int(childStart[1])] { rootNext[Int(edge.byte)] = edge.target }
        denseStart = [Int32](repeating: -1, count: parentByte.count)
        for state in parentByte.indices.dropFirst() where Int(childStart[state + 1] - childStart[state]) >= PrefixTrie.denseThreshold {
            denseStart[state] = Int32(denseNext.count)
            denseNext += repeatElement(0, count: 256)
            for edge in edges[Int(childStart[state])..<Int(childStart[state + 1])] { denseNext[Int(denseStart[state]) + Int(edge.byte)] = edge.target }
        }
        stateCount = parentByte.count
        // Counted by state, then placed in insertion order, which is pattern order for the
        // patterns of one state (equal patterns are inserted one after another, by number).
        outputStart = [Int32](repeating: 0, count: stateCount + 1)
        for state in endStates { outputStart[Int(state) + 1] += 1 }
        for state in 0..<stateCount { outputStart[state + 1] += outputStart[state] }
        outputPatterns = [Int32](repeating: 0, count: endPatterns.count)
        var next = outputStart
        for (state, pattern) in zip(endStates, endPatterns) {
            outputPatterns[Int(next[Int(state)])] = pattern
            next[Int(state)] += 1
        }
    }

    // MARK: Changed in place

    /// Adds a pattern, numbered after the others (the number is returned), as if it had
    /// been among `init`'s: for a session's matcher when a few names change, where
    /// building the trie of every name again was most of the cost. New states go at
    /// the end; an edge goes into its parent's children in byte order, moving the
    /// later states' children one place on (a pass over the offsets, not over the text).
    mutating func insert(_ pattern: [UInt8]) -> Int {
        let number = lengths.count
        lengths.append(pattern.count)
        guard !pattern.isEmpty else { return number }
        var state = 0
        for byte in pattern.map(PrefixTrie.fold) {
            if let next = child(of: state, on: byte) {
                state = next
                continue
            }
            let next = Int32(stateCount)
            var position = Int(childStart[state + 1])
            for edge in Int(childStart[state])..<Int(childStart[state + 1]) where edges[edge].byte > byte {
                position = edge
                break
            }
            edges.insert(Edge(byte: byte, target: next), at: position)
            for later in (state + 1)...stateCount { childStart[later] += 1 }
            // The new state: no children, no patterns, no table.
            childStart.append(childStart[stateCount])
            outputStart.append(outputStart[stateCount])
            denseStart.append(-1)
            stateCount += 1
            if state == 0 {
                rootNext[Int(byte)] = next
            } else if denseStart[state] >= 0 {
                denseNext[Int(denseStart[state]) + Int(byte)] = next
            } else if Int(childStart[state + 1] - childStart[state]) >= PrefixTrie.denseThreshold {
                denseStart[state] = Int32(denseNext.count)
                denseNext += repeatElement(0, count: 256)
                for edge in edges[Int(childStart[state])..<Int(childStart[state + 1])] { denseNext[Int(denseStart[state]) + Int(edge.byte)] = edge.target }
            }
            state = Int(next)
        }
        // Last of the state's patterns: the highest number.
        outputPatterns.insert(Int32(number), at: Int(outputStart[state + 1]))
        for later in (state + 1)...stateCount { outputStart[later] += 1 }
        return number
    }

    /// Takes pattern `number` (whose bytes are `pattern`) out: it is found no more. Its
    /// states stay, leading to no pattern of their own (a walk may pass through them).
    mutating func remove(_ number: Int, _ pattern: [UInt8]) {
        var state = 0
        for byte in pattern.map(PrefixTrie.fold) {
            guard let next = child(of: state, on: byte) else { return }
            state = next
        }
        guard let place = outputPatterns[Int(outputStart[state])..<Int(outputStart[state + 1])].firstIndex(of: Int32(number)) else { return }
        outputPatterns.remove(at: place)
        for later in (state + 1)...stateCount { outputStart[later] -= 1 }
    }

    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The child of `state` on `byte` (already folded), if any.
    func child(of state: Int, on byte: UInt8) -> Int? {
        if state == 0 {
            let next = rootNext[Int(byte)]
            return next == 0 ? nil : Int(next)
        }
        for edge in edges[Int(childStart[state])..<Int(childStart[state + 1])] where edge.byte == byte {
            return Int(edge.target)
        }
        return nil
    }

    /// The trie's arrays in place, for many walks in a row (`forEachPrefix`): taking
    /// them out of their arrays once per text rather than once per word.
    struct View {
        let childStart: UnsafeBufferPointer<Int32>
        let edges: UnsafeBufferPointer<Edge>
        let outputStart: UnsafeBufferPointer<Int32>
        let outputPatterns: UnsafeBufferPointer<Int32>
        let rootNext: UnsafeBufferPointer<Int32>
        let denseStart: UnsafeBufferPointer<Int32>
        let denseNext: UnsafeBufferPointer<Int32>

        /// Calls `body(pattern, end)` for every pattern that the text continues with at
        /// `start`, shortest first (and in pattern order for equal ones).
        @inline(__always)
        func forEachPrefix(of text: UnsafeBufferPointer<UInt8>, from start: Int, _ body: (Int, Int) -> Void) {
            var state = Int(rootNext[Int(PrefixTrie.fold(text[start]))])
            var position = start + 1
            while state != 0 {
                let first = Int(outputStart[state]), last = Int(outputStart[state + 1])
                if first < last {
                    for output in first..<last { body(Int(outputPatterns[output]), position) }
                }
                guard position < text.count else { return }
                let byte = PrefixTrie.fold(text[position])
                var next = 0
                let table = Int(denseStart[state])
                if table >= 0 {
                    state = Int(denseNext[table + Int(byte)])
                    position += 1
                    continue
                }
                var edge = Int(childStart[state])
                let end = Int(childStart[state + 1])
                while edge < end {
                    let candidate = edges[edge].byte
                    if candidate == byte { next = Int(edges[edge].target); break }
                    if candidate > byte { break }
                    edge += 1
                }
                state = next
                position += 1
            }
        }
    }

    func withView<Result>(_ body: (View) -> Result) -> Result {
        childStart.withUnsafeBufferPointer { childStart in
        edges.withUnsafeBufferPointer { edges in
        outputStart.withUnsafeBufferPointer { outputStart in
        outputPatterns.withUnsafeBufferPointer { outputPatterns in
        rootNext.withUnsafeBufferPointer { rootNext in
        denseStart.withUnsafeBufferPointer { denseStart in
        denseNext.withUnsafeBufferPointer { denseNext in
            body(View(childStart: childStart, edges: edges, outputStart: outputStart, outputPatterns: outputPatterns, rootNext: rootNext, denseStart: denseStart, denseNext: denseNext))
        }
        }
        }
        }
        }
        }
        }
    }
}
