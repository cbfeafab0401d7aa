import LoysiteContent
import LoysiteRender
import LoysiteSupport

/// Builds the values templates see. Every page gets `site`, `page`, `root` (the relative
/// path to the site root, e.g. `../../`), `generator`, and `jsonld` where it has one;
/// each kind adds its own (`term`, `groups`, `reports` …). See README "Templates".
///
/// Everything comes through `read` (a `SiteReader`), so a context made with a log
/// records what its file is made from.
struct PageContexts: Sendable {
    let read: SiteReader
    /// The same for every page, so made once: `site`'s members but `nav`, and the
    /// navigation items.
    private let siteFields: [(String, TemplateValue)]
    private let navigationItems: [NavigationItem]
    /// `config.basePath`, worked out once (`SiteConfig` parses base_url at every call).
    let basePath: String

    /// A navigation item with what every page's `nav` needs of it worked out once (the
    /// prefix tests and the path without its `/` were made again for every page).
    struct NavigationItem: Sendable {
        let title: String
        let url: String
        /// The site path a `/…` URL names (not `//…`), linked relatively from each page;
        /// nil: the URL as written.
        let sitePath: String?
        /// What a page's path starts with when the item is its current section; nil for
        /// URLs not starting with `/`.
        let sectionPath: String?

        init(_ item: SiteConfig.NavItem) {
            title = item.title
            url = item.url
            let rooted = item.url.hasPrefix("/")
            sitePath = rooted && !item.url.hasPrefix("//") ? String(item.url.dropFirst()) : nil
            sectionPath = rooted ? String(item.url.dropFirst()) : nil
        }
    }

    init(site: LinkedSite) {
        read = SiteReader(site)
        let config = read.config
        siteFields = [
            ("title", .string(config.title)), ("description", .string(config.description)), ("base_url", .string(config.baseURL)),
            ("language", .string(config.language)), ("currency", .string(config.currency)),
            // So the footer and the 404 page leave out a glossary or reports index with nothing in it.
            ("has_terms", .bool(read.hasTerms)), ("has_reports", .bool(read.hasReports)),
        ]
        navigationItems = read.navigation.map(NavigationItem.init)
        basePath = config.basePath
    }

    private init(read: SiteReader, siteFields: [(String, TemplateValue)], navigationItems: [NavigationItem], basePath: String) {
        self.read = read
        self.siteFields = siteFields
        self.navigationItems = navigationItems
        self.basePath = basePath
    }

    /// What templates get as `content` in place of a page's body, when set
    /// (`BodySplice`): the body is put in after the template's links are checked.
    private(set) var bodyStandIn: String?

    /// The same contexts giving `standIn` as every non-empty body.
    func standingIn(_ standIn: String) -> PageContexts {
        var contexts = self
        contexts.bodyStandIn = standIn
        return contexts
    }

    private func content(_ number: PageID) -> String {
        let body = read.body(number)
        guard let bodyStandIn, !body.isEmpty else { return body }
        return bodyStandIn
    }

    private static let sharedReads: [SiteRead] = [.site(.config), .site(.nonEmpty), .site(.navigation)]

    /// The same contexts noting what they read into `log` (nil: not noted).
    func logging(into log: ReadLog?) -> PageContexts {
        PageContexts(read: read.logging(into: log), siteFields: siteFields, navigationItems: navigationItems, basePath: basePath)
    }

    /// Folder path of the page being rendered (`glossary/nps/`), or nil for the 404 page,
    /// whose links must work from any address and so start from the site's base path.
    func href(to target: String, from path: String?) -> String {
        guard let path else { return read.config.basePath + target }
        return RelativeURL.link(from: path, to: target)
    }

    func root(from path: String?) -> String {
        guard let path else { return read.config.basePath }
        return RelativeURL.link(from: path, to: "")
    }

