import LoysiteContent
import LoysiteRender
import LoysiteSupport

/// Pages at old URLs (`aliases: [/old/url/]` in Hugo and Zola, `redirect_from` in
/// Jekyll) that send readers and search engines on to the page's URL: a canonical link
/// and an immediate meta refresh, as Hugo and Zola write them. Nothing that lists
/// names (aliases, JSON-LD, the search index) shows them.
struct RedirectPages: Sendable {
    /// Output folder path of each redirect (`old/url/`) and the page it sends to.
    var redirects: [(path: String, page: PageID)] = []
    /// Redirects at the exact `.html` file an alias named (`old/url.html`), written beside
    /// the folder one so both old URLs keep working.
    var fileRedirects: [(path: String, page: PageID)] = []
    var diagnostics: [Diagnostic] = []

    init(index: PageIndex) {
        var taken: [String: (source: String, location: SourceLocation)] = [:]
        for number in index.pages.indices {
            for alias in index.pages[number].urlAliases {
                let path = URLAlias.folder(of: alias.value)
                let isFile = alias.value != path
                // `/glossary/nps.html` of the page at `glossary/nps/`: only the old file is
                // written, sending on to its folder, which is the page.
                let isOwnFolder = isFile && index.page(atPath: path) == number && !SiteLayout.Output.siteFiles.contains(alias.value)
                if !isOwnFolder {
                    if let owner = index.page(atPath: path) {
                        let other = index.pages[owner].source
                        diagnostics.append(.error("alias '/\(path)' would take the URL of \(other == index.pages[number].source ? "this page itself" : other); a redirect cannot replace a page", at: alias.location))
                        continue
                    }
                    if SiteLayout.Output.reservedPagePaths.contains(path) || path.hasPrefix(SiteLayout.Output.assetsFolder) {
                        diagnostics.append(.error("alias '/\(path)' is a URL loysite writes itself; a redirect cannot replace it", at: alias.location))
                        continue
                    }
                    if let earlier = taken[path] {
                        diagnostics.append(.error("alias '/\(path)' is also an alias in \(earlier.source); two pages cannot redirect from one URL", at: alias.location))
                        continue
                    }
                    taken[path] = (index.pages[number].source, alias.location)
                    redirects.append((path, number))
                }
                guard isFile else { continue }
                if SiteLayout.Output.siteFiles.contains(alias.value) {
                    diagnostics.append(.error("alias '/\(alias.value)' is a URL loysite writes itself; a redirect cannot replace it", at: alias.location))
                } else if let earlier = taken[alias.value] {
                    // Beside a folder redirect of its own, an old file another alias already
                    // redirects from is left to that one.
                    if isOwnFolder {
                        diagnostics.append(.error("alias '/\(alias.value)' is also an alias in \(earlier.source); two pages cannot redirect from one URL", at: alias.location))
                    }
                } else {
                    taken[alias.value] = (index.pages[number].source, alias.location)
                    fileRedirects.append((alias.value, number))
                }
            }
        }
    }

    /// The output paths of the redirect files.
    var outputPaths: [String] { redirects.map { $0.path + "index.html" } + fileRedirects.map(\.path) }

    func files(site: LinkedSite) -> [OutputFile] {
        let folders = redirects.map { (output: $0.path + "index.html", folder: $0.path, page: $0.page) }
        let files = fileRedirects.map { redirect in
            let slash = redirect.path.lastIndex(of: "/").map { redirect.path.index(after: $0) } ?? redirect.path.startIndex
            return (output: redirect.path, folder: String(redirect.path[..<slash]), page: redirect.page)
        }
        return (folders + files).map { redirect in
            let target = site.pages[redirect.page]
            let relative = RelativeURL.link(from: redirect.folder, to: target.path)
            let canonical = Escape.html(site.absoluteURL(target.path))
            let html = """
            <!DOCTYPE html>
            <html lang="\(Escape.html(site.config.language))">
            <head>
            <meta charset="utf-8">
            <title>\(Escape.html(target.title))</title>
            <link rel="canonical" href="\(canonical)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(Escape.html(relative))">
            </head>
            <body>
            <p>This page has moved to <a href="\(Escape.html(relative))">\(Escape.html(target.title))</a>.</p>
            </body>
            </html>

            """
            return OutputFile(path: redirect.output, text: html)
        }
    }
}
