import LoysiteSupport

/// An old URL of a page (Hugo's and Zola's `aliases: [/old/url/]`, Jekyll's
/// `redirect_from`), where the build writes a page that redirects to the page's URL.
package enum URLAlias {
    /// `/old/url/` (or `/old/url`, `/old/url/index.html`) as the output folder path
    /// `old/url/`; `/old/url.html` as the file path `old/url.html` (Jekyll's
    /// `redirect_from` names the file a reader had bookmarked: the redirect is written
    /// there and at `old/url/`); nil with an error when it could leave the output folder
    /// or is not a plain path.
    static func path(_ alias: Located<String>, diagnostics: inout [Diagnostic]) -> Located<String>? {
        var text = alias.value
        if let cut = text.firstIndex(where: { $0 == "#" || $0 == "?" }) { text = String(text[..<cut]) }
        var isFile = false
        if text.hasSuffix("/index.html") { text.removeLast("index.html".count) }
        else if text.hasSuffix(".html") { text.removeLast(".html".count); isFile = true }
        let parts = text.split(separator: "/")
        guard !parts.isEmpty, !parts.contains(where: { $0 == "." || $0 == ".." || $0.hasPrefix(".") }),
              !text.contains("\\"), !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            diagnostics.append(.error("alias '\(alias.value)' is not a URL path loysite can write a redirect at (it must name a folder inside the site, like /old/url/)", at: alias.location))
            return nil
        }
        return Located(parts.joined(separator: "/") + (isFile ? ".html" : "/"), at: alias.location)
    }

    /// The output folder of an alias path: `old/url/` for both `old/url/` and `old/url.html`.
    package static func folder(of path: String) -> String {
        path.hasSuffix(".html") ? String(path.dropLast(".html".count)) + "/" : path
    }
}
