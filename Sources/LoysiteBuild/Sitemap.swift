import LoysiteContent
import LoysiteSupport

/// `sitemap.xml`: every page's absolute URL, in a stable order.
enum Sitemap {
    static func xml(read: SiteReader) -> String {
        let reports = read.reports
        var entries: [(path: String, page: PageID?)] = [("", nil), (SiteLayout.Output.glossaryFolder, nil)]
        if !reports.isEmpty { entries.append((SiteLayout.Output.reportsFolder, nil)) }
        entries += (read.glossary.order + reports + read.freePages).map { (read.path($0), $0) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (path, page) in entries {
            xml += "  <url><loc>\(Escape.xml(read.absoluteURL(path)))</loc>"
            if let page, let date = read.date(page) {
                xml += "<lastmod>\(date)</lastmod>"
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
