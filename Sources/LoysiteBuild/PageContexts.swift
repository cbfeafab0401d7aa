import LoysiteContent
import LoysiteRender
import LoysiteSupport

/// Builds the values templates see. Every page gets `site`, `page`, `root` (the relative
/// path to the site root, e.g. `../../`), `generator`, and `jsonld` where it has one;
/// each kind adds its own (`term`, `groups`, `reports` …). See README "Templates".
struct PageContexts {
    let site: LinkedSite
    /// The same for every page, so made once: `site`'s members but `nav`, and the
    /// navigation items.
    private let siteFields: [(String, TemplateValue)]
    private let navigationItems: [SiteConfig.NavItem]

    init(site: LinkedSite) {
        self.site = site
        let config = site.config
        siteFields = [
            ("title", .string(config.title)), ("description", .string(config.description)), ("base_url", .string(config.baseURL)),
            ("language", .string(config.language)), ("currency", .string(config.currency)),
            // So the footer and the 404 page leave out a glossary or reports index with nothing in it.
            ("has_terms", .bool(!site.glossary.order.isEmpty)), ("has_reports", .bool(!site.reports.isEmpty)),
        ]
        navigationItems = PageContexts.navigation(site)
    }

    /// Folder path of the page being rendered (`glossary/nps/`), or nil for the 404 page,
    /// whose links must work from any address and so start from the site's base path.
    func href(to target: String, from path: String?) -> String {
        guard let path else { return site.config.basePath + target }
        return RelativeURL.link(from: path, to: target)
    }

    func root(from path: String?) -> String {
        guard let path else { return site.config.basePath }
        return RelativeURL.link(from: path, to: "")
    }

