import LoysiteSupport

/// What a page is, which decides where it lives in the output.
package enum PageKind: String, Sendable, CaseIterable {
    /// A glossary term: `content/glossary/…` → `/glossary/<slug>/`.
    case term
    /// A report: `content/reports/…` → `/reports/<slug>/`.
    case report
    /// A free page: `content/pages/…` → `/<slug>/`.
    case page
    /// The home page's own content, `content/index.md` → `/` (the dashboard).
    case home

    /// The folder (from the site root) that holds pages of this kind; the home page's
    /// is `content/` itself.
    package var sourceFolder: String {
        switch self {
        case .term: return SiteLayout.glossaryFolder
        case .report: return SiteLayout.reportsFolder
        case .page: return SiteLayout.pagesFolder
        case .home: return SiteLayout.contentFolder
        }
    }
}

/// One Markdown page as loaded from disk: its front matter, read and checked, and its
/// body, not yet rendered.
///
/// A class with constant fields: a page is read from many places on every core (the
/// index, each conversion, every file linking to it), and `let page = pages[id]` then
/// costs one reference count, not one per field as a 17-field value did.
package final class Page: Sendable {
    package let kind: PageKind
    /// Path of the source file relative to the site root, e.g. `content/glossary/nps.md`.
    package let source: String
    package let slug: String
    package let title: String
    package let aliases: [Located<String>]
    /// The summary from front matter; nil means "use the first paragraph".
    package let summary: String?
    /// Where the front matter's summary (or what stands in for it) is written.
    package let summaryLocation: SourceLocation?
    /// Categories, the first being the primary one.
    package let categories: [String]
    /// `related` entries as written (slugs or titles); resolved when pages are linked.
    package let related: [Located<String>]
    package let draft: Bool
    /// `YYYY-MM-DD`, for reports (and any page that gives one).
    package let date: String?
    /// A report's own period (`day`, `week`, `month`, `quarter`, `year`).
    package let period: String?
    /// Old URLs of the page (`aliases` starting with `/`, `redirect_from`) as output
    /// folder paths (`old/url/`): each gets a page redirecting here.
    package let urlAliases: [Located<String>]
    /// Front-matter keys loysite does not know, in file order, for templates (`page.params`).
    package let params: [(String, JSONValue)]
    /// The Markdown after the front matter.
    package let body: String
    /// The line of the file on which `body` starts, so Markdown positions map to the file.
    package let bodyFirstLine: Int
    /// Where the title was written (or the file start), for complaints about the page.
    package let location: SourceLocation

    package init(kind: PageKind, source: String, slug: String, title: String, aliases: [Located<String>], summary: String?, summaryLocation: SourceLocation? = nil,
                categories: [String], related: [Located<String>], draft: Bool, date: String?, period: String?,
                urlAliases: [Located<String>] = [], params: [(String, JSONValue)], body: String, bodyFirstLine: Int, location: SourceLocation) {
        self.kind = kind
        self.source = source
        self.slug = slug
        self.title = title
        self.aliases = aliases
        self.summary = summary
        self.summaryLocation = summaryLocation
        self.categories = categories
        self.related = related
        self.draft = draft
        self.date = date
        self.period = period
        self.urlAliases = urlAliases
        self.params = params
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.location = location
        self.path = Page.path(kind: kind, slug: slug)
    }

    /// The page's folder path in the output, without leading slash: `glossary/nps/`.
    /// Stored: it is read for every link to the page.
    package let path: String

    static func path(kind: PageKind, slug: String) -> String {
        switch kind {
        case .term: return SiteLayout.Output.glossaryFolder + slug + "/"
        case .report: return SiteLayout.Output.reportsFolder + slug + "/"
        case .page: return "\(slug)/"
        case .home: return ""
        }
    }

    package var primaryCategory: String? { categories.first }

    /// The same page with its body starting on another line of the file (the home page,
    /// whose front matter the loader may have been handed in front of the file's text).
    package func withBodyFirstLine(_ line: Int) -> Page {
        Page(kind: kind, source: source, slug: slug, title: title, aliases: aliases, summary: summary, summaryLocation: summaryLocation,
             categories: categories, related: related, draft: draft, date: date, period: period, urlAliases: urlAliases,
             params: params, body: body, bodyFirstLine: line, location: location)
    }
}
