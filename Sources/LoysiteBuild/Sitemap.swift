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
        xml.reserveCapacity(entries.count * 96)
        // Every URL is the base URL and a path (`LinkedSite.absoluteURL`), and escaping
        // goes character by character: the base read and escaped once, not once per
        // page (a title edit, which moves a term in the A–Z order, makes the sitemap again).
        let base = Escape.xml(read.absoluteURL(""))
        for (path, page) in entries {
            xml += "  <url><loc>"
            xml += base
            xml += Escape.xml(path)
            xml += "</loc>"
            if let page, let date = read.date(page) {
                xml += "<lastmod>\(date)</lastmod>"
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