    func common(path: String?, title: String, kind: String, summary: String, canonical: Bool = true) -> TemplateObject {
        var nav: [TemplateValue] = []
        nav.reserveCapacity(navigationItems.count)
        for item in navigationItems {
            var href = item.url
            if item.url.hasPrefix("/"), !item.url.hasPrefix("//") {
                href = self.href(to: String(item.url.dropFirst()), from: path)
            }
            let itemPath = item.url.hasPrefix("/") ? String(item.url.dropFirst()) : nil
            let current = path.map { page in itemPath.map { !$0.isEmpty && page.hasPrefix($0) } ?? false } ?? false
            nav.append(["title": .string(item.title), "href": .string(href), "current": .bool(current)])
        }
        var page: TemplateObject = ["title": .string(title), "kind": .string(kind), "summary": .string(summary)]
        if canonical, let path { page["canonical"] = .string(site.absoluteURL(path)) }
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

    func link(_ number: Int, from path: String?, summary: Bool = false) -> TemplateObject {
        // Fields read one by one: `let page = site.pages[number]` would copy the whole
        // page (a dozen reference-counted fields) for every link of every page.
        var item: TemplateObject = [
            "title": .string(site.pages[number].title), "href": .string(href(to: site.pages[number].path, from: path)),
            "slug": .string(site.pages[number].slug),
        ]
        if summary { item["summary"] = .string(site.excerpts[number]) }
        if let date = site.pages[number].date {
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

    func term(_ number: Int) -> TemplateValue {
        // Fields read in place: `let page = site.pages[number]` copies the whole page, and
        // at 50,000 terms those reference counts were mostly cache misses.
        let path = site.pages[number].path
        var context = common(path: path, title: site.pages[number].title, kind: "term", summary: site.summaries[number])
        addToPage(&context, ["params": params(site.pages[number].params)])
        let aliases = site.pages[number].aliases.map(\.value)
        let categories = site.pages[number].categories
        // "Mentioned in" lists the pages that mention the term and are not already
        // listed under "Related terms" just above it.
        let related = Set(site.related[number])
        let backlinks = site.backlinks[number].filter { !related.contains($0) }
        var term: TemplateObject = [
            "aliases": .list(aliases.map { .string($0) }),
            "aliases_text": .string(aliases.joined(separator: ", ")),
            "categories": .list(categories.map { .string($0) }),
            "has_categories": .bool(!categories.isEmpty),
            "related": .list(site.related[number].map { .object(link($0, from: path, summary: true)) }),
            "has_related": .bool(!site.related[number].isEmpty),
            "backlinks": .list(backlinks.map { .object(link($0, from: path)) }),
            "has_backlinks": .bool(!backlinks.isEmpty),
            // The front matter's one-line definition only: `page.summary` falls back to
            // the body's first paragraph, which the page shows anyway.
            "summary": .string(site.pages[number].summary == nil ? "" : site.summaries[number]),
        ]
        if let previous = site.glossary.previous(of: number) { term["previous"] = .object(link(previous, from: path)) }
        if let next = site.glossary.next(of: number) { term["next"] = .object(link(next, from: path)) }
        context["term"] = .object(term)
        context["content"] = .string(site.bodies[number].html)
        context["jsonld"] = .string(StructuredData.definedTerm(number, site: site).serialized())
        return .object(context)
    }

    func report(_ number: Int) -> TemplateValue {
        bodyPage(number, kind: "report")
    }

    func freePage(_ number: Int) -> TemplateValue {
        bodyPage(number, kind: "page")
    }

    /// A page that is its Markdown body and front matter: reports and free pages.
    private func bodyPage(_ number: Int, kind: String) -> TemplateValue {
        let page = site.pages[number]
        var context = common(path: page.path, title: page.title, kind: kind, summary: site.summaries[number])
        var pageValues: TemplateObject = ["params": params(page.params)]
        if let date = page.date {
            pageValues["date"] = .string(date)
            pageValues["date_display"] = .string(TextFormatting.displayDate(date))
        }
        addToPage(&context, pageValues)
        context["content"] = .string(site.bodies[number].html)
        return .object(context)
    }

    func glossaryIndex() -> TemplateValue {
        let path = "glossary/"
        var context = common(path: path, title: "Glossary", kind: "glossary", summary: "All terms from A to Z.")
        context["count"] = .int(site.glossary.order.count)
        if let intro = site.glossaryIntroHTML { context["intro"] = .string(intro) }
        context["letters"] = .list(site.glossary.navigation.map { ["letter": .string($0.letter), "id": .string($0.id), "present": .bool($0.present)] })
        // Every term's entry made on any core, then grouped by letter.
        let entries = Parallel.map(site.glossary.order) { number -> TemplateValue in
            var item = link(number, from: path, summary: true)
            item["aliases_text"] = .string(site.pages[number].aliases.map(\.value).joined(separator: ", "))
            return .object(item)
        }
        var next = 0
        context["groups"] = .list(site.glossary.groups.map { group -> TemplateValue in
            let terms = Array(entries[next..<next + group.terms.count])
            next += group.terms.count
            return ["letter": .string(group.letter), "id": .string(group.id), "terms": .list(terms)]
        })
        context["jsonld"] = .string(StructuredData.definedTermSet(site: site))
        return .object(context)
    }

    func reportsIndex() -> TemplateValue {
        let path = "reports/"
        var context = common(path: path, title: "Reports", kind: "reports", summary: "Loyalty reports, newest first.")
        context["reports"] = .list(site.reports.map { .object(link($0, from: path, summary: true)) })
        context["has_reports"] = .bool(!site.reports.isEmpty)
        return .object(context)
    }

    func home(alerts: [String]) -> TemplateValue {
        var context = common(path: "", title: site.config.title, kind: "home", summary: site.config.description)
        context["reports"] = .list(site.reports.prefix(5).map { .object(link($0, from: "", summary: true)) })
        context["has_reports"] = .bool(!site.reports.isEmpty)
        let featured = site.featuredTerms
        let categories = Set(site.glossary.order.compactMap { site.pages[$0].primaryCategory?.lowercased() })
        context["glossary"] = [
            "count": .int(site.glossary.order.count),
            "category_count": .int(categories.count),
            "featured": .list(featured.map { .object(link($0, from: "", summary: true)) }),
            "has_featured": .bool(!featured.isEmpty),
            "has_terms": .bool(!site.glossary.order.isEmpty),
        ]
        context["dashboard"] = .string(site.dashboardHTML ?? "")
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
