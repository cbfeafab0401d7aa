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
package struct Page: Sendable {
    package var kind: PageKind { didSet { path = Page.path(kind: kind, slug: slug) } }
    /// Path of the source file relative to the site root, e.g. `content/glossary/nps.md`.
    package var source: String
    package var slug: String { didSet { path = Page.path(kind: kind, slug: slug) } }
    package var title: String
    package var aliases: [Located<String>]
    /// The summary from front matter; nil means "use the first paragraph".
    package var summary: String?
    /// Where the front matter's summary (or what stands in for it) is written.
    package var summaryLocation: SourceLocation?
    /// Categories, the first being the primary one.
    package var categories: [String]
    /// `related` entries as written (slugs or titles); resolved when pages are linked.
    package var related: [Located<String>]
    package var draft: Bool
    /// `YYYY-MM-DD`, for reports (and any page that gives one).
    package var date: String?
    /// A report's own period (`day`, `week`, `month`, `quarter`, `year`).
    package var period: String?
    /// Old URLs of the page (`aliases` starting with `/`, `redirect_from`) as output
    /// folder paths (`old/url/`): each gets a page redirecting here.
    package var urlAliases: [Located<String>]
    /// Front-matter keys loysite does not know, in file order, for templates (`page.params`).
    package var params: [(String, JSONValue)]
    /// The Markdown after the front matter.
    package var body: String
    /// The line of the file on which `body` starts, so Markdown positions map to the file.
    package var bodyFirstLine: Int
    /// Where the title was written (or the file start), for complaints about the page.
    package var location: SourceLocation

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
    /// Stored (it is read for every link to the page), kept up to date with kind and slug.
    package private(set) var path: String

    static func path(kind: PageKind, slug: String) -> String {
        switch kind {
        case .term: return SiteLayout.Output.glossaryFolder + slug + "/"
        case .report: return SiteLayout.Output.reportsFolder + slug + "/"
        case .page: return "\(slug)/"
        case .home: return ""
        }
    }

    package var primaryCategory: String? { categories.first }
}
