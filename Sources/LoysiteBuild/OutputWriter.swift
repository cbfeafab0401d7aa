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
        // One pass over the bytes: it runs for every file written (Character-based
        // splitting and comparison showed up in profiles at 10k pages). "/" "." and NUL
        // are ASCII, so they never occur inside a multi-byte UTF-8 sequence.
        var path = path
        let safe = path.withUTF8 { bytes -> Bool in
            var start = 0
            for end in 0...bytes.count {
                if end < bytes.count {
                    if bytes[end] == 0 { return false }
                    if bytes[end] != UInt8(ascii: "/") { continue }
                }
                let length = end - start
                if length == 0 { return false }
                if length <= 2, bytes[start] == UInt8(ascii: "."), length == 1 || bytes[start + 1] == UInt8(ascii: ".") { return false }
                start = end + 1
            }
            return true
        }
        return safe ? path : nil
    }
}
