import CDirectorySwap
import Foundation
import LoysiteSupport

/// Puts a finished folder in the place of another in one step, so that at every moment
/// the output path holds either the whole old site or the whole new one.
enum DirectorySwap {
    /// How the last swap was done, for tests: an exchange, or two renames.
    enum Method: Equatable { case exchange, twoRenames, rename }

    /// Moves `replacement` to `target`. If `target` exists, it is exchanged with
    /// `replacement` atomically (renameat2 RENAME_EXCHANGE), so afterwards the old
    /// content sits at `replacement`'s path for the caller to delete. Where the kernel or
    /// file system cannot exchange, the old content is first renamed to `asidePath` and
    /// then the replacement renamed into place: between those two renames `target` does
    /// not exist, and `StagingFolders.recover` puts the old site back if the process dies
    /// there. Returns the path holding the old content, if there was one.
    @discardableResult
    static func replace(_ target: URL, with replacement: URL, asidePath: URL) throws -> (old: URL?, method: Method) {
        var status = stat()
        guard lstat(target.path, &status) == 0 else {
            try rename(replacement, to: target)
            return (nil, .rename)
        }
        let faults = SwapFaults.current
        let forcesTwoRenames = faults?.forcesTwoRenames ?? false
        if !forcesTwoRenames, loysite_exchange_paths(replacement.path, target.path) == 0 {
            return (replacement, .exchange)
        }
        let exchangeError = forcesTwoRenames ? ENOSYS : errno
        guard exchangeError == ENOSYS || exchangeError == EINVAL || exchangeError == ENOTSUP || exchangeError == EXDEV else {
            throw FileError(.rename, path: target.path, code: exchangeError)
        }
        try rename(target, to: asidePath)
        do {
            try faults?.betweenRenames?()
            try rename(replacement, to: target)
        } catch {
            // The old site goes back at once; if even that fails, the next build's
            // `StagingFolders.recover` puts it back.
            try? rename(asidePath, to: target)
            throw error
        }
        return (asidePath, .twoRenames)
    }

    static func rename(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw FileError.current(.rename, path: destination.path)
        }
    }
}
