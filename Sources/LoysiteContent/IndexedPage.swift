import LoysiteSupport

/// What `PageIndex` reads of a page, and all it reads: the index's lookups and problems
/// are built from these alone (the `Lookups` it builds never see a `Page`). So a rebuild
/// that compares a page's old and new `IndexedPage` knows whether the index, the
/// auto-link matcher and every name lookup can change, from what the index reads rather
/// than from a list kept by hand beside it.
package struct IndexedPage: Sendable {
    /// What the page answers to. When these are the same, every lookup by name, path,
    /// slug, file or `id:` finds what it found before, and the auto-link matcher (which
    /// reads the index's `termNames`) is the same.
    package struct Names: Equatable, Sendable {
        package let kind: PageKind
        package let source: String
        package let path: String
        package let slug: String
        package let title: String
        package let aliases: [String]
        /// The front matter's `id:` (a param, not a field of `Page`): Kubernetes' glossary
        /// names terms by it in `glossary_tooltip term_id=…`.
        package let termID: String?

        /// Every text by which another page's words can name this one: text containing
        /// none of the old and new ones links the same after an edit.
        package var mentionable: [String] {
            [title, slug] + aliases + (termID.map { [$0] } ?? [])
        }
    }

    /// Where the names are written: only the index's problems (two pages at one URL, a
    /// name taken twice) are said there, so a change matters only for pages with problems.
    package struct Places: Equatable, Sendable {
        package let page: SourceLocation
        package let aliases: [SourceLocation]
    }

    package let names: Names
    package let places: Places

    package init(_ page: Page) {
        var termID: String?
        if let id = page.params.first(where: { $0.0.lowercased() == "id" }), case .string(let text) = id.1 { termID = text }
        names = Names(kind: page.kind, source: page.source, path: page.path, slug: page.slug, title: page.title,
                      aliases: page.aliases.map(\.value), termID: termID)
        places = Places(page: page.location, aliases: page.aliases.map(\.location))
    }
}
