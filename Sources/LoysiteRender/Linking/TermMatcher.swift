import LoysiteContent
import LoysiteSupport

/// Finds mentions of glossary terms (titles and aliases) in running text, as whole
/// words, for auto-linking. Built once per build from the page index.
///
/// A mention must start where a word starts, so the trie of names is walked from word
/// starts only: a word that begins no name leaves after a step or two at the root,
/// a word that does follows the names it begins, and every name met on the way is a
/// candidate. (A byte-by-byte Aho–Corasick pass over all text walked deep into a trie
/// of 20,000 names at every byte and missed the processor's caches; looking words up by
/// their first word alone compared hundreds of names sharing one.) Names that start with
/// something other than a letter or digit (`#hashtag`, `‘Sticky’ loyalty`) are found by
/// an Aho–Corasick automaton of just those. Either way a candidate passes the same
/// checks, and the result is what one automaton over all names gave.
package struct TermMatcher: Sendable {
    struct Name: Sendable {
        var bytes: [UInt8]
        var page: PageID
        /// Short all-capital aliases (NPS, CES) match only as written, so "ces" in a
        /// French quote or "cli" in a command is not taken for an acronym.
        var caseSensitive: Bool
    }

    package struct Mention: Equatable {
        /// Byte range in the text.
        package var start: Int
        package var end: Int
        package var page: PageID
    }

    private let names: [Name]
    /// Names starting with a word character, and which name each pattern is.
    private let wordTrie: PrefixTrie
    private let wordTrieNames: [Int32]
    /// The other names, and which name each pattern is.
    private let automaton: AhoCorasick?
    private let automatonNames: [Int32]

    package init(index: PageIndex) {
        var names: [Name] = []
        for (name, page) in index.termNames {
            let trimmed = name.trimmingBlanks()
            guard trimmed.utf8.count >= 2 else { continue }
            let hasLower = trimmed.contains { $0.isLowercase }
            names.append(Name(bytes: Array(trimmed.utf8), page: page, caseSensitive: !hasLower && trimmed.count <= 5))
        }
        var wordStarting: [Int32] = []
        var others: [Int32] = []
        for (number, name) in names.enumerated() {
            if name.bytes.withUnsafeBufferPointer({ TermMatcher.wordEnd($0, from: 0) }) > 0 { wordStarting.append(Int32(number)) } else { others.append(Int32(number)) }
        }
        self.names = names
        self.wordTrie = PrefixTrie(patterns: wordStarting.map { names[Int($0)].bytes })
        self.wordTrieNames = wordStarting
        self.automatonNames = others
        self.automaton = others.isEmpty ? nil : AhoCorasick(patterns: others.map { names[Int($0)].bytes })
    }

    /// A candidate mention and what orders candidates as the single automaton did:
    /// by start, longest first, then by where the name itself ended in the text (a
    /// plural `s` comes after), then by name.
    private struct Candidate {
        var mention: Mention
        var nameEnd: Int
        var name: Int
    }

    /// Non-overlapping whole-word mentions, leftmost first and longest at each position
    /// ("customer loyalty index" over "customer loyalty"). A plural `s` after a name
    /// still counts as a mention of it.
    package func mentions(in text: String) -> [Mention] {
        var text = text
        return text.withUTF8 { mentions(in: $0) }
    }

    /// `mentions(in:)` over UTF-8 bytes (a cmark node's literal, read in place).
    package func mentions(in bytes: UnsafeBufferPointer<UInt8>) -> [Mention] {
        var candidates: [Candidate] = []
        let asciiWord = TermMatcher.asciiWord
        let buffer = bytes
        wordTrie.withView { trie in
        do {
            var position = 0
            let count = buffer.count
            while position < count {
                // The next word start: a word character after a non-word one.
                let byte = buffer[position]
                if byte < 0x80 {
                    guard asciiWord[Int(byte)] else {
                        position += 1
                        continue
                    }
                } else if !TermMatcher.isWordScalar(bytes, at: position) {
                    position += TermMatcher.scalarLength(bytes, at: position)
                    continue
                }
                let start = position
                trie.forEachPrefix(of: buffer, from: start) { pattern, _ in
                    if let candidate = check(Int(wordTrieNames[pattern]), at: start, in: bytes) { candidates.append(candidate) }
                }
                // The rest of the word: ASCII word bytes at once, others by scalar.
                position += 1
                while position < count {
                    let next = buffer[position]
                    if next < 0x80 {
                        guard asciiWord[Int(next)] else { break }
                        position += 1
                    } else if next & 0xC0 == 0x80 {
                        position += 1
                    } else {
                        guard TermMatcher.isWordScalar(bytes, at: position) else { break }
                        position += TermMatcher.scalarLength(bytes, at: position)
                    }
                }
            }
        }
        }
        if let automaton {
            for match in automaton.matches(in: bytes) {
                let number = Int(automatonNames[match.pattern])
                if let candidate = check(number, at: match.start, in: bytes) { candidates.append(candidate) }
            }
        }
        candidates.sort { lhs, rhs in
            if lhs.mention.start != rhs.mention.start { return lhs.mention.start < rhs.mention.start }
            if lhs.mention.end != rhs.mention.end { return lhs.mention.end > rhs.mention.end }
            if lhs.nameEnd != rhs.nameEnd { return lhs.nameEnd < rhs.nameEnd }
            return lhs.name < rhs.name
        }
        var chosen: [Mention] = []
        var reached = 0
        for candidate in candidates where candidate.mention.start >= reached {
            chosen.append(candidate.mention)
            reached = candidate.mention.end
        }
        return chosen
    }

    /// Name `number` at byte `start`, if it is there as a whole word (or with a plural `s`).
    private func check(_ number: Int, at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Candidate? {
        let name = names[number]
        let end = start + name.bytes.count
        guard end <= bytes.count else { return nil }
        if name.caseSensitive, !bytes[start..<end].elementsEqual(name.bytes) { return nil }
        guard TermMatcher.isBoundary(bytes, before: start) else { return nil }
        var mentionEnd = end
        if !TermMatcher.isBoundary(bytes, after: end) {
            guard end < bytes.count, bytes[end] == UInt8(ascii: "s"), TermMatcher.isBoundary(bytes, after: end + 1) else { return nil }
            mentionEnd += 1
        }
        return Candidate(mention: Mention(start: start, end: mentionEnd, page: name.page), nameEnd: end, name: number)
    }

    // MARK: Words

    /// Letters, digits and `_`: the ASCII characters of words.
    private static let asciiWord: [Bool] = (0..<128).map { byte in
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// Where the run of word characters starting at `start` ends (`start` if none).
    static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard asciiWord[Int(byte)] else { break }
                index += 1
            } else {
                guard isWordScalar(bytes, at: index) else { break }
                index += scalarLength(bytes, at: index)
            }
        }
        return index
    }

    private static func scalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end - index
    }

    /// Whether no letter or digit touches position `index` from the left.
    static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        guard index > 0 else { return true }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return !isWordScalar(bytes, at: start)
    }

    /// Whether no letter or digit starts at `index`.
    static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        guard index < bytes.count else { return true }
        return !isWordScalar(bytes, at: index)
    }

    private static func isWordScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
