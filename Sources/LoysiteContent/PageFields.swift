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
    /// The URL the page had where it was written (Jekyll's `permalink`, Hugo's `url`):
    /// loysite publishes it at its own URL and redirects from this one.
    var formerURLs: [Located<String>] = []
    var params: [(String, JSONValue)] = []
    var diagnostics: [Diagnostic] = []
    /// `title:` is there but not a text (a list, say), which has its own error.
    var titleHasWrongType = false

    init() {}

    /// Keys read besides `PageLoader.knownKeys`: the summary fallbacks, `aka`,
    /// `redirect_from` and the former-URL keys.
    static let otherReadKeys: Set<String> = Set(PageLoader.summaryFallbackKeys + ["aka", "redirect_from"] + formerURLKeys)
    /// Other generators' keys for the URL a page is published at, in the order they are read.
    static let formerURLKeys = ["permalink", "url"]

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
        let akaEntries = PageFields.akaEntries(document)
        aka = akaEntries == nil ? fields.stringList("aka") : akaEntries!.names
        redirectFrom = fields.stringList("redirect_from")
        // Only a text is a URL; anything else under these names stays a template param,
        // as it was before loysite read them.
        formerURLs = PageFields.formerURLKeys.compactMap { key in
            guard let entry = document[key], case .scalar = entry.value else { return nil }
            return fields.string(key)
        }
        diagnostics = fields.diagnostics + (akaEntries?.diagnostics ?? [])
        params = fields.unreadEntries.filter { akaEntries == nil || $0.key.lowercased() != "aka" }.map { ($0.key, $0.value.json) }
        titleHasWrongType = document["title"].map { entry in
            if case .scalar = entry.value { return false }
            return true
        } ?? false
    }

    /// `aka` written as a list of entries with a `title` each (the statecharts.dev
    /// glossary's `- {title: Composite state, url: …, oneliner: …}`): their titles are
    /// the names. Nil when no item is a mapping (read as a plain list of names).
    static func akaEntries(_ document: YAMLDocument) -> (names: [Located<String>], diagnostics: [Diagnostic])? {
        guard let entry = document["aka"], case .sequence(let items) = entry.value,
              items.contains(where: { if case .mapping = $0 { return true } else { return false } }) else { return nil }
        var names: [Located<String>] = []
        var diagnostics: [Diagnostic] = []
        for item in items {
            let location = item.mark == nil ? entry.valueLocation : document.locate(item)
            switch item {
            case .scalar:
                if let text = item.scalarText?.trimmingBlanks(), !text.isEmpty { names.append(Located(text, at: location)) }
            case .mapping(let mapping):
                let name = mapping.first { ["title", "name"].contains($0.key.scalarText?.lowercased() ?? "") }?.value
                guard let name, case .scalar = name, let text = name.scalarText?.trimmingBlanks(), !text.isEmpty else {
                    diagnostics.append(.error("'aka' entries that are mappings need a 'title' (the other name); this one has none", at: location))
                    continue
                }
                names.append(Located(text, at: name.mark == nil ? location : document.locate(name)))
            default:
                diagnostics.append(.error("'aka' must be a list of names; this item is \(item.kindDescription)", at: location))
            }
        }
        return (names, diagnostics)
    }
}
