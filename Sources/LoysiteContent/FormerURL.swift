import LoysiteSupport

/// The URL a page was published at by the generator it was written for — Jekyll's
/// `permalink: /glossary/nps/`, Hugo's `url: /nps/` — which loysite does not follow: a page
/// is published at its own URL (`glossary/<slug>/`), so that links, the A–Z index and the
/// sitemap agree. What readers bookmarked keeps working: a former URL other than the
/// page's own becomes an old URL with a redirect, like `redirect_from`. Where no fixed
/// URL can be read from it (Jekyll's patterns and named styles, another site's address)
/// the page says so at the key's line.
enum FormerURL {
    /// Jekyll's built-in permalink styles, which name a pattern rather than a URL.
    static let jekyllStyles: Set<String> = ["date", "pretty", "ordinal", "weekdate", "none"]

    /// The `/`-aliases that carry `urls` over to a page published at `pagePath`
    /// (`glossary/nps/`): none for the page's own URL, a warning for what names no URL.
    static func aliases(_ urls: [Located<String>], pagePath: String, diagnostics: inout [Diagnostic]) -> [Located<String>] {
        urls.compactMap { url in
            let text = url.value
            guard !text.isEmpty else { return nil }
            if text.contains(":") || jekyllStyles.contains(text) {
                let what = text.contains("://") ? "an address on another site" : "a pattern, not a URL"
                diagnostics.append(.warning("'\(text)' is \(what): loysite publishes this page at /\(pagePath) and writes no redirect for it", at: url.location))
                return nil
            }
            let alias = text.hasPrefix("/") ? url : Located("/" + text, at: url.location)
            var ignored: [Diagnostic] = []
            // The page's own URL, however written (`/glossary/nps`, `…/index.html`); its
            // `.html` file (`/glossary/nps.html`) is an old URL that gets a redirect.
            if let path = URLAlias.path(alias, diagnostics: &ignored), path.value == pagePath {
                return nil
            }
            return alias
        }
    }
}
