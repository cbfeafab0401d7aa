/// Tells which texts contain any of a few names, ignoring ASCII case — for a rebuild
/// to find the pages a renamed term can appear in. A text in which Unicode lower-casing
/// could turn a character into ASCII (the Kelvin sign K, the dotted capital İ) counts as
/// containing them, since page names are compared lower-cased.
package struct NameSearch: Sendable {
    private let automaton: AhoCorasick

    package init(_ names: [String]) {
        automaton = AhoCorasick(patterns: names.map { Array($0.utf8) }.filter { !$0.isEmpty })
    }

    package func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            automaton.occurs(in: bytes) || NameSearch.lowersToASCII(bytes)
        }
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
