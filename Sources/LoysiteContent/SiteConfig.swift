import Foundation
import LoysiteSupport
import Yams

/// The settings of `content/site.yml`. Every key has a default, so a site needs no file.
package struct SiteConfig: Sendable {
    package struct NavItem: Sendable, Equatable {
        package var title: String
        package var url: String
        /// Where site.yml gives the url, for problems with it found after the build.
        package var location: SourceLocation?

        package init(title: String, url: String, location: SourceLocation? = nil) {
            self.title = title
            self.url = url
            self.location = location
        }

        /// Two items are the same link whatever line of site.yml they came from.
        package static func == (lhs: NavItem, rhs: NavItem) -> Bool {
            lhs.title == rhs.title && lhs.url == rhs.url
        }
    }

    /// A threshold on a computed figure (`alerts:` in site.yml); a fired alert is a warning.
    package struct Alert: Sendable {
        package var data: String
        package var value: String
        package var period: String?
        package var below: Double?
        package var above: Double?
        package var dropMoreThan: Double?
        package var location: SourceLocation

        package init(data: String, value: String, period: String? = nil, below: Double? = nil, above: Double? = nil, dropMoreThan: Double? = nil, location: SourceLocation) {
            self.data = data
            self.value = value
            self.period = period
            self.below = below
            self.above = above
            self.dropMoreThan = dropMoreThan
            self.location = location
        }
    }

    package var title = "Loyalty glossary"
    package var description = ""
    /// Absolute URL the site is published at, ending in `/`.
    package var baseURL = "/"
    package var language = "en"
    package var autolink = true
    package var unsafe = false
    /// Smart punctuation: curly quotes and dashes in Markdown (on by default, as in Hugo).
    package var smart = true
    package var period = "month"
    package var currency = "USD"
    package var nav: [NavItem] = []
    package var alerts: [Alert] = []
    /// Where the file is, for diagnostics (nil when there is none).
    package var source: String?

    package init() {}

    static let knownKeys: Set<String> = ["title", "description", "base_url", "language", "autolink", "unsafe", "smart", "period", "currency", "nav", "alerts"]

    /// Reads `content/site.yml` if it exists. Unknown keys are warnings.
    package static func load(root: URL) -> (config: SiteConfig, diagnostics: [Diagnostic]) {
        let path = SiteLayout.siteConfig
        let url = root.appendingPathComponent(path)
        var config = SiteConfig()
        // A symbolic link counts as there even when it points nowhere: that is an error.
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return (config, []) }
        config.source = path
        let source: SourceText
        switch SourceText.read(url, relativePath: path, inside: root) {
        case .success(let value): source = value
        case .failure(let diagnostic): return (config, [diagnostic])
        }
        let document: YAMLDocument
        switch YAMLDocument.parse(source.text, path: path, firstLine: 1) {
        case .success(let value): document = value
        case .failure(let diagnostic): return (config, [diagnostic])
        }
        var fields = FieldReader(document)
        if let value = fields.string("title") { config.title = value.value }
        if let value = fields.string("description") { config.description = value.value }
        if let value = fields.string("language") { config.language = value.value }
        if let value = fields.bool("autolink") { config.autolink = value.value }
        if let value = fields.bool("unsafe") { config.unsafe = value.value }
        if let value = fields.bool("smart") { config.smart = value.value }
        if let value = fields.string("base_url") {
            if let normalised = normaliseBaseURL(value.value) {
                config.baseURL = normalised
            } else {
                fields.diagnostics.append(.error("'base_url' must be an absolute URL such as https://example.org/ or a path starting with '/', found '\(value.value)'", at: value.location))
            }
        }
        if let value = fields.string("period") {
            if PageLoader.periods.contains(value.value) {
                config.period = value.value
            } else {
                fields.diagnostics.append(.error("'period' must be one of day, week, month, quarter, year, found '\(value.value)'", at: value.location))
            }
        }
        if let value = fields.string("currency") {
            let code = value.value.uppercased()
            if code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) {
                config.currency = code
            } else {
                fields.diagnostics.append(.error("'currency' must be a three-letter ISO 4217 code such as USD, EUR or GBP, found '\(value.value)'", at: value.location))
            }
        }
        var diagnostics = fields.diagnostics
        if let entry = document["nav"] { config.nav = readNav(entry, document: document, diagnostics: &diagnostics) }
        if let entry = document["alerts"] { config.alerts = readAlerts(entry, document: document, diagnostics: &diagnostics) }
        for entry in document.entries where !knownKeys.contains(entry.key.lowercased()) {
            diagnostics.append(.warning("unknown key '\(entry.key)' in site.yml (known keys: \(knownKeys.sorted().joined(separator: ", ")))", at: entry.keyLocation))
        }
        return (config, diagnostics)
    }

    /// `https://x.org/docs` → `https://x.org/docs/`; a bare path keeps its leading slash.
    package static func normaliseBaseURL(_ text: String) -> String? {
        let trimmed = text.trimmingBlanks()
        if trimmed.hasPrefix("/") {
            return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            return nil
        }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    /// The path part of `baseURL` (`/` or `/docs/`): the prefix of every URL on the site.
    package var basePath: String {
        if baseURL.hasPrefix("/") { return baseURL }
        guard let url = URL(string: baseURL) else { return "/" }
        let path = url.path.isEmpty ? "/" : url.path
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// A nav link may be a path (`/glossary/`, `about/`, `#top`) or an http(s) or mailto:
    /// URL. Other schemes are refused: `javascript:` would run script from every page,
    /// which safe mode never allows content to do.
    static func isSafeNavURL(_ url: String) -> Bool {
        let squeezed = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        guard let colon = squeezed.firstIndex(of: ":") else { return true }
        let scheme = squeezed[..<colon]
        if scheme.contains("/") || scheme.contains("?") || scheme.contains("#") { return true }  // a colon later in a path
        return ["http", "https", "mailto"].contains(scheme)
    }

    private static func readNav(_ entry: YAMLDocument.Entry, document: YAMLDocument, diagnostics: inout [Diagnostic]) -> [NavItem] {
        guard case .sequence(let items) = entry.value else {
            diagnostics.append(.error("'nav' must be a list of {title, url} entries", at: entry.valueLocation))
            return []
        }
        var nav: [NavItem] = []
        for item in items {
            guard case .mapping(let mapping) = item,
                  let title = mapping["title"]?.scalarText, let url = mapping["url"]?.scalarText else {
                diagnostics.append(.error("each 'nav' entry needs 'title' and 'url', like {title: Glossary, url: /glossary/}", at: document.locate(item)))
                continue
            }
            guard isSafeNavURL(url) else {
                let location = mapping["url"].map { document.locate($0) } ?? document.locate(item)
                diagnostics.append(.error("'nav' url '\(url)' must be a site path such as /glossary/ or an http(s) or mailto: URL", at: location))
                continue
            }
            nav.append(NavItem(title: title, url: url, location: mapping["url"].map { document.locate($0) }))
        }
        return nav
    }

    private static func readAlerts(_ entry: YAMLDocument.Entry, document: YAMLDocument, diagnostics: inout [Diagnostic]) -> [Alert] {
        guard case .sequence(let items) = entry.value else {
            diagnostics.append(.error("'alerts' must be a list, like [{data: nps-responses, value: nps, period: last, below: 30}]", at: entry.valueLocation))
            return []
        }
        var alerts: [Alert] = []
        for item in items {
            let location = document.locate(item)
            guard case .mapping(let mapping) = item, let data = mapping["data"]?.scalarText, let value = mapping["value"]?.scalarText else {
                diagnostics.append(.error("each alert needs 'data' and 'value', and one of 'below', 'above' or 'drop_more_than'", at: location))
                continue
            }
            func number(_ key: String) -> Double? {
                guard let node = mapping[key] else { return nil }
                guard let number = node.float ?? node.int.map(Double.init) else {
                    diagnostics.append(.error("alert '\(key)' must be a number, found \(node.kindDescription)", at: document.locate(node)))
                    return nil
                }
                return number
            }
            let alert = Alert(data: data, value: value, period: mapping["period"]?.scalarText, below: number("below"), above: number("above"), dropMoreThan: number("drop_more_than"), location: location)
            if alert.below == nil && alert.above == nil && alert.dropMoreThan == nil {
                diagnostics.append(.error("alert on '\(value)' needs a threshold: 'below', 'above' or 'drop_more_than'", at: location))
                continue
            }
            alerts.append(alert)
        }
        return alerts
    }
}
