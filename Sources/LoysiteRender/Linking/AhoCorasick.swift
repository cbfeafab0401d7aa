/// Finds every occurrence of many byte patterns in one pass over a text (Aho–Corasick),
/// so auto-linking costs the same with 10 terms or 10,000. Matching folds ASCII case.
struct AhoCorasick: Sendable {
    struct Match: Equatable {
        /// Byte range in the text.
        var start: Int
        var end: Int
        var pattern: Int
    }

    private var edges: [Int: Int32] = [:]          // (state << 8 | byte) → state
    private var failure: [Int32] = [0]
    private var outputs: [[Int32]] = [[]]           // patterns ending exactly here
    private var dictionarySuffix: [Int32] = [-1]    // nearest state on the failure chain with outputs
    private var lengths: [Int] = []

    init(patterns: [[UInt8]]) {
        for (index, pattern) in patterns.enumerated() {
            lengths.append(pattern.count)
            var state = 0
            for byte in pattern {
                let key = state << 8 | Int(AhoCorasick.fold(byte))
                if let next = edges[key] {
                    state = Int(next)
                } else {
                    let next = failure.count
                    failure.append(0)
                    outputs.append([])
                    dictionarySuffix.append(-1)
                    edges[key] = Int32(next)
                    state = next
                }
            }
            if !pattern.isEmpty { outputs[state].append(Int32(index)) }
        }
        buildFailureLinks()
    }

    private mutating func buildFailureLinks() {
        var children: [[(UInt8, Int)]] = Array(repeating: [], count: failure.count)
        for (key, next) in edges {
            children[key >> 8].append((UInt8(key & 0xFF), Int(next)))
        }
        var queue: [Int] = []
        for (_, child) in children[0] { queue.append(child) }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (byte, child) in children[state] {
                var fallback = Int(failure[state])
                while fallback != 0, edges[fallback << 8 | Int(byte)] == nil {
                    fallback = Int(failure[fallback])
                }
                let target = edges[fallback << 8 | Int(byte)].map(Int.init) ?? 0
                failure[child] = Int32(target == child ? 0 : target)
                let suffix = Int(failure[child])
                dictionarySuffix[child] = outputs[suffix].isEmpty ? dictionarySuffix[suffix] : Int32(suffix)
                queue.append(child)
            }
        }
    }

    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// All matches, in order of their end position.
    func matches(in text: [UInt8]) -> [Match] {
        var result: [Match] = []
        var state = 0
        for (position, raw) in text.enumerated() {
            let byte = Int(AhoCorasick.fold(raw))
            while true {
                if let next = edges[state << 8 | byte] { state = Int(next); break }
                if state == 0 { break }
                state = Int(failure[state])
            }
            var reporting = outputs[state].isEmpty ? Int(dictionarySuffix[state]) : state
            while reporting > 0 {
                for pattern in outputs[reporting] {
                    let length = lengths[Int(pattern)]
                    result.append(Match(start: position + 1 - length, end: position + 1, pattern: Int(pattern)))
                }
                reporting = Int(dictionarySuffix[reporting])
            }
        }
        return result
    }
}
