/// Finds every occurrence of many byte patterns in one pass over a text (Aho–Corasick),
/// so auto-linking costs the same with 10 terms or 10,000. Matching folds ASCII case.
///
/// The trie is stored flat: each state's children sit side by side in two arrays,
/// sorted by byte, and the root (where matching spends most of its time) has a full
/// table. A hash lookup per byte of text, as a dictionary of edges needs, made matching
/// the largest part of converting Markdown.
struct AhoCorasick: Sendable {
    struct Match: Equatable {
        /// Byte range in the text.
        var start: Int
        var end: Int
        var pattern: Int
    }

    /// Children of state `s`: `edgeBytes[childStart[s]..<childStart[s + 1]]`, sorted,
    /// leading to `edgeTargets[…]`.
    private var childStart: [Int32] = []
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    /// The root's transitions by byte (0: stay at the root).
    private var rootNext = [Int32](repeating: 0, count: 256)
    private var failure: [Int32] = [0]
    private var outputs: [[Int32]] = [[]]           // patterns ending exactly here
    private var dictionarySuffix: [Int32] = [-1]    // nearest state on the failure chain with outputs
    private var lengths: [Int] = []
    private var layout: (states: [StateRecord], edges: [Edge]) = ([], [])

    init(patterns: [[UInt8]]) {
        lengths = patterns.map(\.count)
        // Insert the patterns in byte order: each pattern then shares its prefix with the
        // one before, and every new state is its parent's largest child so far, which
        // keeps children sorted without searching them. (Building is serial work at the
        // start of the Markdown step, so it is kept linear.)
        let folded = patterns.map { $0.map(AhoCorasick.fold) }
        let order = folded.indices.sorted { folded[$0].lexicographicallyPrecedes(folded[$1]) || (folded[$0] == folded[$1] && $0 < $1) }
        var parentByte: [UInt8] = [0]
        var firstChild: [Int32] = [-1]
        var lastChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
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
                failure.append(0)
                outputs.append([])
                dictionarySuffix.append(-1)
                if lastChild[Int(state)] >= 0 { nextSibling[Int(lastChild[Int(state)])] = next } else { firstChild[Int(state)] = next }
                lastChild[Int(state)] = next
                state = next
                path.append(state)
            }
            outputs[Int(state)].append(Int32(index))
            previous = pattern
        }
        // Flat layout: each state's children side by side.
        childStart.reserveCapacity(parentByte.count + 1)
        edgeBytes.reserveCapacity(parentByte.count)
        edgeTargets.reserveCapacity(parentByte.count)
        for state in parentByte.indices {
            childStart.append(Int32(edgeBytes.count))
            var child = firstChild[state]
            while child >= 0 {
                edgeBytes.append(parentByte[Int(child)])
                edgeTargets.append(child)
                child = nextSibling[Int(child)]
            }
        }
        childStart.append(Int32(edgeBytes.count))
        for edge in Int(childStart[0])..<Int(childStart[1]) { rootNext[Int(edgeBytes[edge])] = edgeTargets[edge] }
        buildFailureLinks()
        layout = packed()
    }

    private mutating func buildFailureLinks() {
        var queue: [Int] = (Int(childStart[0])..<Int(childStart[1])).map { Int(edgeTargets[$0]) }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for edge in Int(childStart[state])..<Int(childStart[state + 1]) {
                let byte = edgeBytes[edge]
                let child = Int(edgeTargets[edge])
                var fallback = Int(failure[state])
                while fallback != 0, transition(from: fallback, on: byte) == nil {
                    fallback = Int(failure[fallback])
                }
                let target = transition(from: fallback, on: byte) ?? 0
                failure[child] = Int32(target == child ? 0 : target)
                let suffix = Int(failure[child])
                dictionarySuffix[child] = outputs[suffix].isEmpty ? dictionarySuffix[suffix] : Int32(suffix)
                queue.append(child)
            }
        }
    }

    /// The trie edge from `state` on `byte` (already folded), if any.
    private func transition(from state: Int, on byte: UInt8) -> Int? {
        if state == 0 {
            let next = rootNext[Int(byte)]
            return next == 0 ? nil : Int(next)
        }
        for edge in Int(childStart[state])..<Int(childStart[state + 1]) where edgeBytes[edge] == byte {
            return Int(edgeTargets[edge])
        }
        return nil
    }

    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Per state, what matching reads at every byte, side by side in memory: where its
    /// children start (they end where the next state's start), its failure link, and
    /// the state whose patterns end here (itself or the nearest on its failure chain;
    /// 0: none).
    private struct StateRecord {
        var childStart: Int32
        var failure: Int32
        var report: Int32
    }

    private struct Edge {
        var byte: UInt8
        var target: Int32
    }

    /// The flat, cache-friendly form `matches` walks, made from the arrays above.
    private func packed() -> (states: [StateRecord], edges: [Edge]) {
        var states: [StateRecord] = []
        states.reserveCapacity(childStart.count)
        for state in childStart.indices {
            let hasState = state < failure.count
            let report: Int32 = !hasState ? 0 : (outputs[state].isEmpty ? max(dictionarySuffix[state], 0) : Int32(state))
            states.append(StateRecord(childStart: childStart[state], failure: hasState ? failure[state] : 0, report: report))
        }
        let edges = zip(edgeBytes, edgeTargets).map { Edge(byte: $0, target: $1) }
        return (states, edges)
    }

    /// All matches, in order of their end position.
    func matches(in text: [UInt8]) -> [Match] {
        var result: [Match] = []
        layout.states.withUnsafeBufferPointer { states in
        layout.edges.withUnsafeBufferPointer { edges in
        rootNext.withUnsafeBufferPointer { rootNext in
            var state = 0
            for (position, raw) in text.enumerated() {
                let byte = AhoCorasick.fold(raw)
                while true {
                    if state == 0 {
                        state = Int(rootNext[Int(byte)])
                        break
                    }
                    var next = -1
                    var edge = Int(states[state].childStart)
                    let end = Int(states[state + 1].childStart)
                    while edge < end {
                        let candidate = edges[edge].byte
                        if candidate == byte { next = Int(edges[edge].target); break }
                        if candidate > byte { break }
                        edge += 1
                    }
                    if next >= 0 { state = next; break }
                    state = Int(states[state].failure)
                }
                var reporting = Int(states[state].report)
                while reporting > 0 {
                    for pattern in outputs[reporting] {
                        let length = lengths[Int(pattern)]
                        result.append(Match(start: position + 1 - length, end: position + 1, pattern: Int(pattern)))
                    }
                    reporting = Int(dictionarySuffix[reporting])
                }
            }
        }
        }
        }
        return result
    }
}
