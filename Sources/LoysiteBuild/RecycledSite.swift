import Foundation
import LoysiteSupport
import Synchronization

/// The site that the last swap put aside, kept beside the output
/// (`StagingFolders.spareSite`) and taken as the next build's staging folder. A rebuild
/// then writes over files that are already there instead of creating every folder and
/// file anew and deleting the whole old site after the swap: on tmpfs, creating a
/// 10,000-page site's folders and files costs about twice what writing over them does,
/// and deleting the old one as much again (`bench/file-writes.c`).
///
/// What ends up in the folder is exactly what the build would have written into an empty
/// one: whatever is found there and not written again — a page that is gone, a file
/// someone put into the site by hand, a symbolic link, a FIFO — is deleted before the
/// swap (`removeUnwritten`), and a file that has other names (hard-linked into a copy of
/// the site) is replaced, never written through.
final class RecycledSite: Sendable {
    let folder: String
    private let contents: Mutex<Contents>

    private struct Contents {
        /// Plain files and folders found in the spare, relative paths.
        var files: Set<String>
        var folders: Set<String>
        /// What this build wrote.
        var written: Set<String> = []
    }

    private init(folder: String, tree: FileSystem.Tree) {
        self.folder = folder
        contents = Mutex(Contents(files: Set(tree.files), folders: Set(tree.folderLevels.joined())))
    }

    /// Moves the spare to `folder` (one rename, so of two builds started together only
    /// one gets it) and lists it; nil when there is no spare or it cannot be moved.
    /// Links and special files found in it are deleted at once: a write must never
    /// follow one out of the folder.
    static func take(_ spare: URL, as folder: URL) -> RecycledSite? {
        var info = stat()
        guard lstat(spare.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
              Foundation.rename(spare.path, folder.path) == 0 else { return nil }
        let tree = FileSystem.tree(under: folder.path)
        let base = folder.path + "/"
        Parallel.forEach(tree.others) { _ = unlink(base + $0) }
        return RecycledSite(folder: folder.path, tree: tree)
    }

    /// Writes one file at `path` (relative, already checked to stay inside): over the
    /// plain file found there, or else as into an empty folder, after deleting what
    /// stands in the way (a folder where the file goes, a file where one of its folders
    /// goes, a file with other names).
    func write(_ data: Data, to path: String) throws {
        let full = folder + "/" + path
        let parent = RecycledSite.parent(of: path)
        let found = contents.withLock { contents -> (file: Bool, folder: Bool, parentFolder: Bool, blocking: [String]) in
            contents.written.insert(path)
            // Deleted under the lock: another thread writing into the same folder must
            // find the way clear once it gets the lock (rare: the site's shape changed).
            var blocking: [String] = []
            var ancestor = parent
            while let folder = ancestor {
                if contents.files.remove(folder) != nil {
                    blocking.append(folder)
                    unlink(self.folder + "/" + folder)
                }
                ancestor = RecycledSite.parent(of: folder)
            }
            // A folder where the file goes is deleted below; it must not be deleted again
            // (with the file) as one that nothing was written into.
            let folderThere = contents.folders.remove(path) != nil
            return (contents.files.contains(path), folderThere, parent.map { contents.folders.contains($0) } ?? true, blocking)
        }
        if found.file, found.parentFolder, try FileSystem.overwrite(data, at: full) { return }
        if found.file || found.folder { FileSystem.removeTree(full) }
        try FileSystem.write(data, to: full, folders: found.parentFolder && found.blocking.isEmpty ? .createdWhenMissing : .createdFirst)
    }

    /// Deletes every file and folder found in the spare that this build did not write
    /// (or write into): afterwards the folder holds exactly the files written.
    func removeUnwritten() {
        let (stale, unneededFolders) = contents.withLock { contents -> ([String], [String]) in
            var needed = Set<String>()
            for path in contents.written {
                var ancestor = RecycledSite.parent(of: path)
                while let folder = ancestor, needed.insert(folder).inserted {
                    ancestor = RecycledSite.parent(of: folder)
                }
            }
            let isNeeded = { (path: String) in RecycledSite.parent(of: path).map(needed.contains) ?? true }
            // Of folders no written file is in, only the topmost ones: each goes with all below it.
            let unneeded = contents.folders.filter { !needed.contains($0) && isNeeded($0) }
            let stale = contents.files.filter { !contents.written.contains($0) && isNeeded($0) }
            return (Array(stale), Array(unneeded))
        }
        let base = folder + "/"
        Parallel.forEach(stale) { _ = unlink(base + $0) }
        Parallel.forEach(unneededFolders) { FileSystem.removeTree(base + $0) }
    }

    /// `a/b` for `a/b/c`, nil for a top-level name.
    static func parent(of path: String) -> String? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return String(path[..<slash])
    }
}
