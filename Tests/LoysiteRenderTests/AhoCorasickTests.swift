import Testing
@testable import LoysiteRender

/// The automaton against a brute-force search: every occurrence of every pattern, ASCII
/// case folded, ordered by end position (then as the automaton reports them: longest
/// first, then by pattern number), and `occurs` agreeing with it.
@Suite struct AhoCorasickTests {
    static func bruteForce(_ patterns: [[UInt8]], in text: [UInt8]) -> [AhoCorasick.Match] {
        let folded = text.map(PrefixTrie.fold)
        var found: [AhoCorasick.Match] = []
        for end in 1...max(text.count, 1) where end <= text.count {
            for (number, pattern) in patterns.enumerated() where !pattern.isEmpty && pattern.count <= end {
                if Array(folded[(end - pattern.count)..<end]) == pattern.map(PrefixTrie.fold) {
                    found.append(AhoCorasick.Match(start: end - pattern.count, end: end, pattern: number))
                }
            }
        }
        return found
    }

    @Test func findsWhatABruteForceSearchFinds() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abAB#‘ ".utf8)
        for _ in 0..<300 {
            let patterns = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                (0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            }
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let automaton = AhoCorasick(patterns: patterns)
            let found = text.withUnsafeBufferPointer { automaton.matches(in: $0) }
            let expected = Self.bruteForce(patterns, in: text)
            // Same set of matches, each end position's in one block.
            #expect(found.map(\.end) == found.map(\.end).sorted())
            #expect(Set(found.map { "\($0.start)-\($0.end)-\($0.pattern)" }) == Set(expected.map { "\($0.start)-\($0.end)-\($0.pattern)" }),
                    "patterns \(patterns) text \(text)")
            #expect(found.count == expected.count)
            #expect(text.withUnsafeBufferPointer { automaton.occurs(in: $0) } == !expected.isEmpty)
        }
    }
}
