/// Finds every occurrence of many byte patterns in one pass over a text (Aho–Corasick):
/// a `PrefixTrie` of the patterns plus, for each state, where to continue when the next
/// byte has no edge (its failure link). Matching folds ASCII case.
struct AhoCorasick: Sendable {
    struct Match: Equatable {
        /// Byte range in the text.
        var start: Int
        var end: Int
        var pattern: Int
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

    private let trie: PrefixTrie
    private var states: [StateRecord] = []
    /// Nearest state on the failure chain with patterns ending there (-1: none).
    private var dictionarySuffix: [Int32]

    init(patterns: [[UInt8]]) {
        trie = PrefixTrie(patterns: patterns)
        var failure = [Int32](repeating: 0, count: trie.stateCount)
        dictionarySuffix = [Int32](repeating: -1, count: trie.stateCount)
        // Breadth first, so a state's failure target is done before the state.
        var queue: [Int] = (Int(trie.childStart[0])..<Int(trie.childStart[1])).map { Int(trie.edges[$0].target) }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for edge in trie.edges[Int(trie.childStart[state])..<Int(trie.childStart[state + 1])] {
                let child = Int(edge.target)
                var fallback = Int(failure[state])
                while fallback != 0, trie.child(of: fallback, on: edge.byte) == nil {
                    fallback = Int(failure[fallback])
                }
                let target = trie.child(of: fallback, on: edge.byte) ?? 0
                failure[child] = Int32(target == child ? 0 : target)
                let suffix = Int(failure[child])
                dictionarySuffix[child] = trie.outputs(suffix).isEmpty ? dictionarySuffix[suffix] : Int32(suffix)
                queue.append(child)
            }
        }
        states = (0...trie.stateCount).map { state in
            guard state < trie.stateCount else { return StateRecord(childStart: trie.childStart[state], failure: 0, report: 0) }
            let report = trie.outputs(state).isEmpty ? max(dictionarySuffix[state], 0) : Int32(state)
            return StateRecord(childStart: trie.childStart[state], failure: failure[state], report: report)
        }
    }

    static func fold(_ byte: UInt8) -> UInt8 { PrefixTrie.fold(byte) }

    /// Whether any pattern occurs in `text`: the walk of `matches`, stopping at the first.
    func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        walk(text) { _, report in
            found = report > 0
            return !found
        }
        return found
    }

    /// All matches, in order of their end position.
    func matches(in text: UnsafeBufferPointer<UInt8>) -> [Match] {
        var result: [Match] = []
        walk(text) { position, report in
            var reporting = report
            while reporting > 0 {
                for pattern in trie.outputs(reporting) {
                    let length = trie.lengths[Int(pattern)]
                    result.append(Match(start: position + 1 - length, end: position + 1, pattern: Int(pattern)))
                }
                reporting = Int(dictionarySuffix[reporting])
            }
            return true
        }
        return result
    }

    /// Runs the automaton over `text`, calling `body(position, report)` after each byte
    /// with the state whose patterns end there (0: none) until `body` returns false.
    @inline(__always)
    private func walk(_ text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Bool) {
        states.withUnsafeBufferPointer { states in
        trie.edges.withUnsafeBufferPointer { edges in
        trie.rootNext.withUnsafeBufferPointer { rootNext in
            var state = 0
            for (position, raw) in text.enumerated() {
                let byte = PrefixTrie.fold(raw)
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
                guard body(position, Int(states[state].report)) else { return }
            }
        }
        }
        }
    }
}
