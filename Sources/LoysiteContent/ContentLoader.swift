import Foundation
import LoysiteSupport

/// Everything under `content/` that is Markdown, loaded and checked file by file.
/// (Datasets are loaded by `DatasetLoader`; cross-page checks happen when pages are linked.)
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var pages: [Page]
    public var diagnostics: [Diagnostic]
}

public enum ContentLoader {
    /// Loads `site.yml` and every page. Drafts are dropped unless `includeDrafts`.
    /// Files are read in a stable order (sorted paths) so output never depends on the
    /// file system's order.
    public static func load(root: URL, includeDrafts: Bool) -> LoadedContent {
        let (config, configDiagnostics) = SiteConfig.load(root: root)
        var diagnostics = configDiagnostics
        var pages: [Page] = []
        for kind in [PageKind.term, .report, .page] {
            let folder = "content/\(kind.folder)"
            let files = markdownFiles(in: root.appendingPathComponent(folder), relativeTo: folder)
            let loaded = Parallel.map(files) { file in
                switch SourceText.read(path: file.path, relativePath: file.relativePath) {
                case .success(let source): return PageLoader.load(source, kind: kind)
                case .failure(let diagnostic): return (page: nil, diagnostics: [diagnostic])
                }
            }
            for result in loaded {
                diagnostics += result.diagnostics
                if let page = result.page, includeDrafts || !page.draft { pages.append(page) }
            }
        }
        return LoadedContent(config: config, pages: pages, diagnostics: diagnostics)
    }

    /// `*.md` files below `folder`, sorted, skipping hidden files and `_`-prefixed ones
    /// (Hugo's `_index.md` section pages and templates).
    static func markdownFiles(in folder: URL, relativeTo relative: String) -> [SourceFile] {
        let base = folder.standardizedFileURL.path
        let files = FileSystem.regularFiles(under: base).compactMap { path -> SourceFile? in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard name.hasSuffix(".md"), !name.hasPrefix("_") else { return nil }
            return SourceFile(path: base + "/" + path, relativePath: relative + "/" + path)
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }
}

/// A file found under `content/`: where it is, and how diagnostics name it.
struct SourceFile: Sendable {
    var path: String
    var relativePath: String
}
