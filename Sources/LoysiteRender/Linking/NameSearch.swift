/// Tells which texts contain any of a few names, ignoring ASCII case — for a rebuild
/// to find the pages a renamed term can appear in. A text in which Unicode lower-casing
/// could turn a character into ASCII (the Kelvin sign K, the dotted capital İ) counts as
/// containing them, since page names are compared lower-cased.
///
/// A title edit searches every page's text (40 MB at 10,000 terms), and walking an
/// automaton byte by byte (each step waiting for the last one's state), then looking for
/// those characters in a second pass, was nearly all of that rebuild's Markdown step.
/// So each position's two bytes are looked up in a set of the names' first two bytes
/// (and those characters' first two), and only where a pair is found are the names
/// compared (`occursByAutomaton`, the automaton's walk, is the test oracle and stays for
/// names of one byte).
package struct NameSearch: Sendable {
    private let automaton: AhoCorasick
    /// The names folded (ASCII letters in lower case), by their first two bytes.
    private let names: [[UInt8]]
    /// Whether every name has two bytes at least (else only the automaton is used).
    private let pairsFindAll: Bool
    /// The pairs of bytes looked for, as a set of 2¹⁶ bits (8 KB) by the pair's bytes:
    /// each name's first two in every ASCII case, and the Unicode characters' first two.
    private let pairs: [UInt64]

    package init(_ names: [String]) {
        let patterns = names.map { Array($0.utf8) }.filter { !$0.isEmpty }
        automaton = AhoCorasick(patterns: patterns)
        self.names = patterns.map { $0.map(PrefixTrie.fold) }
        pairsFindAll = patterns.allSatisfy { $0.count >= 2 }
        var pairs = [UInt64](repeating: 0, count: 1 << 10)
        func set(_ first: UInt8, _ second: UInt8) {
            let key = Int(first) | Int(second) << 8
            pairs[key >> 6] |= 1 << UInt64(key & 63)
        }
        /// The byte and, for a small letter, its capital.
        func cases(_ byte: UInt8) -> [UInt8] { byte >= 0x61 && byte <= 0x7A ? [byte, byte - 0x20] : [byte] }
        set(0xC4, 0xB0)
        set(0xE2, 0x84)
        for name in self.names where name.count >= 2 {
            for first in cases(name[0]) { for second in cases(name[1]) { set(first, second) } }
        }
        self.pairs = pairs
    }

    package func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            pairsFindAll ? occursByPairs(bytes) : automaton.occurs(in: bytes) || NameSearch.lowersToASCII(bytes)
        }
    }

    /// `occurs(in:)` by walking the automaton over every byte: what the pairs' search
    /// must agree with.
    package func occursByAutomaton(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { automaton.occurs(in: $0) || NameSearch.lowersToASCII($0) }
    }

    private func occursByPairs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 2, let base = bytes.baseAddress else { return false }
        return pairs.withUnsafeBufferPointer { pairs in
            // Every position with the byte after it, as one little-endian load: no walk
            // from one position to the next waits for the last (as an automaton's does).
            for position in 0..<(count - 1) {
                let key = Int(UInt16(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt16.self)))
                if (pairs[key >> 6] >> UInt64(key & 63)) & 1 != 0, occurs(at: position, bytes) { return true }
            }
            return false
        }
    }

    /// Whether a name, or one of the characters that lower to ASCII, starts at `start`.
    private func occurs(at start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (first, second) = (bytes[start], bytes[start + 1])
        if first == 0xC4, second == 0xB0 { return true }
        if first == 0xE2, second == 0x84, start + 2 < bytes.count, bytes[start + 2] == 0xAA { return true }
        let (a, b) = (PrefixTrie.fold(first), PrefixTrie.fold(second))
        for name in names where name[0] == a && name[1] == b && start + name.count <= bytes.count {
            var index = 2
            while index < name.count, PrefixTrie.fold(bytes[start + index]) == name[index] { index += 1 }
            if index == name.count { return true }
        }
        return false
    }

    /// U+212A (E2 84 AA) and U+0130 (C4 B0), the characters whose lower case is ASCII.
    private static func lowersToASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        for index in 0..<(bytes.count - 1) {
            if bytes[index] == 0xC4, bytes[index + 1] == 0xB0 { return true }
            if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x84, bytes[index + 2] == 0xAA { return true }
        }
        return false
    }
}
