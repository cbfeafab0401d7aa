import Foundation
import LoysiteContent
import LoysiteSupport

/// What a link or image in a page's Markdown points at inside the site. Links are
/// written in many ways by the generators glossaries come from, and each is read as
/// its author meant it:
///
/// - `/glossary/nps/` (a site path), `/nps/` (a glossary that lived at the site root,
///   as in Hugo), `/en-US/docs/Glossary/NPS` (MDN);
/// - `nps.md`, `../nps.md`, `nps/index.md` (the source file), `nps.html` (Jekyll's
///   output beside the page), `../nps/` (Hugo's pretty URL of a sibling page);
/// - `images/chart.png` beside the term's file or in its bundle folder (copied into the
///   site next to the page);
/// - `loysite-ref:…`, made from `glossary_tooltip`, `ref`/`relref`, MDN `Glossary` and
///   Liquid `link`: a title, alias, slug or path;
/// - `g` (Hugo's documentation): the term the link's words name.
struct LinkResolver {
    enum Target: Equatable {
        case page(PageID, fragment: String)
        /// A file of the output (an asset, a copied image) by its site path.
        case file(String, fragment: String)
        /// Not checked: a link to something the converter is not told about.
        case unchecked
        case missing(String)
    }

    let index: PageIndex
    let page: Page
    let outputPaths: Set<String>?
    let resources: [String: String]

    func resolve(_ url: String, text: String) -> Target {
        let (path, fragment) = LinkResolver.splitFragment(url)
        if path.hasPrefix(ForeignSyntax.referenceScheme) {
            let name = String(path.dropFirst(ForeignSyntax.referenceScheme.count)).removingPercentEncoding ?? ""
            if let target = reference(name) { return .page(target, fragment: fragment) }
            return .missing("'\(name)' (named by another generator's shortcode, tag or macro) matches no page's title, alias, slug or file; its link was left out")
        }
        if path == "g", !text.isEmpty {
            if let target = index.page(matching: text) { return .page(target, fragment: fragment) }
            return .missing("glossary link [\(text)](g) matches no term's title, alias or slug; its link was left out")
        }
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? path : path
        if path.hasPrefix("/") {
            if let target = sitePath(decoded) { return target.with(fragment) }
            return .missing("link to '\(url)' matches no page of the site")
        }
        if path.isEmpty { return .unchecked }
        // Relative to the source file (how Markdown editors and Jekyll read it) …
        let folder = (page.source as NSString).deletingLastPathComponent
        let source = ((folder as NSString).appendingPathComponent(decoded) as NSString).standardizingPath
        if let output = resources[source] { return .file(output, fragment: fragment) }
        if let target = sourceFile(source) { return .page(target, fragment: fragment) }
        // … or to the page's URL (how a browser reads it: Hugo's `../other-term/`).
        let joined = RelativeURL.normalise(page.path + decoded)
        if let joined, let target = sitePath("/" + joined) { return target.with(fragment) }
        guard outputPaths != nil else {
            return decoded.hasSuffix(".md") ? .missing("link to '\(url)' matches no page of the site") : .unchecked
        }
        return .missing("link to '\(url)' matches no page or file of the site")
    }

    /// A site path (`/glossary/nps/`, `/nps/`, `/assets/style.css`, MDN's
    /// `/en-US/docs/Glossary/NPS`): a page, a file the build writes, or nil.
    func sitePath(_ path: String) -> Target? {
        if let target = index.page(atPath: path) { return .page(target, fragment: "") }
        // Jekyll's output names (`/glossary/event.html`) for the page's folder.
        if path.hasSuffix(".html"), !path.hasSuffix("/index.html"), let target = index.page(atPath: String(path.dropLast(5)) + "/") {
            return .page(target, fragment: "")
        }
        let parts = path.split(separator: "/").map(String.init)
        if parts.count == 1, let target = index.term(slug: parts[0]) { return .page(target, fragment: "") }
        if let glossary = parts.lastIndex(where: { $0.lowercased() == "glossary" }), glossary == parts.count - 2,
           let target = index.page(matching: parts[parts.count - 1].replacingOccurrences(of: "_", with: " ")) {
            return .page(target, fragment: "")
        }
        // MDN's path of the page (`Glossary/HTTP_2`, `Glossary/Block/CSS`), as `MDNSlug` reads it.
        if let glossary = parts.lastIndex(where: { $0.lowercased() == "glossary" }), glossary < parts.count - 1,
           let slug = Slug.make(from: parts[(glossary + 1)...].joined(separator: "-")), let target = index.term(slug: slug) {
            return .page(target, fragment: "")
        }
        let file = String(path.dropFirst())
        if let outputPaths {
            if outputPaths.contains(file) { return .file(file, fragment: "") }
            if outputPaths.contains(file.hasSuffix("/") ? file + "index.html" : file + "/index.html") { return .file(file.hasSuffix("/") ? file : file + "/", fragment: "") }
        } else if path.hasPrefix("/assets/") {
            return .file(file, fragment: "")
        }
        return nil
    }

    /// A page by its source file: `nps.md`, `nps/index.md`, `nps.html` (Jekyll's output
    /// name for `nps.md`), or a folder holding `index.md`.
    func sourceFile(_ source: String) -> PageID? {
        if let target = index.page(source: source) { return target }
        var stem = source
        if stem.hasSuffix(".html") { stem.removeLast(5) } else if stem.hasSuffix(".md") { stem.removeLast(3) } else { return nil }
        if stem.hasSuffix("/index") || stem.hasSuffix("/_index") { return nil }
        return index.page(source: stem + ".md") ?? index.page(source: stem + "/index.md")
    }

    /// What a shortcode, Liquid tag or macro names: a title, alias or slug (with the
    /// plurals and case auto-linking accepts), or a path to a page's file.
    func reference(_ name: String) -> PageID? {
        let trimmed = name.trimmingBlanks()
        if let target = index.page(matching: trimmed) ?? index.term(id: trimmed) { return target }
        // MDN's `Glossary("HTTP_2")`, `Glossary("Engine/Rendering")` name a page's MDN slug
        // (`Glossary/HTTP_2`), which is the term's slug once transliterated (`MDNSlug`).
        if let slug = Slug.make(from: trimmed.replacingOccurrences(of: "/", with: "-")), let target = index.term(slug: slug) { return target }
        var path = trimmed
        for prefix in ["/", "content/", "_glossary/", "glossary/"] where path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
        for suffix in ["/index.md", "/_index.md", ".md", ".html", "/"] where path.hasSuffix(suffix) { path.removeLast(suffix.count) }
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return index.term(slug: last) ?? index.page(matching: last) ?? index.page(source: (((page.source as NSString).deletingLastPathComponent as NSString).appendingPathComponent(trimmed) as NSString).standardizingPath)
    }

    static func splitFragment(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(of: "#") else { return (url, "") }
        return (String(url[..<hash]), String(url[hash...]))
    }
}

private extension LinkResolver.Target {
    func with(_ fragment: String) -> LinkResolver.Target {
        switch self {
        case .page(let target, _): return .page(target, fragment: fragment)
        case .file(let path, _): return .file(path, fragment: fragment)
        default: return self
        }
    }
}
