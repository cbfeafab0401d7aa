import LoysiteContent
import LoysiteRender
import LoysiteSupport

/// The site after every page's Markdown is converted and the pages are linked to each
/// other: what the templates, the sitemap and the search index are made from.
struct LinkedSite: Sendable {
    var config: SiteConfig
    var index: PageIndex
    private(set) var bodies: PerPage<RenderedMarkdown>
    /// Resolved `related` entries per page.
    var related: PerPage<[PageID]>
    /// Pages linking to each page, in A–Z order of their titles.
    var backlinks: PerPage<[PageID]>
    /// `GlossaryIndex.sortKey` of every page's title.
    private(set) var sortKeys: PerPage<String>
    /// Summary per page: front matter's, or the first paragraph (plain text).
    var summaries: PerPage<String>
    /// Each summary shortened for lists of links (`TextFormatting.excerpt`), made once
    /// rather than for every page that links there.
    var excerpts: PerPage<String>
    var glossary: GlossaryIndex
    /// Reports, newest first (by date, then title).
    var reports: [PageID]
    /// Free pages by title.
    var freePages: [PageID]
    /// The most-mentioned terms (most backlinks, then A–Z), a good way into the glossary
    /// for the home page.
    var featuredTerms: [PageID]
    /// Pages' parts of the site-wide JSON files, when a build session keeps them.
    var fragments: SiteFragments?
    /// Rendered HTML of the home page's dashboard (tiles and charts), if any.
    var dashboardHTML: String?
    /// Rendered HTML of the glossary's own text (`content/glossary/_index.md`), shown on
    /// the A–Z page.
    var glossaryIntroHTML: String?
    /// The links of the glossary's own text already reported at their source, so that the
    /// check of the built A–Z page does not report them again.
    var glossaryIntroReportedLinks: Set<String> = []
    /// The fired alerts' messages, shown on the dashboard.
    var alerts: [String] = []

    /// Each body's HTML, apart from the rest of the body: it is read for every page and
    /// compared on every rebuild, and `bodies[id].html` copies the whole body first.
    private(set) var bodyHTML: PerPage<String>

    /// `index.pages`, stored: a computed property hands out a new reference to the
    /// array at every access, and from two threads at once those reference counts
    /// contend.
    private(set) var pages: PerPage<Page>

    /// `previous`: the site of a session's last build, whose sort keys and excerpts are
    /// kept where the title or summary they come from is the same (`renumbering` when
    /// pages were added or removed since).
    init(config: SiteConfig, index: PageIndex, bodies: PerPage<RenderedMarkdown>, related: PerPage<[PageID]>,
         reusing previous: LinkedSite? = nil, renumbering: PageRenumbering? = nil) {
        self.config = config
        self.index = index
        self.pages = index.pages
        self.bodies = bodies
        bodyHTML = PerPage(bodies.map(\.html))
        self.related = related
        let pages = index.pages
        let summaries = PerPage(bodies.map { $0.summary ?? "" })
        self.summaries = summaries
        // Each page's number in `previous`, if it was there.
        let before: @Sendable (PageID) -> PageID? = { number in
            guard let previous else { return nil }
            if let renumbering { return renumbering.oldNumber[number] }
            return previous.pages.contains(id: number) ? number : nil
        }
        let sortKeys = PerPage(Parallel.map(Array(pages.indices)) { number -> String in
            if let old = before(number), let previous, previous.pages[old].title == pages[number].title { return previous.sortKeys[old] }
            return GlossaryIndex.sortKey(pages[number].title)
        })
        self.sortKeys = sortKeys
        glossary = GlossaryIndex(pages: pages, sortKeys: sortKeys)
        excerpts = PerPage(Parallel.map(Array(pages.indices)) { number -> String in
            if let old = before(number), let previous, previous.summaries[old] == summaries[number] { return previous.excerpts[old] }
            return TextFormatting.excerpt(summaries[number])
        })
        // Backlinks in A–Z order of the linking page's title, whatever kind it is.
        var incoming = PerPage<[PageID]>(repeating: [], count: pages.count)
        // Each body's links taken by `map`, which hands the bodies over in place
        // (iterating or `bodies[id]` would copy each: its HTML, links, problems).
        for (source, linked) in zip(bodies.indices, bodies.map(\.linkedPages)) {
            for target in linked where target != source { incoming[target].append(source) }
        }
        backlinks = PerPage(Parallel.map(incoming.array) { list in
            list.count < 2 ? list : list.sorted { LinkedSite.backlinkPrecedes($0, $1, sortKeys: sortKeys, pages: pages) }
        })
        reports = LinkedSite.reportOrder(pages, sortKeys: sortKeys)
        featuredTerms = LinkedSite.mostMentioned(glossary.order, backlinks: backlinks, count: 8)
        freePages = pages.indices.filter { pages[$0].kind == .page }.sorted { sortKeys[$0] < sortKeys[$1] }
    }

