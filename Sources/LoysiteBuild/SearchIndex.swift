import LoysiteSupport

/// The search index, in two forms made from the same entries:
///
/// - `search-index.json` (SPEC §4): title, kind, aliases, summary and URL of every page,
///   for another tool. URLs are site paths (`/glossary/nps/` under base_url's path).
/// - `search-index.js`, read by the theme's search box (`assets/search.js`). A script,
///   not JSON, because a page opened from disk (`file://`) may load a script but not
///   fetch a file; compact (one array per page, the summary cut to an excerpt), because
///   a phone downloads it whole on the first keystroke. Its paths are relative to the
///   site root, so the box works wherever the folder is opened or uploaded.
enum SearchIndex {
    static func json(site: LinkedSite) -> String {
        let order = site.glossary.order + site.reports + site.freePages
        // Each entry serialized on any core (or kept from the last build), then put together.
        let entries = site.fragments.map { fragments in order.map { fragments.searchEntries[$0] } }
            ?? Parallel.map(order) { entry($0, site: site) }
        return JSONValue.serializedObject([], endingWithArray: "pages", of: entries) + "\n"
    }

    /// `window.loysiteSearchIndex = {"pages":[[kind, title, summary, path, alias…], …]};`
    /// in the A–Z order of the glossary, then reports, then free pages: the order the
    /// box breaks ties in.
    static func script(site: LinkedSite) -> String {
        let order = site.glossary.order + site.reports + site.freePages
        let entries = site.fragments.map { fragments in order.map { fragments.scriptEntries[$0] } }
            ?? Parallel.map(order) { scriptEntry($0, site: site) }
        return "window.loysiteSearchIndex = " + JSONValue.serializedObject([], endingWithArray: "pages", of: entries) + ";\n"
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

    /// The longest summary text the script keeps, in characters: enough for the line a
    /// result shows and the words a reader searches a definition by.
    static let scriptSummaryLimit = 100

    /// One page's entry of `search-index.js`, serialized.
    static func scriptEntry(_ number: Int, site: LinkedSite) -> String {
        let page = site.pages[number]
        let kind: String
        switch page.kind {
        case .term: kind = "t"
        case .report: kind = "r"
        case .page, .home: kind = "p"
        }
        let items: [JSONValue] = [
            .string(kind), .string(page.title),
            .string(TextFormatting.excerpt(site.summaries[number], limit: scriptSummaryLimit)),
            .string(page.path),
        ] + page.aliases.map { .string($0.value) }
        return JSONValue.array(items).serialized()
    }
}