    func common(path: String?, title: String, kind: String, summary: String, canonical: Bool = true) -> TemplateObject {
        // What `init` read once for every page, noted for this one.
        read.log?.note(contentsOf: PageContexts.sharedReads)
        var nav: [TemplateValue] = []
        nav.reserveCapacity(navigationItems.count)
        for item in navigationItems {
            let href = item.sitePath.map { self.href(to: $0, from: path) } ?? item.url
            let current = path.map { page in item.sectionPath.map { !$0.isEmpty && page.hasPrefix($0) } ?? false } ?? false
            nav.append(["title": .string(item.title), "href": .string(href), "current": .bool(current)])
        }
        var page: TemplateObject = ["title": .string(title), "kind": .string(kind), "summary": .string(summary)]
        if canonical, let path { page["canonical"] = .string(read.absoluteURL(path)) }
        return [
            "site": .object(TemplateObject(uniqueMembers: siteFields + [("nav", .list(nav))])),
            "page": .object(page),
            "root": .string(root(from: path)),
            "generator": .string(LoysiteVersion.generator),
        ]
    }

    /// site.yml's `nav`, or a sensible default: glossary, reports (if any), free pages.
    static func navigation(_ site: LinkedSite) -> [SiteConfig.NavItem] {
        if !site.config.nav.isEmpty { return site.config.nav }
        var items: [SiteConfig.NavItem] = []
        if !site.glossary.order.isEmpty { items.append(.init(title: "Glossary", url: "/glossary/")) }
        if !site.reports.isEmpty { items.append(.init(title: "Reports", url: "/reports/")) }
        for number in site.freePages { items.append(.init(title: site.pages[number].title, url: "/" + site.pages[number].path)) }
        return items
    }

    func link(_ number: PageID, from path: String?, summary: Bool = false) -> TemplateObject {
        var item: TemplateObject = [
            "title": .string(read.title(number)), "href": .string(href(to: read.path(number), from: path)),
            "slug": .string(read.slug(number)),
        ]
        if summary { item["summary"] = .string(read.excerpt(number)) }
        if let date = read.date(number) {
            item["date"] = .string(date)
            item["date_display"] = .string(TextFormatting.displayDate(date))
        }
        return item
    }

    /// A page's front-matter keys loysite does not know (`page.params`).
    func params(_ params: [(String, JSONValue)]) -> TemplateValue {
        JSONValue.object(params).templateValue
    }

    /// Adds `params` (and whatever else) to a context's `page` object.
    private func addToPage(_ context: inout TemplateObject, _ values: TemplateObject) {
        guard case .object(let page)? = context["page"] else { return }
        context["page"] = .object(page.merging(values))
    }

    // MARK: Kinds

    func term(_ number: PageID) -> TemplateValue {
        let path = read.path(number)
        var context = common(path: path, title: read.title(number), kind: "term", summary: read.summary(number))
        addToPage(&context, ["params": params(read.params(number))])
        let aliases = read.aliases(number)
        let categories = read.categories(number)
        // "Mentioned in" lists the pages that mention the term and are not already
        // listed under "Related terms" just above it.
        let relatedPages = read.related(number)
        let related = Set(relatedPages)
        let backlinks = read.backlinks(number).filter { !related.contains($0) }
        var term: TemplateObject = [
            "aliases": .list(aliases.map { .string($0) }),
            "aliases_text": .string(aliases.joined(separator: ", ")),
            "categories": .list(categories.map { .string($0) }),
            "has_categories": .bool(!categories.isEmpty),
            "related": .list(relatedPages.map { .object(link($0, from: path, summary: true)) }),
            "has_related": .bool(!relatedPages.isEmpty),
            "backlinks": .list(backlinks.map { .object(link($0, from: path)) }),
            "has_backlinks": .bool(!backlinks.isEmpty),
            // The front matter's one-line definition only: `page.summary` falls back to
            // the body's first paragraph, which the page shows anyway.
            "summary": .string(read.frontSummary(number) == nil ? "" : read.summary(number)),
        ]
        if let previous = read.previous(number) { term["previous"] = .object(link(previous, from: path)) }
        if let next = read.next(number) { term["next"] = .object(link(next, from: path)) }
        context["term"] = .object(term)
        context["content"] = .string(content(number))
        context["jsonld"] = .string(StructuredData.definedTerm(number, read: read))
        return .object(context)
    }

    func report(_ number: PageID) -> TemplateValue {
        bodyPage(number, kind: "report")
    }

    func freePage(_ number: PageID) -> TemplateValue {
        bodyPage(number, kind: "page")
    }

    /// A page that is its Markdown body and front matter: reports and free pages.
    private func bodyPage(_ number: PageID, kind: String) -> TemplateValue {
        var context = common(path: read.path(number), title: read.title(number), kind: kind, summary: read.summary(number))
        var pageValues: TemplateObject = ["params": params(read.params(number))]
        if let date = read.date(number) {
            pageValues["date"] = .string(date)
            pageValues["date_display"] = .string(TextFormatting.displayDate(date))
        }
        addToPage(&context, pageValues)
        context["content"] = .string(content(number))
        return .object(context)
    }

