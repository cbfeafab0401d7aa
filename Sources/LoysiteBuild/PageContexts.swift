import LoysiteContent
import LoysiteRender
import LoysiteSupport

/// Builds the values templates see. Every page gets `site`, `page`, `root` (the relative
/// path to the site root, e.g. `../../`), `generator`, and `jsonld` where it has one;
/// each kind adds its own (`term`, `groups`, `reports` …). See README "Templates".
struct PageContexts {
    let site: LinkedSite

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

    func common(path: String?, title: String, kind: String, summary: String, canonical: Bool = true) -> [String: Any] {
        let config = site.config
        var nav: [[String: Any]] = []
        for item in navigation() {
            var href = item.url
            if item.url.hasPrefix("/"), !item.url.hasPrefix("//") {
                href = self.href(to: String(item.url.dropFirst()), from: path)
            }
            let itemPath = item.url.hasPrefix("/") ? String(item.url.dropFirst()) : nil
            let current = path.map { page in itemPath.map { !$0.isEmpty && page.hasPrefix($0) } ?? false } ?? false
            nav.append(["title": item.title, "href": href, "current": current])
        }
        var page: [String: Any] = ["title": title, "kind": kind, "summary": summary]
        if canonical, let path { page["canonical"] = site.absoluteURL(path) }
        return [
            "site": [
                "title": config.title, "description": config.description, "base_url": config.baseURL,
                "language": config.language, "currency": config.currency, "nav": nav,
            ] as [String: Any],
            "page": page,
            "root": root(from: path),
            "generator": LoysiteVersion.generator,
        ]
    }

    /// site.yml's `nav`, or a sensible default: glossary, reports (if any), free pages.
    func navigation() -> [SiteConfig.NavItem] {
        if !site.config.nav.isEmpty { return site.config.nav }
        var items: [SiteConfig.NavItem] = []
        if !site.glossary.order.isEmpty { items.append(.init(title: "Glossary", url: "/glossary/")) }
        if !site.reports.isEmpty { items.append(.init(title: "Reports", url: "/reports/")) }
        for number in site.freePages { items.append(.init(title: site.pages[number].title, url: "/" + site.pages[number].path)) }
        return items
    }

    func link(_ number: Int, from path: String?, summary: Bool = false) -> [String: Any] {
        let page = site.pages[number]
        var item: [String: Any] = ["title": page.title, "href": href(to: page.path, from: path), "slug": page.slug]
        if summary { item["summary"] = TextFormatting.excerpt(site.summaries[number]) }
        if let date = page.date {
            item["date"] = date
            item["date_display"] = TextFormatting.displayDate(date)
        }
        return item
    }

    func params(_ page: Page) -> [String: Any] {
        var result: [String: Any] = [:]
        for (key, value) in page.params { result[key] = value.templateValue }
        return result
    }

    // MARK: Kinds

    func term(_ number: Int) -> [String: Any] {
        let page = site.pages[number]
        let path = page.path
        var context = common(path: path, title: page.title, kind: "term", summary: site.summaries[number])
        var pageValues = context["page"] as! [String: Any]
        pageValues["params"] = params(page)
        context["page"] = pageValues
        let position = site.glossary.order.firstIndex(of: number)
        var term: [String: Any] = [
            "aliases": page.aliases.map(\.value),
            "aliases_text": page.aliases.map(\.value).joined(separator: ", "),
            "categories": page.categories,
            "has_categories": !page.categories.isEmpty,
            "related": site.related[number].map { link($0, from: path, summary: true) },
            "has_related": !site.related[number].isEmpty,
            "backlinks": site.backlinks[number].map { link($0, from: path) },
            "has_backlinks": !site.backlinks[number].isEmpty,
        ]
        if let position {
            if position > 0 { term["previous"] = link(site.glossary.order[position - 1], from: path) }
            if position + 1 < site.glossary.order.count { term["next"] = link(site.glossary.order[position + 1], from: path) }
        }
        context["term"] = term
        context["content"] = site.bodies[number].html
        context["jsonld"] = StructuredData.definedTerm(number, site: site).serialized()
        return context
    }

