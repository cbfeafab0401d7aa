import Foundation
import LoysiteSupport

/// Everything under `content/` that is Markdown, loaded and checked file by file.
/// (Datasets are loaded by `DatasetLoader`; cross-page checks happen when pages are linked.)
package struct LoadedContent: Sendable {
    package var config: SiteConfig
    package var pages: [Page]
    package var diagnostics: [Diagnostic]
}

package enum ContentLoader {
    /// Loads `site.yml` and every page. Drafts are dropped unless `includeDrafts`.
    /// Files are read in a stable order (sorted paths) so output never depends on the
    /// file system's order.
    package static func load(root: URL, includeDrafts: Bool) -> LoadedContent {
        let (config, configDiagnostics) = SiteConfig.load(root: root)
        let files = pageFiles(root: root)
        let loaded = Parallel.map(files) { load($0) }
        return assemble(config: config, configDiagnostics: configDiagnostics, loaded: loaded, includeDrafts: includeDrafts)
    }

    /// The pages and problems of `loaded` (the results for `pageFiles`, in order), drafts
    /// dropped unless `includeDrafts`.
    package static func assemble(config: SiteConfig, configDiagnostics: [Diagnostic], loaded: [PageLoader.Result], includeDrafts: Bool) -> LoadedContent {
        var diagnostics = configDiagnostics
        var pages: [Page] = []
        pages.reserveCapacity(loaded.count)
        // By index: `for result in loaded` copies every page once more.
        for number in loaded.indices {
            if !loaded[number].diagnostics.isEmpty { diagnostics += loaded[number].diagnostics }
            if let draft = loaded[number].page?.draft, includeDrafts || !draft { pages.append(loaded[number].page!) }
        }
        return LoadedContent(config: config, pages: pages, diagnostics: diagnostics)
    }

    /// Every page file: glossary terms, then reports, then free pages, each kind in
    /// sorted order, so output never depends on the file system's order.
    package static func pageFiles(root: URL) -> [SourceFile] {
        listedKinds.flatMap { kind in
            markdownFiles(in: root.appendingPathComponent(kind.sourceFolder), relativeTo: kind.sourceFolder, kind: kind)
        }
    }

    /// `files` (what `pageFiles` listed) after the file at `relativePath` (from the root)
    /// appeared or went, as listing again would find them — without listing 10,000
    /// files for one: the file and the folders above it looked at alone. nil when that
    /// cannot be told so: not a page file's name, or a glossary folder whose `index.md`
    /// may turn from a page into the glossary's text.
    package static func pageFiles(_ files: [SourceFile], changing relativePath: String, root: URL) -> [SourceFile]? {
        guard let kind = listedKinds.first(where: { relativePath.hasPrefix($0.sourceFolder + "/") }) else { return nil }
        let inFolder = relativePath.dropFirst(kind.sourceFolder.count + 1)
        let parts = inFolder.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = parts.last, name.hasSuffix(".md"), !name.hasPrefix("_"), parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }) else { return nil }
        let base = root.appendingPathComponent(kind.sourceFolder).standardizedFileURL.path
        // Whether the folder's own index.md is a page or the glossary's text depends on
        // the other files (`GlossaryFolder.indexIsIntro`).
        if kind == .term, parts == ["index.md"] || entry(base + "/index.md") != .missing { return nil }
        // The listing enters real folders only and takes regular files only.
        var folder = base
        for part in parts.dropLast() {
            folder += "/" + part
            switch entry(folder) {
            case .directory, .missing: continue
            case .regularFile, .other: return nil
            }
        }
        let path = base + "/" + inFolder
        let present: Bool
        switch entry(path) {
        case .regularFile: present = true
        case .missing: present = false
        // A folder or a link where the file was: what the listing finds there is not this.
        case .directory, .other: return nil
        }
        let listed = files.firstIndex { $0.relativePath == relativePath }
        var result = files
        switch (present, listed) {
        case (true, nil):
            // In its kind's part of the list (terms, reports, pages), in path order.
            let place = result.firstIndex { file in
                file.kind == kind ? file.relativePath > relativePath : listedKinds.firstIndex(of: file.kind)! > listedKinds.firstIndex(of: kind)!
            } ?? result.count
            result.insert(SourceFile(path: path, relativePath: relativePath, kind: kind), at: place)
        case (false, let index?): result.remove(at: index)
        default: break
        }
        return result
    }

    /// The kinds of page files, in the order `pageFiles` lists them.
    static let listedKinds: [PageKind] = [.term, .report, .page]

    enum Entry { case missing, directory, regularFile, other }

    /// What is at `path`, symbolic links not followed (as `FileSystem.regularFiles` walks).
    static func entry(_ path: String) -> Entry {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        default: return .other
        }
    }

    /// Reads and loads one page file.
    package static func load(_ file: SourceFile) -> PageLoader.Result {
        switch SourceText.read(path: file.path, relativePath: file.relativePath) {
        case .success(let source): return PageLoader.load(source, kind: file.kind)
        case .failure(let diagnostic): return (page: nil, diagnostics: [diagnostic])
        }
    }

    /// `*.md` files below `folder`, sorted, skipping hidden files and `_`-prefixed ones
    /// (Hugo's `_index.md` section pages and templates), and the glossary folder's own
    /// `index.md` beside terms (its intro text, `GlossaryFolder`).
    static func markdownFiles(in folder: URL, relativeTo relative: String, kind: PageKind) -> [SourceFile] {
        let base = folder.standardizedFileURL.path
        var files: [SourceFile] = []
        let paths = FileSystem.regularFiles(under: base)
        let skipsIndex = kind == .term && GlossaryFolder.indexIsIntro(paths)
        for path in paths where !(skipsIndex && path == "index.md") {
            // The file name, after the last slash, found on bytes (splitting every path
            // into components was most of listing 50,000 files).
            let utf8 = path.utf8
            let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
            let name = path[nameStart...]
            guard name.hasSuffix(".md"), !name.hasPrefix("_") else { continue }
            files.append(SourceFile(path: base + "/" + path, relativePath: relative + "/" + path, kind: kind))
        }
        files.sort { $0.relativePath < $1.relativePath }
        return files
    }
}

/// A page file found under `content/`: where it is, how diagnostics name it, and what
/// kind of page it holds.
package struct SourceFile: Sendable, Hashable {
    package var path: String
    package var relativePath: String
    package var kind: PageKind
}
