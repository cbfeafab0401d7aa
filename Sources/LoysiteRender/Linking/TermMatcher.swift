import LoysiteSupport
import LoysiteContent

/// Finds mentions of glossary terms (titles and aliases) in running text, as whole
/// words, for auto-linking. Built once per build from the page index.
public struct TermMatcher: Sendable {
    struct Name: Sendable {
        var bytes: [UInt8]
        var page: Int
        /// Short all-capital aliases (NPS, CES) match only as written, so "ces" in a
        /// French quote or "cli" in a command is not taken for an acronym.
        var caseSensitive: Bool
    }

    public struct Mention: Equatable {
        /// Byte range in the text.
        public var start: Int
        public var end: Int
        public var page: Int
    }

    private let names: [Name]
    private let automaton: AhoCorasick

    public init(index: PageIndex) {
        var names: [Name] = []
        for (name, page) in index.termNames {
            let trimmed = name.trimmingBlanks()
            guard trimmed.utf8.count >= 2 else { continue }
            let hasLower = trimmed.contains { $0.isLowercase }
            names.append(Name(bytes: Array(trimmed.utf8), page: page, caseSensitive: !hasLower && trimmed.count <= 5))
        }
        self.names = names
        self.automaton = AhoCorasick(patterns: names.map(\.bytes))
    }

    /// Non-overlapping whole-word mentions, leftmost first and longest at each position
    /// ("customer loyalty index" over "customer loyalty"). A plural `s` after a name
    /// still counts as a mention of it.
    public func mentions(in text: String) -> [Mention] {
        let bytes = Array(text.utf8)
        var candidates: [Mention] = []
        for match in automaton.matches(in: bytes) {
            let name = names[match.pattern]
            if name.caseSensitive, !bytes[match.start..<match.end].elementsEqual(name.bytes) { continue }
            guard TermMatcher.isBoundary(bytes, before: match.start) else { continue }
            var end = match.end
            if !TermMatcher.isBoundary(bytes, after: end) {
                guard end < bytes.count, bytes[end] == UInt8(ascii: "s"), TermMatcher.isBoundary(bytes, after: end + 1) else { continue }
                end += 1
            }
            candidates.append(Mention(start: match.start, end: end, page: name.page))
        }
        candidates.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var chosen: [Mention] = []
        var reached = 0
        for candidate in candidates where candidate.start >= reached {
            chosen.append(candidate)
            reached = candidate.end
        }
        return chosen
    }

    /// Whether no letter or digit touches position `index` from the left.
    static func isBoundary(_ bytes: [UInt8], before index: Int) -> Bool {
        guard index > 0 else { return true }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return !isWordScalar(bytes, at: start)
    }

    /// Whether no letter or digit starts at `index`.
    static func isBoundary(_ bytes: [UInt8], after index: Int) -> Bool {
        guard index < bytes.count else { return true }
        return !isWordScalar(bytes, at: index)
    }

    private static func isWordScalar(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