    func glossaryIndex() -> TemplateValue {
        let path = "glossary/"
        var context = common(path: path, title: "Glossary", kind: "glossary", summary: "All terms from A to Z.")
        let glossary = read.glossary
        context["count"] = .int(glossary.order.count)
        if let intro = read.glossaryIntroHTML { context["intro"] = .string(intro) }
        context["letters"] = .list(glossary.navigation.map { ["letter": .string($0.letter), "id": .string($0.id), "present": .bool($0.present)] })
        // Every term's entry: kept by a session (their reads noted here), or made on any
        // core (each share with its own log); then grouped by letter.
        let parent = read.log
        let entries: [TemplateValue]
        if let fragments = read.fragments {
            if let parent { for number in glossary.order { parent.note(contentsOf: fragments.glossaryEntryReads[number]) } }
            entries = glossary.order.map { fragments.glossaryEntries[$0] }
        } else {
            let made = Parallel.map(glossary.order) { number -> (TemplateValue, [SiteRead]) in
                let log = parent.map { _ in ReadLog() }
                // A copy only to log into (a copy retains every array of the site).
                let contexts = log == nil ? self : logging(into: log)
                return (contexts.glossaryEntry(number), log?.reads ?? [])
            }
            if let parent { for (_, reads) in made { parent.note(contentsOf: reads) } }
            entries = made.map(\.0)
        }
        var next = 0
        context["groups"] = .list(glossary.groups.map { group -> TemplateValue in
            let terms = Array(entries[next..<next + group.terms.count])
            next += group.terms.count
            return ["letter": .string(group.letter), "id": .string(group.id), "terms": .list(terms)]
        })
        context["jsonld"] = .string(StructuredData.definedTermSet(read: read))
        return .object(context)
    }

    /// A term's entry on the A–Z page.
    func glossaryEntry(_ number: PageID) -> TemplateValue {
        var item = link(number, from: SiteLayout.Output.glossaryFolder, summary: true)
        item["aliases_text"] = .string(read.aliases(number).joined(separator: ", "))
        return .object(item)
    }

    func reportsIndex() -> TemplateValue {
        let path = "reports/"
        var context = common(path: path, title: "Reports", kind: "reports", summary: "Loyalty reports, newest first.")
        let reports = read.reports
        context["reports"] = .list(reports.map { .object(link($0, from: path, summary: true)) })
        context["has_reports"] = .bool(!reports.isEmpty)
        return .object(context)
    }

    func home() -> TemplateValue {
        let config = read.config
        var context = common(path: "", title: config.title, kind: "home", summary: config.description)
        let reports = read.reports
        context["reports"] = .list(reports.prefix(5).map { .object(link($0, from: "", summary: true)) })
        context["has_reports"] = .bool(!reports.isEmpty)
        let featured = read.featuredTerms
        let order = read.glossary.order
        let categories = Set(order.compactMap { read.categories($0).first?.lowercased() })
        context["glossary"] = [
            "count": .int(order.count),
            "category_count": .int(categories.count),
            "featured": .list(featured.map { .object(link($0, from: "", summary: true)) }),
            "has_featured": .bool(!featured.isEmpty),
            "has_terms": .bool(!order.isEmpty),
        ]
        context["dashboard"] = .string(read.dashboardHTML ?? "")
        let alerts = read.alerts
        context["alerts"] = .list(alerts.map { ["message": .string($0)] })
        context["has_alerts"] = .bool(!alerts.isEmpty)
        return .object(context)
    }

    func notFound() -> TemplateValue {
        .object(common(path: nil, title: "Page not found", kind: "404", summary: "This page does not exist.", canonical: false))
    }
}

extension JSONValue {
    /// The value as templates see it.
    var templateValue: TemplateValue {
        switch self {
        case .null: return ""
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .decimal(let text): return .string(text)
        case .string(let text): return .string(text)
        case .array(let items): return .list(items.map(\.templateValue))
        case .object(let members):
            var result = TemplateObject()
            for (key, value) in members { result[key] = value.templateValue }
            return .object(result)
        }
    }
}
