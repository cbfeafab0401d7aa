import LoysiteContent
import LoysiteSupport
import Testing

/// `PageIndex.renamingPages` (a rebuild's index when titles or aliases change) against
/// an index built from scratch over the same pages: after random renames, one after
/// another as in a session, every lookup, problem and auto-link name is the same, or it
/// declines (and the session builds a new index).
@Suite struct PageIndexRenamingTests {
    /// Few words, so that names collide (ambiguous aliases, a report titled like a term)
    /// and renames take and give back names other pages have.
    static let words = ["NPS", "churn", "Churn", "rate", "loyalty", "tier", "points", " ", "Net"]

    static func page(_ number: Int, kind: PageKind, title: String, aliases: [String]) -> Page {
        let file = "\(kind.sourceFolder)/p\(number).md"
        let location = SourceLocation(file: file, line: 2, column: 1)
        return Page(kind: kind, source: file, slug: number % 7 == 3 ? "nps" : "p\(number)", title: title,
                    aliases: aliases.map { Located($0, at: SourceLocation(file: file, line: 3, column: 1)) },
                    summary: nil, categories: [], related: [], draft: false, date: nil, period: nil, params: [], body: "",
                    bodyFirstLine: 4, location: location)
    }

    @Test func renamedIndexIsTheIndexBuiltFromScratch() {
        var generator = SystemRandomNumberGenerator()
        func name() -> String {
            (0..<Int.random(in: 1...2, using: &generator)).map { _ in Self.words.randomElement(using: &generator)! }.joined(separator: " ")
        }
        var renamedInPlace = 0, declined = 0
        for _ in 0..<300 {
            var pages = (0..<Int.random(in: 1...12, using: &generator)).map { number in
                Self.page(number, kind: Int.random(in: 0..<4, using: &generator) == 0 ? .page : .term, title: name(),
                          aliases: (0..<Int.random(in: 0...2, using: &generator)).map { _ in name() })
            }
            var index = PageIndex(pages: pages)
            for _ in 0..<4 {
                let changed = Array(Set((0..<Int.random(in: 1...2, using: &generator)).map { _ in Int.random(in: 0..<pages.count, using: &generator) })).sorted()
                for number in changed {
                    let old = pages[number]
                    // A new title, new aliases, or both; the old title kept as an alias at times.
                    let title = Bool.random(using: &generator) ? name() : old.title
                    var aliases = Bool.random(using: &generator) ? (0..<Int.random(in: 0...2, using: &generator)).map { _ in name() } : old.aliases.map(\.value)
                    if title != old.title, Bool.random(using: &generator) { aliases.append(old.title) }
                    pages[number] = Self.page(number, kind: old.kind, title: title, aliases: aliases)
                }
                let fresh = PageIndex(pages: pages)
                if let renamed = index.renamingPages(PerPage(pages), changed: changed.map(PageID.init)) {
                    renamedInPlace += 1
                    #expect(renamed.hasSameLookups(as: fresh), "pages \(pages.map { ($0.kind, $0.slug, $0.title, $0.aliases.map(\.value)) }) changed \(changed)")
                    index = renamed
                } else {
                    declined += 1
                    index = fresh
                }
            }
        }
        // Both happen: most renames in place, the colliding ones declined.
        #expect(renamedInPlace > 200 && declined > 50, "\(renamedInPlace) in place, \(declined) declined")
    }

    /// Pages added and removed (an index renumbered in place) as against a new index.
    @Test func renumberedIndexIsTheIndexBuiltFromScratch() {
        var generator = SystemRandomNumberGenerator()
        func name() -> String {
            (0..<Int.random(in: 1...2, using: &generator)).map { _ in Self.words.randomElement(using: &generator)! }.joined(separator: " ")
        }
        var next = 0
        func newPage() -> Page {
            next += 1
            return Self.page(next, kind: Int.random(in: 0..<4, using: &generator) == 0 ? .page : .term, title: name(),
                             aliases: (0..<Int.random(in: 0...2, using: &generator)).map { _ in name() })
        }
        var inPlace = 0, declined = 0
        for _ in 0..<300 {
            var pages = (0..<Int.random(in: 1...12, using: &generator)).map { _ in newPage() }
            var index = PageIndex(pages: pages)
            for _ in 0..<4 {
                // Some pages removed, some added among the others (in file order, as loading gives them).
                var kept = pages.filter { _ in Int.random(in: 0..<5, using: &generator) != 0 }
                for _ in 0..<Int.random(in: 0...2, using: &generator) { kept.insert(newPage(), at: Int.random(in: 0...kept.count, using: &generator)) }
                let newIDs = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1.source, PageID($0)) })
                let oldSources = Set(pages.map(\.source))
                let newNumber = PerPage(pages.map { newIDs[$0.source] })
                let added = kept.indices.filter { !oldSources.contains(kept[$0].source) }.map(PageID.init)
                pages = kept
                let fresh = PageIndex(pages: pages)
                if let renumbered = index.renumbering(PerPage(pages), newNumber: newNumber, added: added) {
                    inPlace += 1
                    #expect(renumbered.hasSameLookups(as: fresh), "pages \(pages.map { ($0.kind, $0.slug, $0.title, $0.aliases.map(\.value)) }) added \(added)")
                    index = renumbered
                } else {
                    declined += 1
                    index = fresh
                }
            }
        }
        #expect(inPlace > 200 && declined > 50, "\(inPlace) in place, \(declined) declined")
    }
}
