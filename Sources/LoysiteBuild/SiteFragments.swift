import LoysiteSupport

/// Each page's part of the site-wide JSON files, serialized: its `DefinedTerm` in the
/// glossary's JSON-LD and its entries in `search-index.json` and `search-index.js`. A build session keeps them
/// and makes again only those of pages whose face changed, so rebuilding the A–Z page
/// and the search index after an edit does not serialize 10,000 terms again.
struct SiteFragments: Sendable {
    /// By page number; "" for pages that are not terms.
    var definedTerms: [String]
    var searchEntries: [String]
    var scriptEntries: [String]

    init(site: LinkedSite) {
        definedTerms = Parallel.map(Array(site.pages.indices)) { SiteFragments.definedTerm($0, site: site) }
        searchEntries = Parallel.map(Array(site.pages.indices)) { SearchIndex.entry($0, site: site) }
        scriptEntries = Parallel.map(Array(site.pages.indices)) { SearchIndex.scriptEntry($0, site: site) }
    }

    /// The fragments of `pages` made again, the rest kept.
    mutating func refresh(_ pages: [Int], site: LinkedSite) {
        let made = Parallel.map(pages) {
            (SiteFragments.definedTerm($0, site: site), SearchIndex.entry($0, site: site), SearchIndex.scriptEntry($0, site: site))
        }
        for (number, (term, entry, scriptEntry)) in zip(pages, made) {
            definedTerms[number] = term
            searchEntries[number] = entry
            scriptEntries[number] = scriptEntry
        }
    }

    static func definedTerm(_ number: Int, site: LinkedSite) -> String {
        site.pages[number].kind == .term ? StructuredData.setMember(number, site: site) : ""
    }
}
