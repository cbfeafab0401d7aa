import Foundation
import LoysiteContent
import LoysiteSupport

/// The A–Z arrangement of glossary terms: sorted ignoring case and accents
/// ("Échelle" sorts with E), grouped by initial letter, with a `#` group for terms that
/// start with a digit or a symbol.
struct GlossaryIndex {
    struct Group {
        var letter: String
        var terms: [PageID]
        /// An id usable in URLs and HTML (`a`, `num` for `#`).
        var id: String { letter == "#" ? "num" : letter.lowercased() }
    }

    /// Terms in A–Z order.
    var order: [PageID]
    var groups: [Group]
    /// Each page's place in `order` (nil for pages that are not terms), so neighbours
    /// are found without searching the order for every term.
    private var positions: [PageID: Int]

    /// `keys`: `sortKey` of every page's title.
    init(pages: PerPage<Page>, sortKeys keys: PerPage<String>) {
        let terms = pages.indices.filter { pages[$0].kind == .term }
        // On both cores: at 50,000 terms, comparing titles was most of the link step.
        self.init(order: Parallel.sorted(terms) { GlossaryIndex.precedes($0, $1, pages: pages, sortKeys: keys) }, sortKeys: keys)
    }

    /// Terms in A–Z order: by sort key, then title, then slug.
    static func precedes(_ lhs: PageID, _ rhs: PageID, pages: PerPage<Page>, sortKeys keys: PerPage<String>) -> Bool {
        if keys[lhs] != keys[rhs] { return keys[lhs] < keys[rhs] }
        if pages[lhs].title != pages[rhs].title { return pages[lhs].title < pages[rhs].title }
        return pages[lhs].slug < pages[rhs].slug
    }

    /// `order` (terms in A–Z order) with `moved` terms (new, or retitled: their sort keys
    /// or titles changed) put where they belong — as sorting every term again would place
    /// them. Where a moved term ties with another (which only pages at one URL can),
    /// every term is sorted again.
    static func placing(_ moved: [PageID], among order: [PageID], pages: PerPage<Page>, sortKeys keys: PerPage<String>) -> GlossaryIndex {
        var order = order
        let precedes = { (lhs: PageID, rhs: PageID) in GlossaryIndex.precedes(lhs, rhs, pages: pages, sortKeys: keys) }
        for term in moved {
            // The first place whose term comes after this one.
            var low = 0, high = order.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(order[middle], term) { low = middle + 1 } else { high = middle }
            }
            if low < order.count, !precedes(term, order[low]) {
                return GlossaryIndex(pages: pages, sortKeys: keys)
            }
            order.insert(term, at: low)
        }
        return GlossaryIndex(order: order, sortKeys: keys)
    }

    /// Groups and places of terms already in order.
    private init(order: [PageID], sortKeys keys: PerPage<String>) {
        self.order = order
        var groups: [Group] = []
        for term in order {
            let letter = GlossaryIndex.letter(for: keys[term])
            if groups.last?.letter == letter {
                groups[groups.count - 1].terms.append(term)
            } else {
                groups.append(Group(letter: letter, terms: [term]))
            }
        }
        self.groups = groups
        positions = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    }

    /// A term's place in A–Z order.
    func position(of page: PageID) -> Int? { positions[page] }

    /// The term before `page` in A–Z order.
    func previous(of page: PageID) -> PageID? {
        guard let position = positions[page], position > 0 else { return nil }
        return order[position - 1]
    }

    /// The term after `page` in A–Z order.
    func next(of page: PageID) -> PageID? {
        guard let position = positions[page], position + 1 < order.count else { return nil }
        return order[position + 1]
    }

    /// Lower-case, accent-free, leading punctuation dropped: "‘Sticky’ Loyalty" → "sticky’ loyalty".
    static func sortKey(_ title: String) -> String {
        // ASCII titles have no accents or wide forms to fold: skip Foundation's folding.
        if title.utf8.isASCII {
            let lowered = title.lowercased()
            let trimmed = lowered.drop { !($0.isLetter || $0.isNumber) }
            return trimmed.isEmpty ? lowered : String(trimmed)
        }
        // `.caseInsensitive` folding does not lower-case on Linux Foundation; lowercased() does.
        let folded = title.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        let trimmed = folded.drop { !($0.isLetter || $0.isNumber) }
        return trimmed.isEmpty ? folded : String(trimmed)
    }

    /// `A`…`Z` for Latin letters, `#` for digits and anything else.
    static func letter(for key: String) -> String {
        guard let first = key.first, first.isASCII, first.isLetter else { return "#" }
        return first.uppercased()
    }

    /// The letters shown in the navigation bar: `#`, A–Z, each marked present or not.
    var navigation: [(letter: String, id: String, present: Bool)] {
        let present = Set(groups.map(\.letter))
        let letters = ["#"] + (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) }
        return letters.map { ($0, $0 == "#" ? "num" : $0.lowercased(), present.contains($0)) }
    }
}
