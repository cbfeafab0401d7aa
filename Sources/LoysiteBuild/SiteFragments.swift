import LoysiteContent
import LoysiteRender
import LoysiteSupport

/// Each page's part of the site-wide files: its `DefinedTerm` in the glossary's JSON-LD
/// and its entries in `search-index.json` and `search-index.js`, serialized, and its
/// entry in the A–Z page's template values. A build session keeps them with what each
/// was made from, and makes again only those of pages where that changed, so rebuilding
/// the A–Z page and the search index after an edit does not make 10,000 entries again.
struct SiteFragments: Sendable {
    /// "" for pages that are not terms.
    var definedTerms: PerPage<String>
    var searchEntries: PerPage<String>
    var scriptEntries: PerPage<String>
    /// What each page's three JSON parts read.
    var reads: PerPage<[SiteRead]>
    /// Each term's entry on the A–Z page (`PageContexts.glossaryEntry`; "" for pages that
    /// are not terms) and what it read, apart: the page shows less than the JSON files.
    var glossaryEntries: PerPage<TemplateValue>
    var glossaryEntryReads: PerPage<[SiteRead]>

    init(site: LinkedSite) {
        let contexts = PageContexts(site: site)
        let made = Parallel.map(Array(site.pages.indices)) { SiteFragments.make($0, site: site, contexts: contexts) }
        definedTerms = PerPage(made.map(\.term))
        searchEntries = PerPage(made.map(\.entry))
        scriptEntries = PerPage(made.map(\.script))
        reads = PerPage(made.map(\.reads))
        glossaryEntries = PerPage(made.map(\.glossaryEntry))
        glossaryEntryReads = PerPage(made.map(\.glossaryEntryReads))
    }

    /// The parts of the pages whose reads are among `changed`, made again from `site`;
    /// the rest kept.
    mutating func refresh(changed: SiteChanges, adding added: [PageID] = [], site: LinkedSite) {
        guard !changed.isEmpty else { return }
        let pages = Set(reads.indices.filter { changed.touches(reads[$0]) || changed.touches(glossaryEntryReads[$0]) }).union(added).sorted()
        let contexts = PageContexts(site: site)
        let made = Parallel.map(pages) { SiteFragments.make($0, site: site, contexts: contexts) }
        for (number, parts) in zip(pages, made) {
            definedTerms[number] = parts.term
            searchEntries[number] = parts.entry
            scriptEntries[number] = parts.script
            reads[number] = parts.reads
            glossaryEntries[number] = parts.glossaryEntry
            glossaryEntryReads[number] = parts.glossaryEntryReads
        }
    }

    /// The parts kept by old page number, by new number (added pages' empty until made).
    func carried(by renumbering: PageRenumbering) -> SiteFragments {
        var carried = self
        carried.definedTerms = renumbering.carry(definedTerms, filling: "")
        carried.searchEntries = renumbering.carry(searchEntries, filling: "")
        carried.scriptEntries = renumbering.carry(scriptEntries, filling: "")
        carried.reads = renumbering.carry(PerPage(Parallel.map(reads.array, renumbering.map)), filling: [])
        carried.glossaryEntries = renumbering.carry(glossaryEntries, filling: "")
        carried.glossaryEntryReads = renumbering.carry(PerPage(Parallel.map(glossaryEntryReads.array, renumbering.map)), filling: [])
        return carried
    }

    private static func make(_ number: PageID, site: LinkedSite, contexts: PageContexts)
        -> (term: String, entry: String, script: String, reads: [SiteRead], glossaryEntry: TemplateValue, glossaryEntryReads: [SiteRead]) {
        let log = ReadLog()
        let read = SiteReader(site, log: log)
        let parts = (definedTerm(number, read: read), SearchIndex.entry(number, read: read, basePath: contexts.basePath), SearchIndex.scriptEntry(number, read: read))
        let entryLog = ReadLog()
        let entryContexts = contexts.logging(into: entryLog)
        let entry: TemplateValue = entryContexts.read.kind(number) == .term ? entryContexts.glossaryEntry(number) : ""
        return (parts.0, parts.1, parts.2, log.distinct, entry, entryLog.distinct)
    }

    static func definedTerm(_ number: PageID, read: SiteReader) -> String {
        read.kind(number) == .term ? StructuredData.setMember(number, read: read) : ""
    }

    /// One part of each page of `order`: kept ones when the session keeps them (their
    /// reads noted in the reader's log), else made now.
    static func parts(_ order: [PageID], _ part: KeyPath<SiteFragments, PerPage<String>>, read: SiteReader,
                      make: @Sendable @escaping (PageID, SiteReader) -> String) -> [String] {
        if let fragments = read.fragments {
            if let log = read.log { for number in order { log.note(contentsOf: fragments.reads[number]) } }
            let kept = fragments[keyPath: part]
            return order.map { kept[$0] }
        }
        let parent = read.log
        let made = Parallel.map(order) { number -> (String, [SiteRead]) in
            let log = parent.map { _ in ReadLog() }
            return (make(number, log == nil ? read : read.logging(into: log)), log?.reads ?? [])
        }
        if let parent { for (_, reads) in made { parent.note(contentsOf: reads) } }
        return made.map(\.0)
    }
}
