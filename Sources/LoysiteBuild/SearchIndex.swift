import Foundation
import LoysiteContent
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
    /// The file's bytes (made as bytes, never a string: see `serializedObjectBytes`).
    static func json(read: SiteReader) -> Data {
        let order = read.glossary.order + read.reports + read.freePages
        // Each entry serialized on any core (or kept from the last build), then put together.
        let entries = SiteFragments.parts(order, \.searchEntries, read: read) { entry($0, read: $1) }
        return Data(JSONValue.serializedObjectBytes([], endingWithArray: "pages", of: entries, suffix: "\n"))
    }

    /// `window.loysiteSearchIndex = {"pages":[[kind, title, summary, path, alias…], …]};`
    /// in the A–Z order of the glossary, then reports, then free pages: the order the
    /// box breaks ties in.
    static func script(read: SiteReader) -> Data {
        let order = read.glossary.order + read.reports + read.freePages
        let entries = SiteFragments.parts(order, \.scriptEntries, read: read) { scriptEntry($0, read: $1) }
        return Data(JSONValue.serializedObjectBytes([], endingWithArray: "pages", of: entries,
                                                    prefix: "window.loysiteSearchIndex = ", suffix: ";\n"))
    }

    /// One page's entry, serialized.
    static func entry(_ number: PageID, read: SiteReader) -> String {
        var members: [(String, JSONValue)] = [
            ("title", .string(read.title(number))),
            ("kind", .string(read.kind(number).rawValue)),
            ("aliases", .array(read.aliases(number).map { .string($0) })),
            ("summary", .string(read.summary(number))),
            ("url", .string(read.config.basePath + read.path(number))),
        ]
        if let category = read.categories(number).first { members.append(("category", .string(category))) }
        return JSONValue.object(members).serialized()
    }

    /// The longest summary text the script keeps, in characters: enough for the line a
    /// result shows and the words a reader searches a definition by.
    static let scriptSummaryLimit = 100

    /// One page's entry of `search-index.js`, serialized.
    static func scriptEntry(_ number: PageID, read: SiteReader) -> String {
        let kind: String
        switch read.kind(number) {
        case .term: kind = "t"
        case .report: kind = "r"
        case .page, .home: kind = "p"
        }
        let items: [JSONValue] = [
            .string(kind), .string(read.title(number)),
            .string(TextFormatting.excerpt(read.summary(number), limit: scriptSummaryLimit)),
            .string(read.path(number)),
        ] + read.aliases(number).map { .string($0) }
        return JSONValue.array(items).serialized()
    }
}
