import LoysiteSupport

/// Finds pages by what writers call them: a title, an alias or a slug (for wikilinks and
/// `related`), or an output path (for plain Markdown links). Matching is
/// case-insensitive. Glossary terms win over other pages with the same name.
public struct PageIndex: Sendable {
    public let pages: [Page]
    private var byName: [String: Int] = [:]
    private var byPath: [String: Int] = [:]
    private var termBySlug: [String: Int] = [:]
    private var bySource: [String: Int] = [:]
    /// Problems found while indexing: two pages at one URL, ambiguous names.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Output paths that loysite writes itself; no page may take them.
    public static let reservedPaths: Set<String> = ["", "glossary/", "reports/", "assets/", "404/", "404.html/", "metrics.json/", "sitemap.xml/", "feed.xml/", "search-index.json/"]

    public init(pages: [Page]) {
        self.pages = pages
        for (index, page) in pages.enumerated() {
            if PageIndex.reservedPaths.contains(page.path) {
                diagnostics.append(.error("the URL /\(page.path) of this page is used by loysite itself; choose another slug", at: page.location))
                continue
            }
            if let other = byPath[page.path] {
                diagnostics.append(.error("two pages have the URL /\(page.path): \(page.source) and \(pages[other].source)", at: page.location))
                diagnostics.append(.error("two pages have the URL /\(page.path): \(pages[other].source) and \(page.source)", at: pages[other].location))
                continue
            }
            byPath[page.path] = index
            bySource[page.source] = index
            if page.kind == .term { termBySlug[page.slug] = index }
        }
        // Terms first, so a report titled like a term does not capture its wikilinks.
        let order = pages.indices.filter { pages[$0].kind == .term } + pages.indices.filter { pages[$0].kind != .term }
        for index in order where byPath[pages[index].path] == index {
            let page = pages[index]
            register(page.slug, for: index, at: page.location, isAlias: false)
            register(page.title, for: index, at: page.location, isAlias: false)
            for alias in page.aliases { register(alias.value, for: index, at: alias.location, isAlias: true) }
        }
    }

    private mutating func register(_ name: String, for index: Int, at location: SourceLocation, isAlias: Bool) {
        let key = PageIndex.key(name)
        guard !key.isEmpty else { return }
        if let existing = byName[key] {
            if existing != index, isAlias || pages[existing].kind == pages[index].kind {
                diagnostics.append(.warning("'\(name)' also names \(pages[existing].source); links to it go there", at: location))
            }
            return
        }
        byName[key] = index
    }

    static func key(_ name: String) -> String {
        name.trimmingBlanks().lowercased()
    }

    /// The page a title, alias or slug names.
    public func page(named name: String) -> Int? {
        byName[PageIndex.key(name)]
    }

    /// The page at an output path such as `glossary/nps/` (leading slash optional).
    public func page(atPath path: String) -> Int? {
        var path = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if path.hasSuffix("index.html") { path.removeLast("index.html".count) }
        if !path.isEmpty, !path.hasSuffix("/") { path += "/" }
        return byPath[path]
    }

    /// The page loaded from a file (a path relative to the root: `content/glossary/nps.md`).
    public func page(source: String) -> Int? {
        bySource[source]
    }

    /// A glossary term by slug, for links written for another generator (`/nps/`).
    public func term(slug: String) -> Int? {
        termBySlug[slug]
    }

    /// Every (name, page) pair that auto-linking looks for: terms' titles and aliases.
    public var termNames: [(name: String, page: Int)] {
        var names: [(String, Int)] = []
        for (index, page) in pages.enumerated() where page.kind == .term && byPath[page.path] == index {
            names.append((page.title, index))
            for alias in page.aliases { names.append((alias.value, index)) }
        }
        return names
    }

    /// Resolves every term's `related` entries, reporting the ones that name no page.
    public func resolveRelated() -> (related: [[Int]], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let related = pages.enumerated().map { index, page -> [Int] in
            var seen = Set<Int>()
            var result: [Int] = []
            for entry in page.related {
                guard let target = self.page(named: entry.value) else {
                    diagnostics.append(.error("related entry '\(entry.value)' matches no page's title, alias or slug", at: entry.location))
                    continue
                }
                if target != index, seen.insert(target).inserted { result.append(target) }
            }
            return result
        }
        return (related, diagnostics)
    }
}
