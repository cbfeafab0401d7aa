import Foundation
import LoysiteSupport

/// What a glossary folder copied from another generator holds besides term files: the
/// section's own text (Hugo's and Zola's `_index.md`, or an `index.md` beside the
/// terms), shown on the A–Z page, and the files that go with the terms (images, SVGs,
/// PDFs in a bundle folder or beside the term files), copied into the site at the same
/// place under `glossary/` so relative links and images to them work.
package struct GlossaryFolder: Sendable {
    /// The intro's file, `content/glossary/_index.md` or `content/glossary/index.md`.
    package var intro: SourceFile?
    /// Copied files: path from the root (`content/glossary/pod/diagram.svg`) → path in
    /// the output (`glossary/pod/diagram.svg`).
    package var resources: [String: String]
    /// `_index.md` files of sub-folders, which have no page to be shown on.
    package var diagnostics: [Diagnostic]

    package static let folder = SiteLayout.glossaryFolder

    package init(intro: SourceFile? = nil, resources: [String: String] = [:], diagnostics: [Diagnostic] = []) {
        self.intro = intro
        self.resources = resources
        self.diagnostics = diagnostics
    }

    /// Files that are never copied: Markdown (pages, section texts), and what editors and
    /// other generators keep beside content.
    static func isResource(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return !name.hasSuffix(".md") && unreadMarkdownExtension(name) == nil && !name.hasPrefix("_") && !name.hasSuffix("~")
            && !path.split(separator: "/").contains { $0.hasPrefix("_") }
    }

    /// Markdown under another extension (Jekyll's `.markdown`, `.mkd`, Docusaurus' `.mdx`):
    /// loysite reads terms from `.md` files only, and publishing such a file as it is
    /// would show its source. Its extension, or nil.
    static func unreadMarkdownExtension(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let extensionName = name[name.index(after: dot)...].lowercased()
        return ["markdown", "mdown", "mkd", "mkdn", "mdx"].contains(extensionName) ? extensionName : nil
    }

    /// Whether a glossary folder's `index.md` is its intro: when the folder also holds terms.
    static func indexIsIntro(_ paths: [String]) -> Bool {
        paths.contains("index.md") && paths.contains { $0 != "index.md" && $0.hasSuffix(".md") && !$0.hasPrefix("_") && !$0.contains("/_") }
    }

    package static func scan(root: URL) -> GlossaryFolder {
        let base = root.appendingPathComponent(folder).standardizedFileURL.path
        let paths = FileSystem.regularFiles(under: base).sorted()
        var result = GlossaryFolder(intro: nil, resources: [:], diagnostics: [])
        if paths.contains("_index.md") {
            result.intro = SourceFile(path: base + "/_index.md", relativePath: folder + "/_index.md", kind: .page)
        } else if indexIsIntro(paths) {
            result.intro = SourceFile(path: base + "/index.md", relativePath: folder + "/index.md", kind: .page)
        }
        for path in paths {
            if path.hasSuffix("/_index.md") {
                result.diagnostics.append(.warning("section text '_index.md' of a sub-folder is not shown anywhere: loysite shows only content/glossary/_index.md (on the A–Z page)", at: SourceLocation(file: folder + "/" + path, line: 1, column: 1)))
            }
            if let kind = unreadMarkdownExtension(path.split(separator: "/").last.map(String.init) ?? path) {
                let renamed = String(path.split(separator: "/").last!.dropLast(kind.count)) + "md"
                let mdx = kind == "mdx" ? " (MDX: its imports and components would not carry over either)" : ""
                result.diagnostics.append(.warning("'.\(kind)' file is not read as a term: loysite reads terms from '.md' files only; rename it to '\(renamed)'\(mdx); it was left out of the site", at: SourceLocation(file: folder + "/" + path, line: 1, column: 1)))
            }
            if isResource(path) { result.resources[folder + "/" + path] = SiteLayout.Output.glossaryFolder + path }
        }
        if paths.contains("index.md"), paths.contains("_index.md"), indexIsIntro(paths) {
            result.diagnostics.append(.warning("index.md beside the terms is not used: the glossary's intro is content/glossary/_index.md", at: SourceLocation(file: folder + "/index.md", line: 1, column: 1)))
        }
        return result
    }

    /// The intro as a page at `glossary/` (its front matter, which needs no title, is
    /// left out: the A–Z page has its own), or the problems reading it.
    package static func loadIntro(_ file: SourceFile) -> (page: Page?, diagnostics: [Diagnostic]) {
        let source: SourceText
        switch SourceText.read(path: file.path, relativePath: file.relativePath) {
        case .success(let text): source = text
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        switch FrontMatter.split(source) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let split):
            guard !split.body.trimmingWhitespace().isEmpty else { return (nil, []) }
            // A free page with the slug `glossary` lives at `glossary/`, where the A–Z page is.
            let page = Page(kind: .page, source: file.relativePath, slug: "glossary", title: "Glossary", aliases: [], summary: nil,
                            categories: [], related: [], draft: false, date: nil, period: nil, params: [],
                            body: split.body, bodyFirstLine: split.bodyFirstLine, location: SourceLocation(file: file.relativePath, line: 1, column: 1))
            return (page, [])
        }
    }
}
