import LoysiteContent
import LoysiteSupport
import Testing
@testable import LoysiteRender

/// `TermMatcher.renaming` (a rebuild's matcher when titles or aliases change: the old
/// names taken out of the trie, the new ones put in) against a matcher built from
/// scratch and against brute force, after random renames one after another as in a
/// session.
@Suite struct TermMatcherRenamingTests {
    @Test func renamedMatcherFindsWhatANewOneFinds() {
        var generator = SystemRandomNumberGenerator()
        // Mostly names that start with a word (those the trie holds), a few that do not.
        let pieces = PrefixTriePropertyTests.pieces.filter { $0 != "#" && $0 != "‘" } + ["abd", "bc", "cab", "ss", "b1", "ab-c", "abcdefghij"]
        func text(_ parts: ClosedRange<Int>, _ pieces: [String]) -> String {
            (0..<Int.random(in: parts, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        func name() -> String { text(1...4, Int.random(in: 0..<30, using: &generator) == 0 ? PrefixTriePropertyTests.pieces : pieces) }
        var renamedInPlace = 0
        for _ in 0..<100 {
            var pages = (0..<Int.random(in: 1...40, using: &generator)).map { number in
                PrefixTriePropertyTests.term(number, title: name(), aliases: (0..<Int.random(in: 0...2, using: &generator)).map { _ in name() })
            }
            var index = PageIndex(pages: pages)
            var matcher = TermMatcher(index: index)
            for _ in 0..<5 {
                let changed = Array(Set((0..<Int.random(in: 1...3, using: &generator)).map { _ in Int.random(in: 0..<pages.count, using: &generator) })).sorted()
                for number in changed {
                    pages[number] = PrefixTriePropertyTests.term(number, title: Bool.random(using: &generator) ? name() : pages[number].title,
                                                                 aliases: (0..<Int.random(in: 0...3, using: &generator)).map { _ in name() })
                }
                // The matcher follows the index, renamed or new.
                index = index.renamingPages(PerPage(pages), changed: changed.map(PageID.init)) ?? PageIndex(pages: pages)
                if let renamed = matcher.renaming(changed.map(PageID.init), in: index) {
                    renamedInPlace += 1
                    matcher = renamed
                } else {
                    matcher = TermMatcher(index: index)
                }
                let fresh = TermMatcher(index: index)
                for _ in 0..<4 {
                    let sample = text(0...60, pieces)
                    let found = matcher.mentions(in: sample)
                    #expect(found == fresh.mentions(in: sample), "names \(index.termNames.map(\.name)) text \(sample.debugDescription)")
                    #expect(found == PrefixTriePropertyTests.bruteForce(names: index.termNames, in: sample), "names \(index.termNames.map(\.name)) text \(sample.debugDescription)")
                }
            }
        }
        #expect(renamedInPlace > 250, "\(renamedInPlace) renamed in place")
    }

    /// Terms added and removed (the matcher renumbered in place), against a new matcher.
    @Test func renumberedMatcherFindsWhatANewOneFinds() {
        var generator = SystemRandomNumberGenerator()
        let pieces = PrefixTriePropertyTests.pieces.filter { $0 != "#" && $0 != "‘" } + ["abd", "bc", "cab", "ss", "b1", "ab-c"]
        func text(_ parts: ClosedRange<Int>) -> String {
            (0..<Int.random(in: parts, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        var next = 0
        func newTerm() -> Page {
            next += 1
            return PrefixTriePropertyTests.term(next, title: text(1...4), aliases: (0..<Int.random(in: 0...2, using: &generator)).map { _ in text(1...3) })
        }
        var inPlace = 0
        for _ in 0..<200 {
            var pages = (0..<Int.random(in: 1...30, using: &generator)).map { _ in newTerm() }
            var index = PageIndex(pages: pages)
            var matcher = TermMatcher(index: index)
            for _ in 0..<4 {
                var kept = pages.filter { _ in Int.random(in: 0..<6, using: &generator) != 0 }
                for _ in 0..<Int.random(in: 0...2, using: &generator) { kept.insert(newTerm(), at: Int.random(in: 0...kept.count, using: &generator)) }
                let newIDs = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1.source, PageID($0)) })
                let oldSources = Set(pages.map(\.source))
                let newNumber = PerPage(pages.map { newIDs[$0.source] })
                let added = kept.indices.filter { !oldSources.contains(kept[$0].source) }.map(PageID.init)
                pages = kept
                index = index.renumbering(PerPage(pages), newNumber: newNumber, added: added) ?? PageIndex(pages: pages)
                if let renumbered = matcher.renumbering(newNumber, changed: added, in: index) {
                    inPlace += 1
                    matcher = renumbered
                } else {
                    matcher = TermMatcher(index: index)
                }
                let fresh = TermMatcher(index: index)
                for _ in 0..<4 {
                    let sample = text(0...60)
                    #expect(matcher.mentions(in: sample) == fresh.mentions(in: sample), "names \(index.termNames.map(\.name)) text \(sample.debugDescription)")
                }
            }
        }
        #expect(inPlace > 400, "\(inPlace) renumbered in place")
    }
}
