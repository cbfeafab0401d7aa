import Foundation

/// How the watcher reads the tree: `lstat` on every entry, never entering a symbolic link.
extension Watcher {
    /// What a walk found: every file by path relative to `base`, the folders walked and
    /// the targets of followed links (absolute; the notifier watches both).
    struct Tree {
        var files: [String: Stamp] = [:]
        var folders: [WatchedPath] = []
        var linkTargets: [WatchedPath] = []
        var watchPaths: [WatchedPath] { folders + linkTargets }
    }

    /// Every file below the watched folders (see `scanTree`).
    func scan() -> [String: Stamp] { scanTree().files }

    var basePath: String { base.path.hasSuffix("/") ? base.path : base.path + "/" }

    /// Walks every watched folder. Hidden files and editors' backup files (`x.md~`,
    /// `.x.md.swp`) are left out.
    func scanTree() -> Tree {
        scanCount += 1
        var tree = Tree()
        for folder in folders {
            let folderPath = folder.standardizedFileURL.path
            var info = stat()
            guard lstat(folderPath, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                // A single watched file (not a folder).
                tree.files[Watcher.relative(folderPath, to: basePath)] = Watcher.stamp(info)
                tree.linkTargets.append(WatchedPath(path: folderPath, inode: UInt64(info.st_ino)))
                continue
            }
            visit(folderPath, into: &tree)
        }
        return tree
    }

    /// Adds one entry to `tree` as a build would read it: a folder with everything below
    /// it, a file, or a link (followed only to a regular file inside the root). An entry
    /// that does not exist adds nothing.
    func visit(_ entry: String, into tree: inout Tree) {
        let basePath = basePath
        let realBase = StaticFiles.realPath(base.path).map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? basePath
        var info = stat()
        guard lstat(entry, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            Watcher.add(entry, info, to: &tree, basePath: basePath, realBase: realBase)
            return
        }
        var stack = [WatchedPath(path: entry, inode: UInt64(info.st_ino))]
        while let directory = stack.popLast() {
            tree.folders.append(directory)
            for name in Watcher.names(in: directory.path) where !Watcher.isIgnored(name) {
                let path = directory.path + "/" + name
                guard lstat(path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    stack.append(WatchedPath(path: path, inode: UInt64(info.st_ino)))
                } else {
                    Watcher.add(path, info, to: &tree, basePath: basePath, realBase: realBase)
                }
            }
        }
    }

    /// A file, or a link, found with `info` from `lstat`.
    private static func add(_ path: String, _ info: stat, to tree: inout Tree, basePath: String, realBase: String) {
        if info.st_mode & S_IFMT == S_IFLNK, let target = StaticFiles.realPath(path), target.hasPrefix(realBase) {
            var targetInfo = stat()
            if stat(target, &targetInfo) == 0, targetInfo.st_mode & S_IFMT == S_IFREG {
                tree.files[relative(path, to: basePath)] = stamp(targetInfo)
                tree.linkTargets.append(WatchedPath(path: target, inode: UInt64(targetInfo.st_ino)))
                return
            }
        }
        // Regular files, links watched as links, and FIFOs or devices (stamped, never
        // opened): the build reports those, so their appearance is a change.
        tree.files[relative(path, to: basePath)] = stamp(info)
    }

    /// The entries of a folder (not `.` and `..`); empty if it cannot be read.
    static func names(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#")
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }

    static func relative(_ path: String, to basePath: String) -> String {
        path.hasPrefix(basePath) ? String(path.dropFirst(basePath.count)) : path
    }

    static func stamp(_ info: stat) -> Stamp {
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return Stamp(modified: modified, size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}
