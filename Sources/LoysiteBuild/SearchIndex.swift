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
        // The base path once (SiteConfig works it out from base_url at every call).
        let basePath = read.config.basePath
        let entries = SiteFragments.parts(order, \.searchEntries, read: read) { entry($0, read: $1, basePath: basePath) }
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

    /// One page's entry, serialized (straight to bytes: there is one per page).
    /// `basePath`: `read.config.basePath`, when the caller has it.
    static func entry(_ number: PageID, read: SiteReader, basePath: String? = nil) -> String {
        let config = read.config
        var json = JSONWriter(capacity: 384)
        json.beginObject()
        json.member("title", read.title(number))
        json.member("kind", read.kind(number).rawValue)
        json.key("aliases")
        json.strings(read.aliases(number))
        json.member("summary", read.summary(number))
        json.member("url", (basePath ?? config.basePath) + read.path(number))
        if let category = read.categories(number).first { json.member("category", category) }
        json.endObject()
        return json.text
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
        var json = JSONWriter(capacity: 256)
        json.beginArray()
        json.string(kind)
        json.string(read.title(number))
        json.string(TextFormatting.excerpt(read.summary(number), limit: scriptSummaryLimit))
        json.string(read.path(number))
        for alias in read.aliases(number) { json.string(alias) }
        json.endArray()
        return json.text
    }
}
