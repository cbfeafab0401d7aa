import Foundation
import LoysiteSupport

/// Brings files of an output folder up to date in place, for rebuilds of a site that is
/// being served: a file whose bytes are unchanged is left alone, a changed one is
/// written beside it and renamed over it, so a reader sees the old file or the new one,
/// never half of one.
enum OutputUpdate {
    /// Writes the files of `files` that differ from what `folder` holds; returns how many.
    @discardableResult
    static func write(_ files: [OutputFile], into folder: URL) throws -> Int {
        let written = Parallel.map(Array(files.indices)) { index -> Result<Bool, Error> in
            let file = files[index]
            guard OutputWriter.safeRelativePath(file.path) != nil else { return .failure(StagedSite.unsafe(file.path)) }
            let path = folder.path + "/" + file.path
            // Read only a file of the same size: the A–Z page and the search index change
            // on most rebuilds, and reading them back was a tenth of a summary edit's time.
            var info = stat()
            if stat(path, &info) == 0, Int(info.st_size) == file.data.count, FileSystem.contents(of: path) == file.data { return .success(false) }
            let temporary = path + ".loysite-\(getpid())-\(index).tmp"
            do {
                try FileSystem.write(file.data, to: temporary, folders: .createdWhenMissing)
                guard rename(temporary, path) == 0 else {
                    let failure = FileError.current(.rename, path: path)
                    unlink(temporary)
                    throw failure
                }
                return .success(true)
            } catch {
                return .failure(error)
            }
        }
        var count = 0
        for result in written { count += try result.get() ? 1 : 0 }
        return count
    }

    /// Removes the pages at `pageFolders` (`glossary/old/`): their index.html, and the
    /// folder when nothing else is left in it. Returns how many files went.
    static func remove(pageFolders: [String], from folder: URL) throws -> Int {
        var count = 0
        for page in pageFolders {
            guard OutputWriter.safeRelativePath(page + SiteLayout.Output.home) != nil else { throw StagedSite.unsafe(page) }
            let path = folder.path + "/" + page + SiteLayout.Output.home
            if unlink(path) == 0 {
                count += 1
            } else if errno != ENOENT {
                throw FileError.current(.write, path: path)
            }
            // Left when a copied file or another page's folder is inside it.
            rmdir(folder.path + "/" + page)
        }
        return count
    }
}
