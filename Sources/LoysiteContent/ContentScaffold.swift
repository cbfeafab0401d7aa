import Foundation
import LoysiteMetrics
import LoysiteSupport

/// A new content file for `loysite new term|report|page "Title"`: front matter that
/// builds as it is, at the path the title's slug gives.
package struct ContentScaffold: Sendable, Equatable {
    /// What `loysite new` can create: the page kinds that live in a content folder.
    package enum Kind: String, Sendable, CaseIterable {
        case term, report, page

        package var pageKind: PageKind {
            switch self {
            case .term: return .term
            case .report: return .report
            case .page: return .page
            }
        }
    }

    package var kind: Kind
    package var title: String
    package var slug: String
    /// Where the file goes, relative to the site root: `content/glossary/<slug>.md`.
    package var relativePath: String
    /// The file's text.
    package var text: String

    /// - Parameters:
    ///   - slug: overrides the slug made from the title (`Slug.make`); must already be a slug.
    ///   - date: a report's `date:`, normally today (passed in so tests can fix it).
    package init(kind: Kind, title rawTitle: String, slug requestedSlug: String? = nil, date: CivilDate) throws(ScaffoldError) {
        let title = rawTitle.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw .emptyTitle }
        let slug: String
        if let requestedSlug {
            guard Slug.isValid(requestedSlug) else { throw .invalidSlug(requestedSlug, suggestion: Slug.make(from: requestedSlug)) }
            slug = requestedSlug
        } else {
            guard let made = Slug.make(from: title) else { throw .noSlug(title: title) }
            slug = made
        }
        // The build refuses a page at a URL loysite writes itself (`new page "Glossary"`).
        let path = Page.path(kind: kind.pageKind, slug: slug)
        if SiteLayout.Output.reservedPagePaths.contains(path) { throw .reservedURL(path: path) }
        self.kind = kind
        self.title = title
        self.slug = slug
        self.relativePath = "\(kind.pageKind.sourceFolder)/\(slug).md"
        self.text = ContentScaffold.text(kind: kind, title: title, date: date)
    }

    static func text(kind: Kind, title: String, date: CivilDate) -> String {
        let quotedTitle = ContentScaffold.yamlQuoted(title)
        switch kind {
        case .term:
            return """
            ---
            title: \(quotedTitle)
            # aliases: [Other name, ABBR]
            # summary: One sentence that defines the term.
            # category: Metrics
            # related: [another-term-slug]
            ---
            Define the term in a sentence or two, then say how it is measured and why it
            matters. Link other terms with double brackets around their title.

            """
        case .report:
            return """
            ---
            title: \(quotedTitle)
            date: \(date)
            # summary: What this report shows, in one sentence.
            # period: month
            ---
            Write the report here. Charts and headline figures are fenced blocks whose info
            string is `chart` or `metric`, naming a dataset of content/data/.

            """
        case .page:
            return """
            ---
            title: \(quotedTitle)
            # summary: What this page is about, in one sentence.
            ---
            Write the page here.

            """
        }
    }

    /// A YAML double-quoted scalar: any title survives, colons and quotes included.
    static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\x%02X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Writes the file under `root`, refusing to replace anything: an existing file at
    /// the path, or another page (in a subfolder, or with `slug:`) that already has the URL.
    /// Returns the file's URL.
    @discardableResult
    package func write(root: URL) throws(ScaffoldError) -> URL {
        let url = root.appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: url.path) { throw .exists(path: relativePath) }
        let content = ContentLoader.load(root: root, includeDrafts: true)
        if let other = content.pages.first(where: { $0.kind == kind.pageKind && $0.slug == slug }) {
            throw .urlTaken(url: "/" + other.path, by: other.source)
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // withoutOverwriting: O_EXCL, so a file created meanwhile is not replaced either.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            if FileManager.default.fileExists(atPath: url.path) { throw .exists(path: relativePath) }
            throw .cannotWrite(path: relativePath, reason: error.localizedDescription)
        }
        return url
    }
}

/// Why `loysite new` wrote nothing.
package enum ScaffoldError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyTitle
    /// Nothing usable for a URL is left of the title (emoji only, say).
    case noSlug(title: String)
    case invalidSlug(String, suggestion: String?)
    case exists(path: String)
    /// Another page already has the URL the new file would get.
    case urlTaken(url: String, by: String)
    case cannotWrite(path: String, reason: String)
    /// The URL is one loysite writes itself (`/glossary/`, `/reports/`, `/assets/` …).
    case reservedURL(path: String)

    package var description: String {
        switch self {
        case .emptyTitle:
            return "the title is empty; give one in quotes, like: loysite new term \"Net Promoter Score\""
        case .noSlug(let title):
            return "cannot make a URL slug from the title '\(title)'; pass --slug with lower-case letters, digits and '-'"
        case .invalidSlug(let slug, let suggestion):
            return "invalid slug '\(slug)': a slug is lower-case letters, digits and '-' only" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .exists(let path):
            return "\(path) already exists; not overwriting it (edit it, or choose another title or --slug)"
        case .urlTaken(let url, let source):
            return "\(source) already has the URL \(url); not creating a second page there (choose another title or --slug)"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .reservedURL(let path):
            return PageIndex.reservedURLMessage(path)
        }
    }
}
