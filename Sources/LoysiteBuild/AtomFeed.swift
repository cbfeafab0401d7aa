import LoysiteSupport

/// `feed.xml`: an Atom feed of the reports, newest first. Its timestamps come from the
/// reports' dates only, so the same content always gives the same feed.
enum AtomFeed {
    /// Atom ids must be absolute IRIs. With an absolute `base_url` they are the pages'
    /// URLs; with a bare path (the default `/`) a stable URN stands in for them.
    static func id(_ path: String, read: SiteReader) -> String {
        read.config.baseURL.hasPrefix("/") ? "urn:loysite:" + (path.isEmpty ? "site" : path) : read.absoluteURL(path)
    }

    static func xml(read: SiteReader) -> String {
        let feedURL = read.absoluteURL(SiteLayout.Output.feed)
        let reports = read.reports
        let updated = reports.compactMap { read.date($0) }.max() ?? "1970-01-01"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(Escape.xml(read.config.title)) — reports</title>
          <id>\(Escape.xml(id(SiteLayout.Output.feed, read: read)))</id>
          <link rel="self" href="\(Escape.xml(feedURL))"/>
          <link href="\(Escape.xml(read.absoluteURL(SiteLayout.Output.reportsFolder)))"/>
          <updated>\(updated)T00:00:00Z</updated>
          <author><name>\(Escape.xml(read.config.title))</name></author>
          <generator>loysite</generator>

        """
        for number in reports {
            let path = read.path(number)
            let url = read.absoluteURL(path)
            xml += """
              <entry>
                <title>\(Escape.xml(read.title(number)))</title>
                <id>\(Escape.xml(id(path, read: read)))</id>
                <link href="\(Escape.xml(url))"/>
                <updated>\(read.date(number) ?? updated)T00:00:00Z</updated>
                <summary>\(Escape.xml(read.summary(number)))</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return xml
    }
}
