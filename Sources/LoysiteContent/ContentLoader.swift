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
                switch SourceText.read(file.url, relativePath: file.relativePath) {
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
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            return []
        }
        var files: [SourceFile] = []
        let base = folder.standardizedFileURL.path
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            guard name.hasSuffix(".md"), !name.hasPrefix("_"),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            let suffix = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : "/" + name
            files.append(SourceFile(url: url, relativePath: relative + suffix))
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }
}

/// A file found under `content/`: where it is, and how diagnostics name it.
struct SourceFile: Sendable {
    var url: URL
    var relativePath: String
}
