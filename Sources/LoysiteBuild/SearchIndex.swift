import LoysiteSupport

/// `search-index.json`: title, aliases, summary and URL of every page, for a client-side
/// search box or another tool. URLs are site paths (`/glossary/nps/` under base_url's path).
enum SearchIndex {
    static func json(site: LinkedSite) -> String {
        let order = site.glossary.order + site.reports + site.freePages
        // Each entry serialized on any core (or kept from the last build), then put together.
        let entries = site.fragments.map { fragments in order.map { fragments.searchEntries[$0] } }
            ?? Parallel.map(order) { entry($0, site: site) }
        return JSONValue.serializedObject([], endingWithArray: "pages", of: entries) + "\n"
    }

    /// One page's entry, serialized.
    static func entry(_ number: Int, site: LinkedSite) -> String {
        let page = site.pages[number]
        var members: [(String, JSONValue)] = [
            ("title", .string(page.title)),
            ("kind", .string(page.kind.rawValue)),
            ("aliases", .array(page.aliases.map { .string($0.value) })),
            ("summary", .string(site.summaries[number])),
            ("url", .string(site.config.basePath + page.path)),
        ]
        if let category = page.primaryCategory { members.append(("category", .string(category))) }
        return JSONValue.object(members).serialized()
    }
}
