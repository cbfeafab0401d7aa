import Foundation
import LoysiteSupport

/// Writes a whole site next to the output folder and only then swaps it in, so a
/// failed or interrupted build leaves the previous site exactly as it was:
///
/// 1. folders left by builds that were killed are cleaned up (`StagingFolders.recover`);
/// 2. every file is written into `.<output>.loysite-new-<pid>` beside the output, each
///    path checked to stay inside it;
/// 3. the new folder and the old output are exchanged in one atomic step
///    (`DirectorySwap`), and the old site, now in the staging folder, is deleted.
///
/// Killed at any point, the output path holds the complete old or the complete new site.
enum OutputWriter {
    /// Refuses an output folder whose replacement would destroy something that is not a
    /// generated site (see `OutputFolderCheck`).
    static func check(output: URL, root: URL) -> Diagnostic? {
        OutputFolderCheck.refusal(output: output, root: root)
    }

    /// Writes `files` into a fresh folder beside `output`, then swaps it into place.
    static func write(_ files: [OutputFile], to output: URL) throws {
        let site = try StagedSite(output: output)
        do {
            try site.createFolders(for: files.map(\.path))
            let failures = Parallel.map(Array(files.indices)) { index -> Error? in
                do { try site.write(files[index]); return nil } catch { return error }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            try site.commit()
        } catch {
            site.discard()
            throw error
        }
    }

    /// `path` when it names a file strictly inside the output folder: relative, no
    /// empty, `.` or `..` component, no NUL. Pages' paths come from checked slugs and
    /// assets' from the theme folder; this is the last line of defence for both.
    static func safeRelativePath(_ path: String) -> String? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0") else { return nil }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        return path
    }
}