    /// The same site after `changed` pages got new fields or bodies, and, with
    /// `renumbering`, pages were added (they are among `changed`) or removed: summaries,
    /// excerpts, sort keys and backlinks are carried to the new ids and updated for just
    /// those pages, and the A–Z order moves only the terms that are new or retitled,
    /// rather than all being worked out again (a rebuild in a `BuildSession`). Pages keep
    /// their kinds. What the first build of a site makes from every page (`init`) is what
    /// this makes from the last site (tests compare the two).
    func updating(index: PageIndex, bodies: PerPage<RenderedMarkdown>, related: PerPage<[PageID]>, changed: [PageID],
                  renumbering: PageRenumbering? = nil) -> LinkedSite {
        let pages = index.pages
        // Each page's id in this site (nil: added).
        let oldNumber: (PageID) -> PageID? = { number in renumbering.map { $0.oldNumber[number] } ?? number }
        // A page of another kind moves between the A–Z order, the reports and the free
        // pages: made afresh.
        guard renumbering != nil || pages.count == self.pages.count,
              changed.allSatisfy({ number in oldNumber(number).map { pages[number].kind == self.pages[$0].kind } ?? true }) else {
            return LinkedSite(config: config, index: index, bodies: bodies, related: related, reusing: self, renumbering: renumbering)
        }
        var site = self
        site.index = index
        site.pages = pages
        site.bodies = bodies
        site.related = related
        var order = glossary.order
        if let renumbering {
            site.bodyHTML = renumbering.carry(bodyHTML, filling: "")
            site.sortKeys = renumbering.carry(sortKeys, filling: "")
            site.summaries = renumbering.carry(summaries, filling: "")
            site.excerpts = renumbering.carry(excerpts, filling: "")
            // Lists of pages by old id, by new: a removed page leaves them, and the
            // others keep their order (by title and file, not by id).
            let renumbered = { (list: [PageID]) in list.compactMap { renumbering.newNumber[$0] } }
            site.backlinks = renumbering.carry(PerPage(backlinks.map { $0.isEmpty ? $0 : renumbered($0) }), filling: [])
            order = renumbered(order)
        }
        // New and retitled pages: new sort keys, and the A–Z order and backlinks that use them.
        var moved: [PageID] = []
        for number in changed {
            guard let old = oldNumber(number) else {
                site.sortKeys[number] = GlossaryIndex.sortKey(pages[number].title)
                moved.append(number)
                continue
            }
            if pages[number].title != self.pages[old].title {
                site.sortKeys[number] = GlossaryIndex.sortKey(pages[number].title)
                moved.append(number)
            }
        }
        let sortKeys = site.sortKeys
        // The lists of backlinks a changed page joins, leaves or moves in, sorted again
        // once all are changed.
        var touched = Set<PageID>()
        let movedSet = Set(moved)
        for number in changed {
            site.bodyHTML[number] = bodies[number].html
            site.summaries[number] = bodies[number].summary ?? ""
            site.excerpts[number] = TextFormatting.excerpt(site.summaries[number])
            var before = Set<PageID>()
            if let old = oldNumber(number) {
                let linked = self.bodies[old].linkedPages
                before = renumbering.map { renumbering in Set(linked.compactMap { renumbering.newNumber[$0] }) } ?? linked
            }
            before.remove(number)
            let after = bodies[number].linkedPages.subtracting([number])
            for target in before.subtracting(after) { site.backlinks[target].removeAll { $0 == number } }
            for target in after.subtracting(before) { site.backlinks[target].append(number) }
            touched.formUnion(before.symmetricDifference(after))
            if movedSet.contains(number) { touched.formUnion(after) }
        }
        for target in touched where site.backlinks[target].count > 1 {
            site.backlinks[target].sort { LinkedSite.backlinkPrecedes($0, $1, sortKeys: sortKeys, pages: pages) }
        }
        if !moved.isEmpty || renumbering != nil {
            site.glossary = GlossaryIndex.placing(moved.filter { pages[$0].kind == .term }, among: order.filter { !movedSet.contains($0) }, pages: pages, sortKeys: sortKeys)
            site.freePages = pages.indices.filter { pages[$0].kind == .page }.sorted { sortKeys[$0] < sortKeys[$1] }
        }
        site.reports = LinkedSite.reportOrder(pages, sortKeys: sortKeys)
        site.featuredTerms = LinkedSite.mostMentioned(site.glossary.order, backlinks: site.backlinks, count: 8)
        return site
    }

    /// Backlinks in A–Z order of the linking page's title, then by file.
    static func backlinkPrecedes(_ lhs: PageID, _ rhs: PageID, sortKeys: PerPage<String>, pages: PerPage<Page>) -> Bool {
        sortKeys[lhs] != sortKeys[rhs] ? sortKeys[lhs] < sortKeys[rhs] : pages[lhs].source < pages[rhs].source
    }

    /// Reports, newest first (by date, then title).
    static func reportOrder(_ pages: PerPage<Page>, sortKeys: PerPage<String>) -> [PageID] {
        pages.indices.filter { pages[$0].kind == .report }.sorted { lhs, rhs in
            let (a, b) = (pages[lhs].date ?? "", pages[rhs].date ?? "")
            if a != b { return a > b }
            return sortKeys[lhs] < sortKeys[rhs]
        }
    }

    /// The `count` terms with the most backlinks, ties in A–Z order: one pass over the
    /// A–Z order keeping the best few, rather than sorting every term.
    static func mostMentioned(_ order: [PageID], backlinks: PerPage<[PageID]>, count: Int) -> [PageID] {
        var best: [PageID] = []
        for term in order {
            // A later term beats an earlier one only with strictly more backlinks.
            guard best.count < count || backlinks[term].count > backlinks[best[best.count - 1]].count else { continue }
            var place = best.count
            while place > 0, backlinks[best[place - 1]].count < backlinks[term].count { place -= 1 }
            best.insert(term, at: place)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    /// The absolute URL of a site path, from `base_url` (for canonical links, the sitemap,
    /// the feed and JSON-LD).
    func absoluteURL(_ path: String) -> String {
        config.baseURL + path
    }
}
