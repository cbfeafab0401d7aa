import LoysiteSupport

/// `search-index.json`: title, aliases, summary and URL of every page, for a client-side
/// search box or another tool. URLs are site paths (`/glossary/nps/` under base_url's path).
enum SearchIndex {
    static func json(site: LinkedSite) -> String {
        let order = site.glossary.order + site.reports + site.freePages
        // Each entry serialized on any core, then put together.
        let entries = Parallel.map(order) { number -> String in
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
        return JSONValue.serializedObject([], endingWithArray: "pages", of: entries) + "\n"
    }
}
