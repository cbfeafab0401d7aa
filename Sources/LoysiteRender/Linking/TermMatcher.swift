import LoysiteContent
import LoysiteSupport

/// Finds mentions of glossary terms (titles and aliases) in running text, as whole
/// words, for auto-linking. Built once per build from the page index.
///
/// A mention must start where a word starts, so the trie of names is walked from word
/// starts only, and only from a word that is a name's first word (or one with a plural
/// `s`), which a bitset of the first words' keys tells (`FirstWordFilter`): most
/// words begin no name, and walking the trie a step or two from each was most of the
/// scan's time. A word that does begin names follows them, and every name met on the
/// way is a candidate. (A byte-by-byte Aho–Corasick pass over all text walked deep into a trie
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

        /// Whether it starts with a word character (it is in the word trie, not the automaton).
        var startsWithWord: Bool {
            bytes.withUnsafeBufferPointer { TermMatcher.wordEnd($0, from: 0) } > 0
        }
    }

    package struct Mention: Equatable {
        /// Byte range in the text.
        package var start: Int
        package var end: Int
        package var page: PageID
    }

    /// In page order (as `PageIndex.termNames` gives them): the order decides between
    /// two pages' names of the same text.
    private var names: [Name]
    /// Names starting with a word character, and which name each pattern is (−1: a
    /// name taken out by `renaming`).
    private var wordTrie: PrefixTrie
    private var wordTrieNames: [Int32]
    /// The first words of the word trie's names: the trie is walked only from a word
    /// that is one (or is one with a plural `s`).
    private var firstWords: FirstWordFilter
    /// The other names, and which name each pattern is.
    private let automaton: AhoCorasick?
    private var automatonNames: [Int32]

    package init(index: PageIndex) {
        var names: [Name] = []
        for (name, page) in index.termNames {
            if let name = TermMatcher.name(name, of: page) { names.append(name) }
        }
        var wordStarting: [Int32] = []
        var others: [Int32] = []
        for (number, name) in names.enumerated() {
            if name.startsWithWord { wordStarting.append(Int32(number)) } else { others.append(Int32(number)) }
        }
        var firstWords = FirstWordFilter()
        for number in wordStarting {
            names[Int(number)].bytes.withUnsafeBufferPointer { name in
                firstWords.insert(name, start: 0, length: TermMatcher.wordEnd(name, from: 0))
            }
        }
        self.firstWords = firstWords
        self.names = names
        self.wordTrie = PrefixTrie(patterns: wordStarting.map { names[Int($0)].bytes })
        self.wordTrieNames = wordStarting
        self.automatonNames = others
        self.automaton = others.isEmpty ? nil : AhoCorasick(patterns: others.map { names[Int($0)].bytes })
    }

    /// A title or alias as the matcher looks for it: trimmed, and two bytes at least.
    private static func name(_ text: String, of page: PageID) -> Name? {
        let trimmed = text.trimmingBlanks()
        guard trimmed.utf8.count >= 2 else { return nil }
        let hasLower = trimmed.contains { $0.isLowercase }
        return Name(bytes: Array(trimmed.utf8), page: page, caseSensitive: !hasLower && trimmed.count <= 5)
    }

    /// This matcher after the pages `changed` got other titles or aliases, `index` being
    /// the index as it is now (the pages' paths, slugs and kinds as before): the same
    /// mentions as `TermMatcher(index: index)` finds, made by taking the pages' old
    /// names out of the trie and putting the new ones in (building the trie of every
    /// name again was most of a title edit's index step). nil when one of those names
    /// starts with something other than a word character: the automaton of those is
    /// built whole.
    package func renaming(_ changed: [PageID], in index: PageIndex) -> TermMatcher? {
        var matcher = self
        for page in Set(changed).sorted() {
            guard matcher.replaceNames(of: page, with: index.termNames(of: page).compactMap { TermMatcher.name($0, of: page) }) else { return nil }
        }
        return matcher
    }

    /// This matcher after page files were added or removed (`newNumber`: each old
    /// page's new id, nil when removed), `index` being the new index: the removed pages'
    /// names taken out, the others' pages renumbered, and the names of the pages
    /// `changed` (added, or read again) put in as `renaming` does. nil as for `renaming`.
    package func renumbering(_ newNumber: PerPage<PageID?>, changed: [PageID], in index: PageIndex) -> TermMatcher? {
        var matcher = self
        for old in newNumber.indices where newNumber[old] == nil {
            guard matcher.replaceNames(of: old, with: []) else { return nil }
        }
        for number in matcher.names.indices { matcher.names[number].page = newNumber[matcher.names[number].page]! }
        // Names stay in page order only if the pages kept theirs.
        for number in matcher.names.indices.dropFirst() where matcher.names[number - 1].page > matcher.names[number].page { return nil }
        return matcher.renaming(changed, in: index)
    }

    /// Puts `new` in place of page `page`'s names (found together, names being in page
    /// order), in the trie and the first-word filter too. false when one of the old or
    /// new names is not in the word trie (the automaton is built whole).
    private mutating func replaceNames(of page: PageID, with new: [Name]) -> Bool {
        var start = 0, end = names.count
        while start < end {
            let middle = (start + end) / 2
            if names[middle].page < page { start = middle + 1 } else { end = middle }
        }
        end = start
        while end < names.count, names[end].page == page { end += 1 }
        guard names[start..<end].allSatisfy(\.startsWithWord), new.allSatisfy(\.startsWithWord) else { return false }
        for (pattern, name) in wordTrieNames.enumerated() where name >= start && name < end {
            wordTrie.remove(pattern, names[Int(name)].bytes)
            wordTrieNames[pattern] = -1
        }
        // The later names move by the difference in number.
        let shift = Int32(new.count - (end - start))
        if shift != 0 {
            for pattern in wordTrieNames.indices where wordTrieNames[pattern] >= end { wordTrieNames[pattern] += shift }
            for pattern in automatonNames.indices where automatonNames[pattern] >= end { automatonNames[pattern] += shift }
        }
        names.replaceSubrange(start..<end, with: new)
        for (offset, name) in new.enumerated() {
            let pattern = wordTrie.insert(name.bytes)
            assert(pattern == wordTrieNames.count, "the trie's patterns are the word trie's names")
            wordTrieNames.append(Int32(start + offset))
            name.bytes.withUnsafeBufferPointer { bytes in
                firstWords.insert(bytes, start: 0, length: TermMatcher.wordEnd(bytes, from: 0))
            }
        }
        return true
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
        firstWords.withView { firstWords in
            var position = 0
            let count = buffer.count
            let plural = UInt8(ascii: "s")
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
                // The word's end and key. Most words are ASCII and shorter than eight
                // bytes: one load gives both, and the byte after the word is known to
                // be no word's start.
                let key: UInt64, length: Int
                if let base = buffer.baseAddress, start + 8 <= count,
                   case let block = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)),
                   case let stop = TermMatcher.nonWordOrUTF8(block).trailingZeroBitCount >> 3,
                   stop < 8, (block >> UInt64(truncatingIfNeeded: 8 &* stop)) & 0x80 == 0 {
                    length = stop
                    position = start + stop + 1
                    key = FirstWordFilter.key(first8: block, length: length)
                } else {
                    position = TermMatcher.wordEndEightBytesAtATime(bytes, from: start)
                    length = position - start
                    key = FirstWordFilter.key(in: buffer, start: start, length: length)
                }
                // A name here has this word as its first word, or is the word less a
                // plural `s`.
                guard firstWords.mayContain(key)
                    || (buffer[start + length - 1] == plural && firstWords.mayContain(FirstWordFilter.key(in: buffer, start: start, length: length - 1)))
                else { continue }
                trie.forEachPrefix(of: buffer, from: start) { pattern, _ in
                    if let candidate = check(Int(wordTrieNames[pattern]), at: start, in: bytes) { candidates.append(candidate) }
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

    /// `wordEnd`, passing over ASCII word bytes eight at a time: the byte-by-byte loop
    /// was most of the scan's instructions once few words were walked in the trie.
    static func wordEndEightBytesAtATime(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        while let base = bytes.baseAddress, index + 8 <= count {
            let stops = nonWordOrUTF8(UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
            if stops == 0 {
                index += 8
                continue
            }
            index += stops.trailingZeroBitCount >> 3
            guard bytes[index] >= 0x80, isWordScalar(bytes, at: index) else { return index }
            index += scalarLength(bytes, at: index)
        }
        return wordEnd(bytes, from: index)
    }

    /// The high bit of each byte of eight (the first lowest) that is not an ASCII word
    /// byte: where a run of ASCII word bytes stops, or a UTF-8 byte to look at closer.
    @inline(__always) static func nonWordOrUTF8(_ block: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        /// The high bit of each byte of `x` (all below 0x80) at or above `bound`: no
        /// byte's sum passes 0xFF, so none carries into the next.
        @inline(__always) func atLeast(_ x: UInt64, _ bound: UInt8) -> UInt64 { (x &+ 0x0101_0101_0101_0101 &* UInt64(0x80 - bound)) & high }
        let ascii = block & 0x7F7F_7F7F_7F7F_7F7F
        let lowered = ascii | 0x2020_2020_2020_2020
        let letter = atLeast(lowered, 0x61) & ~atLeast(lowered, 0x7B)
        let digit = atLeast(ascii, 0x30) & ~atLeast(ascii, 0x3A)
        let underscore = atLeast(ascii, 0x5F) & ~atLeast(ascii, 0x60)
        return (~(letter | digit | underscore) & high) | (block & high)
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
