import Foundation
import LoysiteSupport

/// Turns one Markdown file into a `Page`, checking its front matter.
package enum PageLoader {
    /// Keys loysite reads itself; all others become `params`.
    static let knownKeys: Set<String> = ["title", "slug", "aliases", "summary", "category", "categories", "related", "draft", "date", "period"]
    /// Other generators' keys for a summary, in the order they stand in for `summary`.
    static let summaryFallbackKeys = ["description", "short_description", "oneliner"]
    static let periods: Set<String> = ["day", "week", "month", "quarter", "year"]

    /// Loads a page. Returns nil when the page cannot be built at all (its diagnostics
    /// say why); a page with only warnings is returned with them.
    /// A loaded page, or nil when it cannot be built, with its file's problems.
    package typealias Result = (page: Page?, diagnostics: [Diagnostic])

    package static func load(_ source: SourceText, kind: PageKind) -> Result {
        let fileStart = SourceLocation(file: source.path, line: 1, column: 1)
        let frontMatter: FrontMatter
        switch FrontMatter.split(source) {
        case .success(let value): frontMatter = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        guard let text = frontMatter.text else {
            let what = source.text.trimmingWhitespace().isEmpty ? "file is empty" : "file has no front matter"
            return (nil, [.error("\(what): a \(kind == .term ? "glossary term" : kind.rawValue) starts with a '---' block (YAML), '+++' block (TOML) or '{' object (JSON) giving at least 'title'", at: fileStart)])
        }
        let fields: PageFields
        if frontMatter.format == .yaml, let simple = SimpleFrontMatter.fields(text, path: source.path, firstLine: frontMatter.textFirstLine) {
            fields = simple
        } else if frontMatter.format == .toml, let simple = SimpleTOMLFrontMatter.fields(text, path: source.path, firstLine: frontMatter.textFirstLine) {
            fields = simple
        } else {
            let parsed: Swift.Result<YAMLDocument, Diagnostic>
            switch frontMatter.format {
            case .yaml:
                // libyaml's events where they give what Yams would; Yams (and its wording
                // of every error) for the rest.
                parsed = EventFrontMatter.document(text, path: source.path, firstLine: frontMatter.textFirstLine).map { .success($0) }
                    ?? YAMLDocument.parse(text, path: source.path, firstLine: frontMatter.textFirstLine)
            case .toml: parsed = TOMLFrontMatter.parse(text, path: source.path, firstLine: frontMatter.textFirstLine)
            case .json: parsed = JSONFrontMatter.parse(text, path: source.path, firstLine: frontMatter.textFirstLine)
            }
            switch parsed {
            case .success(let document): fields = PageFields(reading: document)
            case .failure(let diagnostic): return (nil, [diagnostic])
            }
        }
        let title = fields.title
        let slugField = fields.slug
        // An alias that starts with `/` is an old URL (Hugo, Zola), not a name.
        let names = (fields.aliases ?? []) + (fields.aka ?? [])
        let aliases = names.filter { !$0.value.hasPrefix("/") }
        let urlAliases = names.filter { $0.value.hasPrefix("/") } + (fields.redirectFrom ?? []).map { entry in
            entry.value.hasPrefix("/") ? entry : Located("/" + entry.value, at: entry.location)
        }
        let summary = [fields.summary].compactMap { $0 }.filter { !$0.value.isEmpty }.first
            ?? fields.summaryFallbacks.first { !$0.value.isEmpty }
        var categories = (fields.category ?? []).map(\.value)
        categories += (fields.categories ?? []).map(\.value)
        let related = fields.related ?? []
        let draft = fields.draft?.value ?? false
        let date = fields.date
        let period = fields.period
        var diagnostics = fields.diagnostics

        if let period, !periods.contains(period.value) {
            diagnostics.append(.error("'period' must be one of day, week, month, quarter, year, found '\(period.value)'", at: period.location))
        }
        // A title of the wrong type (a list) has its own error already.
        if !fields.titleHasWrongType, title == nil || title?.value.isEmpty == true {
            diagnostics.append(.error("missing 'title' in front matter", at: title?.location ?? SourceLocation(file: source.path, line: 1, column: 1)))
        }

        let slug = resolveSlug(source: source.path, field: slugField, diagnostics: &diagnostics)
        let formerURLs = slug.map { FormerURL.aliases(fields.formerURLs, pagePath: Page.path(kind: kind, slug: $0), diagnostics: &diagnostics) } ?? []
        let urlAliasPaths = (urlAliases + formerURLs).compactMap { URLAlias.path($0, diagnostics: &diagnostics) }
        var seenCategories = Set<String>()
        categories = categories.filter { !$0.isEmpty && seenCategories.insert($0.lowercased()).inserted }

        let params = fields.params
        guard let title, !title.value.isEmpty, let slug, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let page = Page(
            kind: kind, source: source.path, slug: slug, title: title.value, aliases: aliases,
            summary: summary?.value.isEmpty == false ? summary?.value : nil, summaryLocation: summary?.location,
            categories: categories, related: related, draft: draft, date: date?.value,
            period: period?.value, urlAliases: urlAliasPaths, params: params, body: frontMatter.body,
            bodyFirstLine: frontMatter.bodyFirstLine, location: title.location)
        return (page, diagnostics)
    }

    /// `slug:` must already be a slug; a file name is transliterated (`Café Rewards.md`
    /// → `cafe-rewards`) and rejected only if nothing usable is left.
    static func resolveSlug(source: String, field: Located<String>?, diagnostics: inout [Diagnostic]) -> String? {
        if let field {
            if let mdn = MDNSlug.slug(fromPath: field.value) { return mdn }
            guard Slug.isValid(field.value) else {
                let suggestion = Slug.make(from: field.value).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(.error("invalid slug '\(field.value)': a slug is lower-case letters, digits and '-' only\(suggestion)", at: field.location))
                return nil
            }
            return field.value
        }
        // The file name: after the last `/` (NSString's lastPathComponent, which also
        // drops trailing slashes, is kept for paths that have them).
        let name = source.isEmpty || source.hasSuffix("/") ? (source as NSString).lastPathComponent
            : source.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(source[source.utf8.index(after: $0)...]) } ?? source
        var stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        // A page bundle (Hugo): `glossary/<name>/index.md` is the page `<name>`.
        if stem == "index" {
            let folders = source.split(separator: "/").dropLast()
            if let folder = folders.last, folders.count > 2 { stem = String(folder) }
        }
        guard let slug = Slug.make(from: stem) else {
            diagnostics.append(.error("cannot make a URL slug from the file name '\(name)'; rename the file or give 'slug:' in front matter", at: SourceLocation(file: source, line: 1, column: 1)))
            return nil
        }
        return slug
    }
}
