import LoysiteSupport

/// What a page is, which decides where it lives in the output.
public enum PageKind: String, Sendable, CaseIterable {
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
    public var sourceFolder: String {
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
public struct Page: Sendable {
    public var kind: PageKind { didSet { path = Page.path(kind: kind, slug: slug) } }
    /// Path of the source file relative to the site root, e.g. `content/glossary/nps.md`.
    public var source: String
    public var slug: String { didSet { path = Page.path(kind: kind, slug: slug) } }
    public var title: String
    public var aliases: [Located<String>]
    /// The summary from front matter; nil means "use the first paragraph".
    public var summary: String?
    /// Where the front matter's summary (or what stands in for it) is written.
    public var summaryLocation: SourceLocation?
    /// Categories, the first being the primary one.
    public var categories: [String]
    /// `related` entries as written (slugs or titles); resolved when pages are linked.
    public var related: [Located<String>]
    public var draft: Bool
    /// `YYYY-MM-DD`, for reports (and any page that gives one).
    public var date: String?
    /// A report's own period (`day`, `week`, `month`, `quarter`, `year`).
    public var period: String?
    /// Old URLs of the page (`aliases` starting with `/`, `redirect_from`) as output
    /// folder paths (`old/url/`): each gets a page redirecting here.
    public var urlAliases: [Located<String>]
    /// Front-matter keys loysite does not know, in file order, for templates (`page.params`).
    public var params: [(String, JSONValue)]
    /// The Markdown after the front matter.
    public var body: String
    /// The line of the file on which `body` starts, so Markdown positions map to the file.
    public var bodyFirstLine: Int
    /// Where the title was written (or the file start), for complaints about the page.
    public var location: SourceLocation

    public init(kind: PageKind, source: String, slug: String, title: String, aliases: [Located<String>], summary: String?, summaryLocation: SourceLocation? = nil,
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
    public private(set) var path: String

    static func path(kind: PageKind, slug: String) -> String {
        switch kind {
        case .term: return SiteLayout.Output.glossaryFolder + slug + "/"
        case .report: return SiteLayout.Output.reportsFolder + slug + "/"
        case .page: return "\(slug)/"
        case .home: return ""
        }
    }

    public var primaryCategory: String? { categories.first }
}
