import LoysiteSupport

/// `feed.xml`: an Atom feed of the reports, newest first. Its timestamps come from the
/// reports' dates only, so the same content always gives the same feed.
enum AtomFeed {
    /// Atom ids must be absolute IRIs. With an absolute `base_url` they are the pages'
    /// URLs; with a bare path (the default `/`) a stable URN stands in for them.
    static func id(_ path: String, site: LinkedSite) -> String {
        site.config.baseURL.hasPrefix("/") ? "urn:loysite:" + (path.isEmpty ? "site" : path) : site.absoluteURL(path)
    }

    static func xml(site: LinkedSite) -> String {
        let feedURL = site.absoluteURL(SiteLayout.Output.feed)
        let updated = site.reports.compactMap { site.pages[$0].date }.max() ?? "1970-01-01"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(Escape.xml(site.config.title)) — reports</title>
          <id>\(Escape.xml(id(SiteLayout.Output.feed, site: site)))</id>
          <link rel="self" href="\(Escape.xml(feedURL))"/>
          <link href="\(Escape.xml(site.absoluteURL(SiteLayout.Output.reportsFolder)))"/>
          <updated>\(updated)T00:00:00Z</updated>
          <author><name>\(Escape.xml(site.config.title))</name></author>
          <generator>loysite</generator>

        """
        for number in site.reports {
            let page = site.pages[number]
            let url = site.absoluteURL(page.path)
            xml += """
              <entry>
                <title>\(Escape.xml(page.title))</title>
                <id>\(Escape.xml(id(page.path, site: site)))</id>
                <link href="\(Escape.xml(url))"/>
                <updated>\(page.date ?? updated)T00:00:00Z</updated>
                <summary>\(Escape.xml(site.summaries[number]))</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return xml
    }
}
