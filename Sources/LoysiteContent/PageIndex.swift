import LoysiteSupport

/// Finds pages by what writers call them: a title, an alias or a slug (for wikilinks and
/// `related`), or an output path (for plain Markdown links). Matching is
/// case-insensitive. Glossary terms win over other pages with the same name.
package struct PageIndex: Sendable {
    package private(set) var pages: PerPage<Page>
    private var byName: [String: PageID] = [:]
    private var byPath: [String: PageID] = [:]
    private var termBySlug: [String: PageID] = [:]
    private var bySource: [String: PageID] = [:]
    /// Terms by their front matter's `id:` (Kubernetes' glossary names terms by it in
    /// `glossary_tooltip term_id=…`), where it differs from the slug.
    private var termByID: [String: PageID] = [:]
    /// Problems found while indexing: two pages at one URL, ambiguous names.
    package private(set) var diagnostics: [Diagnostic] = []
    /// The pages those problems name (where they are said or whom they mention), so a
    /// rebuild knows whether a page's edit can change them without reading their words.
    package private(set) var pagesWithProblems: Set<PageID> = []

    /// Why a page cannot have the URL `/path` (one of `SiteLayout.Output.reservedPagePaths`):
    /// worded once for the build and `loysite new`.
    package static func reservedURLMessage(_ path: String) -> String {
        "the URL /\(path) of this page is used by loysite itself; choose another slug"
    }

    package init(pages: [Page]) {
        self.init(pages: PerPage(pages))
    }

    package init(pages: PerPage<Page>) {
        self.pages = pages
        byPath.reserveCapacity(pages.count)
        bySource.reserveCapacity(pages.count)
        termBySlug.reserveCapacity(pages.count)
        byName.reserveCapacity(pages.count * 3)
        for index in pages.indices {
            let path = pages[index].path
            if SiteLayout.Output.reservedPagePaths.contains(path) {
                diagnostics.append(.error(PageIndex.reservedURLMessage(path), at: pages[index].location))
                pagesWithProblems.insert(index)
                continue
            }
            if let other = byPath[path] {
                diagnostics.append(.error("two pages have the URL /\(path): \(pages[index].source) and \(pages[other].source)", at: pages[index].location))
                diagnostics.append(.error("two pages have the URL /\(path): \(pages[other].source) and \(pages[index].source)", at: pages[other].location))
                pagesWithProblems.formUnion([index, other])
                continue
            }
            byPath[path] = index
            bySource[pages[index].source] = index
            if pages[index].kind == .term {
                termBySlug[pages[index].slug] = index
                if let id = pages[index].params.first(where: { $0.0.lowercased() == "id" }), case .string(let text) = id.1, termByID[text] == nil {
                    termByID[text] = index
                }
            }
        }
        // Every name's key (trimmed, lower-cased), worked out on every core; registering
        // them stays in order, since the first page to take a name keeps it.
        let keys = PerPage(Parallel.map(pages.array) { page -> [String] in
            [PageIndex.key(page.slug), PageIndex.key(page.title)] + page.aliases.map { PageIndex.key($0.value) }
        })
        // Terms first, so a report titled like a term does not capture its wikilinks.
        let order = pages.indices.filter { pages[$0].kind == .term } + pages.indices.filter { pages[$0].kind != .term }
        for index in order where byPath[pages[index].path] == index {
            let pageKeys = keys[index]
            register(pages[index].slug, key: pageKeys[0], for: index, at: pages[index].location, isAlias: false)
            register(pages[index].title, key: pageKeys[1], for: index, at: pages[index].location, isAlias: false)
            for (number, alias) in pages[index].aliases.enumerated() {
                register(alias.value, key: pageKeys[2 + number], for: index, at: alias.location, isAlias: true)
            }
        }
    }

    private mutating func register(_ name: String, key: String, for index: PageID, at location: SourceLocation, isAlias: Bool) {
        guard !key.isEmpty else { return }
        if let existing = byName[key] {
            if existing != index, isAlias || pages[existing].kind == pages[index].kind {
                diagnostics.append(.warning("'\(name)' also names \(pages[existing].source); links to it go there", at: location))
                pagesWithProblems.formUnion([existing, index])
            }
            return
        }
        byName[key] = index
    }

    static func key(_ name: String) -> String {
        name.trimmingBlanks().lowercased()
    }

    /// The page a title, alias or slug names.
    package func page(named name: String) -> PageID? {
        byName[PageIndex.key(name)]
    }

    /// The page a name means, read the way auto-linking reads names in running text
    /// (`TermMatcher`): case-insensitively, and a plural `s` after a name still names it
    /// ("leaf bundles" is *leaf bundle*). Wikilinks and other generators' references use
    /// this one rule.
    package func page(matching name: String) -> PageID? {
        let key = PageIndex.key(name)
        if let page = byName[key] { return page }
        guard key.hasSuffix("s"), key.count > 2 else { return nil }
        return byName[String(key.dropLast())]
    }

    /// The page at an output path such as `glossary/nps/` (leading slash optional).
    package func page(atPath path: String) -> PageID? {
        var path = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if path.hasSuffix("index.html") { path.removeLast("index.html".count) }
        if !path.isEmpty, !path.hasSuffix("/") { path += "/" }
        return byPath[path]
    }

    /// The page loaded from a file (a path relative to the root: `content/glossary/nps.md`).
    package func page(source: String) -> PageID? {
        bySource[source]
    }

    /// A glossary term by its front matter's `id:`, for Kubernetes' `term_id`.
    package func term(id: String) -> PageID? {
        termByID[id]
    }

    /// A glossary term by slug, for links written for another generator (`/nps/`).
    package func term(slug: String) -> PageID? {
        termBySlug[slug]
    }

    /// Every (name, page) pair that auto-linking looks for: terms' titles and aliases.
    package var termNames: [(name: String, page: PageID)] {
        var names: [(String, PageID)] = []
        for (id, page) in zip(pages.indices, pages) where page.kind == .term && byPath[page.path] == id {
            names.append((page.title, id))
            for alias in page.aliases { names.append((alias.value, id)) }
        }
        return names
    }

    /// Resolves every term's `related` entries, reporting the ones that name no page.
    package func resolveRelated() -> (related: PerPage<[PageID]>, diagnostics: [Diagnostic]) {
        let (related, diagnostics) = resolveRelatedByPage()
        return (related, diagnostics.flatMap { $0 })
    }

    /// `resolveRelated` with each page's problems apart, page by page on every core.
    package func resolveRelatedByPage() -> (related: PerPage<[PageID]>, diagnostics: PerPage<[Diagnostic]>) {
        let resolved = Parallel.map(Array(pages.indices)) { resolveRelated(of: $0) }
        return (PerPage(resolved.map(\.related)), PerPage(resolved.map(\.diagnostics)))
    }

    /// `resolveRelatedByPage` for the pages in `range` only: for callers that share the
    /// work out in chunks alongside other jobs.
    package func resolveRelated(in range: Range<PageID>) -> (related: [[PageID]], diagnostics: [[Diagnostic]]) {
        var related: [[PageID]] = [], diagnostics: [[Diagnostic]] = []
        related.reserveCapacity(range.count)
        diagnostics.reserveCapacity(range.count)
        for index in range {
            let resolved = resolveRelated(of: index)
            related.append(resolved.related)
            diagnostics.append(resolved.diagnostics)
        }
        return (related, diagnostics)
    }

    /// One page's `related` entries.
    package func resolveRelated(of index: PageID) -> (related: [PageID], diagnostics: [Diagnostic]) {
        var seen = Set<PageID>()
        var result: [PageID] = []
        var diagnostics: [Diagnostic] = []
        for entry in pages[index].related {
            guard let target = self.page(named: entry.value) else {
                diagnostics.append(.error("related entry '\(entry.value)' matches no page's title, alias or slug", at: entry.location, subject: entry.value))
                continue
            }
            if target != index, seen.insert(target).inserted { result.append(target) }
        }
        return (result, diagnostics)
    }

    /// The same index over `pages`, which must have the same sources, kinds, paths,
    /// titles, aliases and locations as the indexed ones (only bodies and other fields
    /// changed), so every lookup and every problem stays the same.
    package func replacingPages(_ pages: PerPage<Page>) -> PageIndex {
        var index = self
        index.pages = pages
        return index
    }
}
