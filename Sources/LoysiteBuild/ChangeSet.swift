import Foundation
import LoysiteContent
import LoysiteSupport

/// What changed since a session's previous build, the input of every step of the next
/// one. A full build is the same pipeline run with `everything`.
struct ChangeSet: Equatable {
    /// Page files, by number in the previous build's list, whose stamp changed; nil for
    /// everything (the first build, or an input that is not a page file: site.yml,
    /// templates, datasets, a page file added or removed).
    var pageFiles: [Int]?
    /// The page files of this build when some were added or removed (nil: the same list).
    var fileList: [SourceFile]?

    static let everything = ChangeSet(pageFiles: nil)

    var isEverything: Bool { pageFiles == nil }

    /// What changed since `previous`. `paths`: paths relative to the root a watcher saw
    /// change; nil means look at every page file's stamp.
    init(since previous: BuildSession.State, paths: [String]?, root: URL) {
        let number = Dictionary(uniqueKeysWithValues: previous.files.enumerated().map { ($1.relativePath, $0) })
        // Told what changed, and all of it page files (known, or new ones: their glossary
        // folder's `index.md` is an input apart), the other inputs need no look (on a
        // large glossary, listing its folder for other files is most of a body edit's time).
        let onlyPageFiles = paths.map { $0.allSatisfy { number[$0] != nil || (ChangeSet.couldBePageFile($0) && !$0.hasSuffix("/index.md")) } } ?? false
        guard onlyPageFiles || FileStamp.inputs(root: root) == previous.inputs else {
            self = .everything
            return
        }
        if let paths {
            var files: [Int] = []
            // Page files that appeared or went: the list changes.
            var comingOrGoing: [String] = []
            for path in Set(paths).sorted() {
                if let file = number[path] {
                    let stamp = FileStamp(path: previous.files[file].path)
                    if stamp != previous.stamps[file] { files.append(file) }
                    if stamp == nil { comingOrGoing.append(path) }
                } else if ChangeSet.couldBePageFile(path) {
                    comingOrGoing.append(path)
                }
            }
            pageFiles = files.sorted()
            if !comingOrGoing.isEmpty {
                // The last list with those files put in or taken out, else listed again.
                var list: [SourceFile]? = previous.files
                for path in comingOrGoing { list = list.flatMap { ContentLoader.pageFiles($0, changing: path, root: root) } }
                fileList = list ?? ContentLoader.pageFiles(root: root)
            }
        } else {
            let files = ContentLoader.pageFiles(root: root)
            if files != previous.files { fileList = files }
            pageFiles = previous.files.indices.filter { FileStamp(path: previous.files[$0].path) != previous.stamps[$0] }
        }
        // Listed again but the same (a file was touched and put back).
        if fileList == previous.files { fileList = nil }
    }

    init(pageFiles: [Int]?, fileList: [SourceFile]? = nil) {
        self.pageFiles = pageFiles
        self.fileList = fileList
    }

    /// Whether a changed path could be a page file a full build would load.
    static func couldBePageFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let inFolder = SiteLayout.pageFolderPrefixes.contains { path.hasPrefix($0) }
        return inFolder && name.hasSuffix(".md") && !name.hasPrefix("_") && !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}

/// What the load step found of the pages, the input of the steps after it.
struct PageChanges {
    /// Every page is new (a full build).
    var everything: Bool
    /// The pages whose file was read again.
    var pages: [PageID]
    /// Whether what the index reads of a page (`IndexedPage.Names`: title, aliases,
    /// slug, `id:`, kind, path) changed, so lookups, auto-links and every A–Z order can.
    var names: Bool
    /// Whether the index's own problems can change (a page they name moved within its file).
    var indexProblems: Bool
    /// When pages were added or removed: how the ids moved (`pages` then holds the
    /// added pages too, by new id).
    var renumbering: PageRenumbering?
    /// The names the changed and removed pages had (`IndexedPage.Names.mentionable`):
    /// text that mentions one may link differently now.
    var formerNames: [String] = []
    /// Pages whose text linked to a removed page.
    var linkingToRemoved: [PageID] = []

    static func names(of page: Page) -> [String] {
        IndexedPage(page).names.mentionable
    }

    static let all = PageChanges(everything: true, pages: [], names: true, indexProblems: true, renumbering: nil)
}
