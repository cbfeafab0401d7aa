import LoysiteSupport

/// `sitemap.xml`: every page's absolute URL, in a stable order.
enum Sitemap {
    static func xml(site: LinkedSite) -> String {
        var paths = ["", SiteLayout.Output.glossaryFolder]
        if !site.reports.isEmpty { paths.append(SiteLayout.Output.reportsFolder) }
        paths += site.glossary.order.map { site.pages[$0].path }
        paths += site.reports.map { site.pages[$0].path }
        paths += site.freePages.map { site.pages[$0].path }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>\(Escape.xml(site.absoluteURL(path)))</loc>"
            if let number = site.index.page(atPath: path), let date = site.pages[number].date {
                xml += "<lastmod>\(date)</lastmod>"
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