    func report(_ number: Int) -> [String: Any] {
        bodyPage(number, kind: "report")
    }

    func freePage(_ number: Int) -> [String: Any] {
        bodyPage(number, kind: "page")
    }

    /// A page that is its Markdown body and front matter: reports and free pages.
    private func bodyPage(_ number: Int, kind: String) -> [String: Any] {
        let page = site.pages[number]
        var context = common(path: page.path, title: page.title, kind: kind, summary: site.summaries[number])
        var pageValues = context["page"] as! [String: Any]
        pageValues["params"] = params(page)
        if let date = page.date {
            pageValues["date"] = date
            pageValues["date_display"] = TextFormatting.displayDate(date)
        }
        context["page"] = pageValues
        context["content"] = site.bodies[number].html
        return context
    }

    func glossaryIndex() -> [String: Any] {
        let path = "glossary/"
        var context = common(path: path, title: "Glossary", kind: "glossary", summary: "All terms from A to Z.")
        context["count"] = site.glossary.order.count
        context["letters"] = site.glossary.navigation.map { ["letter": $0.letter, "id": $0.id, "present": $0.present] as [String: Any] }
        context["groups"] = site.glossary.groups.map { group -> [String: Any] in
            [
                "letter": group.letter, "id": group.id,
                "terms": group.terms.map { number -> [String: Any] in
                    var item = link(number, from: path, summary: true)
                    item["aliases_text"] = site.pages[number].aliases.map(\.value).joined(separator: ", ")
                    return item
                },
            ]
        }
        context["jsonld"] = StructuredData.definedTermSet(site: site).serialized()
        return context
    }

    func reportsIndex() -> [String: Any] {
        let path = "reports/"
        var context = common(path: path, title: "Reports", kind: "reports", summary: "Loyalty reports, newest first.")
        context["reports"] = site.reports.map { link($0, from: path, summary: true) }
        context["has_reports"] = !site.reports.isEmpty
        return context
    }

    func home(alerts: [String]) -> [String: Any] {
        var context = common(path: "", title: site.config.title, kind: "home", summary: site.config.description)
        context["reports"] = site.reports.prefix(5).map { link($0, from: "", summary: true) }
        context["has_reports"] = !site.reports.isEmpty
        // The most-mentioned terms make a good way in.
        let featured = site.glossary.order
            .sorted { site.backlinks[$0].count != site.backlinks[$1].count ? site.backlinks[$0].count > site.backlinks[$1].count : site.glossary.order.firstIndex(of: $0)! < site.glossary.order.firstIndex(of: $1)! }
            .prefix(8)
        let categories = Set(site.glossary.order.compactMap { site.pages[$0].primaryCategory?.lowercased() })
        context["glossary"] = [
            "count": site.glossary.order.count,
            "category_count": categories.count,
            "featured": featured.map { link($0, from: "", summary: true) },
            "has_featured": !featured.isEmpty,
            "has_terms": !site.glossary.order.isEmpty,
        ] as [String: Any]
        context["dashboard"] = site.dashboardHTML ?? ""
        context["alerts"] = alerts.map { ["message": $0] }
        context["has_alerts"] = !alerts.isEmpty
        return context
    }

    func notFound() -> [String: Any] {
        common(path: nil, title: "Page not found", kind: "404", summary: "This page does not exist.", canonical: false)
    }
}

extension JSONValue {
    /// The value as templates see it.
    var templateValue: Any {
        switch self {
        case .null: return ""
        case .bool(let value): return value
        case .int(let value): return value
        case .double(let value): return value
        case .decimal(let text): return text
        case .string(let text): return text
        case .array(let items): return items.map(\.templateValue)
        case .object(let members):
            var result: [String: Any] = [:]
            for (key, value) in members { result[key] = value.templateValue }
            return result
        }
    }
}
