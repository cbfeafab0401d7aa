import Foundation
import LoysiteSupport

/// Decides whether the output folder may be replaced by a build. A build replaces the
/// whole folder (so files of pages that were deleted do not linger, as with Zola), which
/// is only safe for a folder that holds nothing but an earlier build. Refused, with an
/// error and nothing written:
///
/// - `/`, the home folder, the site root or any folder holding it, anything overlapping
///   `content/`, anything inside `templates/`;
/// - a symbolic link: the swap would replace the link itself, not the folder it points
///   to, which surprises whoever set the link up (pass the link's target instead);
/// - a file;
/// - a folder holding a `.git` folder (a deploy checkout, as Hugo users keep in
///   `public/`): the swap would delete the repository;
/// - a non-empty folder without the `metrics.json` that every loysite build writes: it
///   is someone else's folder.
///
/// A missing or empty folder, or an earlier build, is fine.
enum OutputFolderCheck {
    static func refusal(output: URL, root: URL) -> Diagnostic? {
        guard let reason = reason(output: output, root: root) else { return nil }
        return .error("refusing to write the site to \(output.path): \(reason); choose another --output", at: SourceLocation(file: output.path))
    }

    static func reason(output: URL, root: URL) -> String? {
        let manager = FileManager.default
        let out = output.resolvingSymlinksInPath().standardizedFileURL.path
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        // The account's home and $HOME (which a shell's `~` means) when they differ.
        let homes = Set(([manager.homeDirectoryForCurrentUser] + (ProcessInfo.processInfo.environment["HOME"].map { [URL(fileURLWithPath: $0)] } ?? []))
            .map { $0.resolvingSymlinksInPath().standardizedFileURL.path })
        let content = rootPath + "/content"
        func contains(_ outer: String, _ inner: String) -> Bool { inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/") }
        if out == "/" || output.standardizedFileURL.path == "/" { return "it is the file system root" }
        if homes.contains(out) { return "it is your home folder" }
        if contains(out, rootPath) { return "it holds the site root \(rootPath)" }
        if contains(content, out) || contains(out, content) { return "it overlaps the content folder" }
        if contains(rootPath + "/templates", out) { return "it is inside the templates folder" }

        var status = stat()
        guard lstat(output.path, &status) == 0 else { return nil }  // nothing there yet
        switch status.st_mode & S_IFMT {
        case S_IFLNK:
            return "it is a symbolic link (to \(out)); the build would replace the link, not the folder it points to; pass --output \(out)"
        case S_IFDIR:
            break
        default:
            return "it is a file, not a folder"
        }
        guard let entries = try? manager.contentsOfDirectory(atPath: output.path) else {
            return "it cannot be read"
        }
        if entries.isEmpty { return nil }
        if entries.contains(".git") {
            return "it holds a .git folder, which replacing the folder would delete; build into another folder and copy from there"
        }
        if !isEarlierBuild(output) {
            return "it is not empty and holds no metrics.json written by loysite, so it is not an earlier build; the build replaces the whole folder (empty or remove it first)"
        }
        return nil
    }

    /// Whether `folder` holds an earlier build: its `metrics.json` names loysite as
    /// generator (every build writes one, whatever the theme).
    static func isEarlierBuild(_ folder: URL) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent(SiteLayout.Output.metrics).path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 200), as: UTF8.self).replacingOccurrences(of: " ", with: "")
        return head.contains("\"generated_by\":\"loysite")
    }
}
