import LoysiteSupport

/// The front-matter fields `PageLoader` reads, each with where it was written, the
/// unknown keys (as template params) and any complaints about the values.
struct PageFields {
    var title: Located<String>?
    var slug: Located<String>?
    var aliases: [Located<String>]?
    var summary: Located<String>?
    var category: [Located<String>]?
    var categories: [Located<String>]?
    var related: [Located<String>]?
    var draft: Located<Bool>?
    var date: Located<String>?
    var period: Located<String>?
    /// Summaries under other generators' names, in the order they stand in for `summary`
    /// (SPEC §1): `description`, `short_description` (Kubernetes), `oneliner`.
    var summaryFallbacks: [Located<String>] = []
    /// `aka` (Kubernetes): more names, as `aliases`.
    var aka: [Located<String>]?
    /// `redirect_from` (Jekyll's redirect plugin): old URLs, as `/`-aliases.
    var redirectFrom: [Located<String>]?
    var params: [(String, JSONValue)] = []
    var diagnostics: [Diagnostic] = []
    /// `title:` is there but not a text (a list, say), which has its own error.
    var titleHasWrongType = false

    init() {}

    /// Keys read besides `PageLoader.knownKeys`: the summary fallbacks, `aka`, `redirect_from`.
    static let otherReadKeys: Set<String> = Set(PageLoader.summaryFallbackKeys + ["aka", "redirect_from"])

    /// Reads the fields of a parsed YAML document.
    init(reading document: YAMLDocument) {
        var fields = FieldReader(document)
        title = fields.string("title")
        slug = fields.string("slug")
        aliases = fields.stringList("aliases")
        summary = fields.string("summary")
        category = fields.stringList("category")
        categories = fields.stringList("categories")
        related = fields.stringList("related")
        draft = fields.bool("draft")
        date = fields.date("date")
        period = fields.string("period")
        summaryFallbacks = PageLoader.summaryFallbackKeys.compactMap { fields.string($0) }
        aka = fields.stringList("aka")
        redirectFrom = fields.stringList("redirect_from")
        diagnostics = fields.diagnostics
        params = fields.unreadEntries.map { ($0.key, $0.value.json) }
        titleHasWrongType = document["title"].map { entry in
            if case .scalar = entry.value { return false }
            return true
        } ?? false
    }
}
