import LoysiteSupport

/// Finds pages by what writers call them: a title, an alias or a slug (for wikilinks and
/// `related`), or an output path (for plain Markdown links). Matching is
/// case-insensitive. Glossary terms win over other pages with the same name.
package struct PageIndex: Sendable {
    package private(set) var pages: PerPage<Page>
    /// What the index read of each page (all it read): a rebuild compares a changed
    /// page's with these to know whether the index must be built again.
    package private(set) var indexed: PerPage<IndexedPage>
    private var lookups: Lookups
    /// Problems found while indexing: two pages at one URL, ambiguous names.
    package var diagnostics: [Diagnostic] { lookups.diagnostics }
    /// The pages those problems name (where they are said or whom they mention), so a
    /// rebuild knows whether a page's edit can change them without reading their words.
    package var pagesWithProblems: Set<PageID> { lookups.pagesWithProblems }

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
        let indexed = PerPage(Parallel.map(pages.array) { IndexedPage($0) })
        self.indexed = indexed
        lookups = Lookups(indexed)
    }

    /// The tables, built from `IndexedPage`s only: a field the index reads is one the
    /// rebuild compares.
    private struct Lookups: Sendable {
        var byName: [String: PageID] = [:]
        var byPath: [String: PageID] = [:]
        var termBySlug: [String: PageID] = [:]
        var bySource: [String: PageID] = [:]
        /// Terms by their front matter's `id:`.
        var termByID: [String: PageID] = [:]
        var diagnostics: [Diagnostic] = []
        var pagesWithProblems: Set<PageID> = []
        /// Keys that more than one page registered (the first keeps it): a rebuild that
        /// takes one from its page must give it to the next, which only a new index knows.
        /// (After `renamingPages` it may hold a key only one page has now: that costs a
        /// new index, never a wrong one.)
        var sharedKeys: Set<String> = []

        init(_ pages: PerPage<IndexedPage>) {
            byPath.reserveCapacity(pages.count)
            bySource.reserveCapacity(pages.count)
            termBySlug.reserveCapacity(pages.count)
            byName.reserveCapacity(pages.count * 3)
            for index in pages.indices {
                let names = pages[index].names, location = pages[index].places.page
                let path = names.path
                if SiteLayout.Output.reservedPagePaths.contains(path) {
                    diagnostics.append(.error(PageIndex.reservedURLMessage(path), at: location))
                    pagesWithProblems.insert(index)
                    continue
                }
                if let other = byPath[path] {
                    diagnostics.append(.error("two pages have the URL /\(path): \(names.source) and \(pages[other].names.source)", at: location))
                    diagnostics.append(.error("two pages have the URL /\(path): \(pages[other].names.source) and \(names.source)", at: pages[other].places.page))
                    pagesWithProblems.formUnion([index, other])
                    continue
                }
                byPath[path] = index
                bySource[names.source] = index
                if names.kind == .term {
                    termBySlug[names.slug] = index
                    if let id = names.termID, termByID[id] == nil { termByID[id] = index }
                }
            }
            // Every name's key (trimmed, lower-cased), worked out on every core; registering
            // them stays in order, since the first page to take a name keeps it.
            let keys = PerPage(Parallel.map(pages.array) { page -> [String] in
                [PageIndex.key(page.names.slug), PageIndex.key(page.names.title)] + page.names.aliases.map { PageIndex.key($0) }
            })
            // Terms first, so a report titled like a term does not capture its wikilinks.
            let order = pages.indices.filter { pages[$0].names.kind == .term } + pages.indices.filter { pages[$0].names.kind != .term }
            for index in order where byPath[pages[index].names.path] == index {
                let pageKeys = keys[index], names = pages[index].names, places = pages[index].places
                register(names.slug, key: pageKeys[0], for: index, at: places.page, isAlias: false, in: pages)
                register(names.title, key: pageKeys[1], for: index, at: places.page, isAlias: false, in: pages)
                for (number, alias) in names.aliases.enumerated() {
                    register(alias, key: pageKeys[2 + number], for: index, at: places.aliases[number], isAlias: true, in: pages)
                }
            }
        }

        private mutating func register(_ name: String, key: String, for index: PageID, at location: SourceLocation, isAlias: Bool, in pages: PerPage<IndexedPage>) {
            guard !key.isEmpty else { return }
            if let existing = byName[key] {
                if existing != index { sharedKeys.insert(key) }
                if existing != index, isAlias || pages[existing].names.kind == pages[index].names.kind {
                    diagnostics.append(.warning("'\(name)' also names \(pages[existing].names.source); links to it go there", at: location))
                    pagesWithProblems.formUnion([existing, index])
                }
                return
            }
            byName[key] = index
        }
    }

    /// A page's keys in `byName`: its slug's, title's and aliases' (empty ones are not registered).
    private static func keys(_ names: IndexedPage.Names) -> Set<String> {
        var keys = Set([key(names.slug), key(names.title)] + names.aliases.map { key($0) })
        keys.remove("")
        return keys
    }

    static func key(_ name: String) -> String {
        name.trimmingBlanks().lowercased()
    }

    /// The page a title, alias or slug names.
    package func page(named name: String) -> PageID? {
        lookups.byName[PageIndex.key(name)]
    }

    /// The page a name means, read the way auto-linking reads names in running text
    /// (`TermMatcher`): case-insensitively, and a plural `s` after a name still names it
    /// ("leaf bundles" is *leaf bundle*). Wikilinks and other generators' references use
    /// this one rule.
    package func page(matching name: String) -> PageID? {
        let key = PageIndex.key(name)
        if let page = lookups.byName[key] { return page }
        guard key.hasSuffix("s"), key.count > 2 else { return nil }
        return lookups.byName[String(key.dropLast())]
    }

    /// The page at an output path such as `glossary/nps/` (leading slash optional).
    package func page(atPath path: String) -> PageID? {
        var path = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if path.hasSuffix("index.html") { path.removeLast("index.html".count) }
        if !path.isEmpty, !path.hasSuffix("/") { path += "/" }
        return lookups.byPath[path]
    }

    /// The page loaded from a file (a path relative to the root: `content/glossary/nps.md`).
    package func page(source: String) -> PageID? {
        lookups.bySource[source]
    }

    /// A glossary term by its front matter's `id:`, for Kubernetes' `term_id`.
    package func term(id: String) -> PageID? {
        lookups.termByID[id]
    }

    /// A glossary term by slug, for links written for another generator (`/nps/`).
    package func term(slug: String) -> PageID? {
        lookups.termBySlug[slug]
    }

    /// Every (name, page) pair that auto-linking looks for: terms' titles and aliases.
    package var termNames: [(name: String, page: PageID)] {
        var names: [(String, PageID)] = []
        for (id, page) in zip(indexed.indices, indexed.map(\.names)) where page.kind == .term && lookups.byPath[page.path] == id {
            names.append((page.title, id))
            for alias in page.aliases { names.append((alias, id)) }
        }
        return names
    }

    /// The names of `termNames` that page `id` has (none if it is not a term, or not the page at its URL).
    package func termNames(of id: PageID) -> [String] {
        let names = indexed[id].names
        guard names.kind == .term, lookups.byPath[names.path] == id else { return [] }
        return [names.title] + names.aliases
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

    /// The same index over `pages`, whose `IndexedPage.Names` must be the indexed ones
    /// (and their places too where a page has problems), so every lookup and every
    /// problem stays the same. The places are taken from `pages`, so the next rebuild
    /// compares with what is on disk.
    package func replacingPages(_ pages: PerPage<Page>, changed: [PageID]) -> PageIndex {
        var index = self
        index.pages = pages
        for number in changed {
            let page = IndexedPage(pages[number])
            assert(page.names == indexed[number].names, "replacingPages with a page whose names changed")
            index.indexed[number] = page
        }
        return index
    }

    /// The same index after the pages `changed` changed their titles or aliases only,
    /// made by moving just their names in the name table (a new index reads and
    /// lower-cases every name of every page: most of a title edit's index step). nil
    /// when that would not give what `PageIndex(pages:)` gives: a page with problems, a
    /// name another page has too or had (which page takes it, and whether that is a
    /// problem, depends on the order of all pages and on which names are aliases), or
    /// another name changed (slug, path, `id:`, kind, file).
    package func renamingPages(_ pages: PerPage<Page>, changed: [PageID]) -> PageIndex? {
        var index = self
        index.pages = pages
        for number in changed {
            let new = IndexedPage(pages[number]), old = indexed[number].names
            guard !lookups.pagesWithProblems.contains(number), new.names.kind == old.kind, new.names.source == old.source,
                  new.names.path == old.path, new.names.slug == old.slug, new.names.termID == old.termID else { return nil }
            let before = PageIndex.keys(old), after = PageIndex.keys(new.names)
            for key in before.subtracting(after) where index.lookups.byName[key] == number {
                guard !index.lookups.sharedKeys.contains(key) else { return nil }
                index.lookups.byName[key] = nil
            }
            // A name another page has: which page takes it, and whether that is a
            // problem, depends on the order of all pages and whether it is an alias.
            for key in after where index.lookups.byName[key].map({ $0 != number }) ?? false { return nil }
            for key in after.subtracting(before) { index.lookups.byName[key] = number }
            index.indexed[number] = new
        }
        return index
    }

    /// The same index after page files were added or removed: `pages` the new pages,
    /// `newNumber` each old page's new id (nil: removed), `added` the new pages' ids.
    /// The kept pages' entries are renumbered, the removed pages' taken out and the added
    /// pages' put in (a new index reads and lower-cases every name of every page: most
    /// of an add's or delete's index step). nil when that would not give what
    /// `PageIndex(pages:)` gives: an added or removed page with problems or an `id:`, a
    /// path or name an added page shares with another page, a removed page's name that
    /// another page has too.
    package func renumbering(_ pages: PerPage<Page>, newNumber: PerPage<PageID?>, added: [PageID]) -> PageIndex? {
        var lookups = self.lookups
        for old in newNumber.indices where newNumber[old] == nil {
            let names = indexed[old].names
            guard !lookups.pagesWithProblems.contains(old), names.termID == nil else { return nil }
            for key in PageIndex.keys(names) where lookups.byName[key] == old {
                guard !lookups.sharedKeys.contains(key) else { return nil }
                lookups.byName[key] = nil
            }
            lookups.byPath[names.path] = nil
            lookups.bySource[names.source] = nil
            if names.kind == .term { lookups.termBySlug[names.slug] = nil }
        }
        let renumber = { (old: PageID) in newNumber[old]! }
        lookups.byName = lookups.byName.mapValues(renumber)
        lookups.byPath = lookups.byPath.mapValues(renumber)
        lookups.bySource = lookups.bySource.mapValues(renumber)
        lookups.termBySlug = lookups.termBySlug.mapValues(renumber)
        lookups.termByID = lookups.termByID.mapValues(renumber)
        lookups.pagesWithProblems = Set(lookups.pagesWithProblems.map(renumber))
        // By new id: the kept pages' `IndexedPage`s, the added pages' made (a plain
        // array of them, not of optionals: those were copied through generic witnesses).
        var oldNumber = [Int](repeating: -1, count: pages.count)
        for (old, new) in zip(newNumber.indices, newNumber) { if let new { oldNumber[new.number] = old.number } }
        var indexed: [IndexedPage] = []
        indexed.reserveCapacity(pages.count)
        for number in pages.indices {
            indexed.append(oldNumber[number.number] >= 0 ? self.indexed[PageID(oldNumber[number.number])] : IndexedPage(pages[number]))
        }
        for number in added {
            let names = indexed[number.number].names
            guard names.termID == nil, !SiteLayout.Output.reservedPagePaths.contains(names.path), lookups.byPath[names.path] == nil,
                  lookups.bySource[names.source] == nil else { return nil }
            lookups.byPath[names.path] = number
            lookups.bySource[names.source] = number
            if names.kind == .term {
                guard lookups.termBySlug[names.slug] == nil else { return nil }
                lookups.termBySlug[names.slug] = number
            }
            for key in PageIndex.keys(names) {
                guard lookups.byName[key] == nil else { return nil }
                lookups.byName[key] = number
            }
        }
        var index = self
        index.pages = pages
        index.indexed = PerPage(indexed)
        index.lookups = lookups
        return index
    }

    /// Whether every lookup, problem and auto-link name of this index is the same as of
    /// `other` (for tests of indexes updated in place).
    package func hasSameLookups(as other: PageIndex) -> Bool {
        let (a, b) = (lookups, other.lookups)
        return a.byName == b.byName && a.byPath == b.byPath && a.termBySlug == b.termBySlug && a.bySource == b.bySource
            && a.termByID == b.termByID && a.diagnostics == b.diagnostics && a.pagesWithProblems == b.pagesWithProblems
            && indexed.map(\.names) == other.indexed.map(\.names)
            && termNames.map(\.name) == other.termNames.map(\.name) && termNames.map(\.page) == other.termNames.map(\.page)
    }
}
