import LoysiteContent
import LoysiteSupport
import Testing
@testable import LoysiteRender

/// The auto-link matcher's fast paths (a prefix trie walked from word starts, an
/// Aho–Corasick automaton for names that start with a symbol) against a brute-force
/// matcher that tries every name at every byte with the rules `TermMatcher` documents:
/// whole words (a letter, digit or `_` touches neither end; a plural `s` may follow),
/// ASCII case folded except for short all-capital names, then the leftmost mention,
/// longest first, taken greedily without overlaps.
@Suite struct PrefixTriePropertyTests {
    /// Words and pieces that make names share prefixes, overlap, and sit next to
    /// symbols, accents and plurals.
    static let pieces = ["ab", "Ab", "AB", "abc", "b", "c", "s", "NPS", "nps", "é", "éa", "#", "‘", "_", "1", " ", " ", "-", "x"]

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x5F
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The scalar whose UTF-8 sequence starts at `index`, or ends just before it.
    static func scalar(in bytes: [UInt8], startingAt index: Int) -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first
    }

    static func scalar(in bytes: [UInt8], endingAt index: Int) -> Unicode.Scalar? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(in: bytes, startingAt: start)
    }

    static func fold(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }

    static func bruteForce(names: [(name: String, page: PageID)], in text: String) -> [TermMatcher.Mention] {
        let bytes = Array(text.utf8)
        struct Candidate { var start: Int; var end: Int; var nameEnd: Int; var name: Int; var page: PageID }
        var kept: [(bytes: [UInt8], page: PageID, exact: Bool)] = []
        for (name, page) in names {
            let trimmed = name.trimmingBlanks()
            guard trimmed.utf8.count >= 2 else { continue }
            kept.append((Array(trimmed.utf8), page, !trimmed.contains { $0.isLowercase } && trimmed.count <= 5))
        }
        var candidates: [Candidate] = []
        for start in 0..<max(bytes.count, 1) where start < bytes.count {
            // A mention starts where a scalar starts.
            guard bytes[start] & 0xC0 != 0x80 else { continue }
            for (number, name) in kept.enumerated() {
                let end = start + name.bytes.count
                guard end <= bytes.count else { continue }
                let here = Array(bytes[start..<end])
                guard name.exact ? here == name.bytes : here.map(fold) == name.bytes.map(fold) else { continue }
                guard scalar(in: bytes, endingAt: start).map(isWord) != true else { continue }
                var mentionEnd = end
                if scalar(in: bytes, startingAt: end).map(isWord) == true {
                    guard bytes[end] == UInt8(ascii: "s"), scalar(in: bytes, startingAt: end + 1).map(isWord) != true else { continue }
                    mentionEnd += 1
                }
                candidates.append(Candidate(start: start, end: mentionEnd, nameEnd: end, name: number, page: name.page))
            }
        }
        candidates.sort { ($0.start, -$0.end, $0.nameEnd, $0.name) < ($1.start, -$1.end, $1.nameEnd, $1.name) }
        var chosen: [TermMatcher.Mention] = []
        var reached = 0
        for candidate in candidates where candidate.start >= reached {
            chosen.append(TermMatcher.Mention(start: candidate.start, end: candidate.end, page: candidate.page))
            reached = candidate.end
        }
        return chosen
    }

    static func term(_ number: Int, title: String, aliases: [String]) -> Page {
        Page(kind: .term, source: "content/glossary/t\(number).md", slug: "t\(number)", title: title,
             aliases: aliases.map { Located($0, at: SourceLocation(file: "content/glossary/t\(number).md", line: 3, column: 1)) },
             summary: nil, categories: [], related: [], draft: false, date: nil, period: nil, params: [], body: "", bodyFirstLine: 4,
             location: SourceLocation(file: "content/glossary/t\(number).md", line: 2, column: 1))
    }

    /// `rounds` random sets of terms named from `pieces` and a random text each: the
    /// matcher finds what trying every name at every byte finds.
    func expectMatcherAgreesWithBruteForce(rounds: Int, pieces: [String], terms: ClosedRange<Int>, titleParts: ClosedRange<Int>, textParts: ClosedRange<Int>) {
        var generator = SystemRandomNumberGenerator()
        func text(_ parts: ClosedRange<Int>) -> String {
            (0..<Int.random(in: parts, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<rounds {
            let pages = (0..<Int.random(in: terms, using: &generator)).map { number in
                Self.term(number, title: text(titleParts), aliases: (0..<Int.random(in: 0...2, using: &generator)).map { _ in text(1...3) })
            }
            let index = PageIndex(pages: pages)
            let matcher = TermMatcher(index: index)
            let sample = text(textParts)
            let expected = Self.bruteForce(names: index.termNames, in: sample)
            #expect(matcher.mentions(in: sample) == expected, "names \(index.termNames.map(\.name)) text \(sample.debugDescription)")
        }
    }

    @Test func findsWhatTryingEveryNameAtEveryByteFinds() {
        expectMatcherAgreesWithBruteForce(rounds: 600, pieces: Self.pieces, terms: 1...6, titleParts: 1...3, textParts: 0...30)
    }

    @Test func findsWhatTryingEveryNameFindsAmongManyNamesAndLongTexts() {
        // Enough names that the first-word filter holds many words, and texts long
        // enough that most words begin no name and are passed over.
        expectMatcherAgreesWithBruteForce(rounds: 150, pieces: Self.pieces + ["abd", "bc", "cab", "s ", "ss", "Éa", "b1", "ab-c"],
                                          terms: 1...40, titleParts: 1...4, textParts: 0...120)
    }

    @Test func theFirstWordFilterLetsEveryInsertedWordThroughInAnyASCIICaseAndPlace() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyzéü_0".unicodeScalars)
        func word() -> [UInt8] { Array(String(String.UnicodeScalarView((0..<Int.random(in: 1...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! })).utf8) }
        var filter = FirstWordFilter()
        let inserted = (0..<3000).map { _ in word() }
        // Inserted alone (the key gathered byte by byte when under eight bytes)…
        for word in inserted { word.withUnsafeBufferPointer { filter.insert($0, start: 0, length: word.count) } }
        for word in inserted {
            // … and looked for in capitals, inside a longer text (read with one load).
            let capitals = word.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }
            let before = Array(" x ".utf8).prefix(Int.random(in: 0...3, using: &generator))
            let text = before + capitals + Array("s and more".utf8).prefix(Int.random(in: 0...10, using: &generator))
            #expect(Array(text).withUnsafeBufferPointer { filter.mayContain($0, start: before.count, length: word.count) }, "\(word) in \(text)")
            #expect(word.withUnsafeBufferPointer { filter.mayContain($0, start: 0, length: word.count) })
        }
        // And it is a filter: of words never inserted, most are kept out.
        let others = (0..<2000).map { _ in word() + [UInt8(ascii: "q")] }.filter { !inserted.contains($0) }
        let through = others.filter { word in word.withUnsafeBufferPointer { filter.mayContain($0, start: 0, length: word.count) } }
        #expect(through.count * 5 < others.count, "\(through.count) of \(others.count) let through")
    }

    @Test func wordEndsEightBytesAtATimeWhereByteByByte() {
        // Every ASCII byte, and scalars of two to four bytes, some letters and some not,
        // at every place of an eight-byte word and near the end of the text.
        var generator = SystemRandomNumberGenerator()
        let pieces = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["é", "É", "—", "€", "日", "\u{1F600}", "ß", "١", "abcdefg", "xyz_09"]
        for _ in 0..<3000 {
            let bytes = Array((0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined().utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for start in buffer.indices where buffer[start] & 0xC0 != 0x80 {
                    #expect(TermMatcher.wordEndEightBytesAtATime(buffer, from: start) == TermMatcher.wordEnd(buffer, from: start), "\(bytes) from \(start)")
                }
            }
        }
    }

    @Test func theBruteForceMatcherCanFail() {
        // The reference itself must tell a whole word from part of one.
        let names = [(name: "ab", page: PageID(0))]
        #expect(Self.bruteForce(names: names, in: "ab abs xab abc").map(\.start) == [0, 3])
        #expect(Self.bruteForce(names: [(name: "NPS", page: PageID(0))], in: "nps NPS").map(\.start) == [4])
    }
}
