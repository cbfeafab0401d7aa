import Foundation
import LoysiteSupport

/// Writes a whole site next to the output folder and only then swaps it in, so a
/// failed or interrupted build leaves the previous site exactly as it was.
enum OutputWriter {
    /// Refuses output folders whose replacement would destroy something that is not a
    /// generated site: the root itself, anything holding the content, `/`, the home folder.
    static func check(output: URL, root: URL) -> Diagnostic? {
        let out = output.resolvingSymlinksInPath().standardizedFileURL.path
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        let home = FileManager.default.homeDirectoryForCurrentUser.resolvingSymlinksInPath().standardizedFileURL.path
        let content = rootPath + "/content"
        func contains(_ outer: String, _ inner: String) -> Bool { inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/") }
        let reason: String?
        if out == "/" { reason = "it is the file system root" }
        else if out == home { reason = "it is your home folder" }
        else if contains(out, rootPath) { reason = "it holds the site root \(rootPath)" }
        else if contains(content, out) || contains(out, content) { reason = "it overlaps the content folder" }
        else if contains(rootPath + "/templates", out) { reason = "it is inside the templates folder" }
        else { reason = nil }
        guard let reason else { return nil }
        return .error("refusing to write the site to \(output.path): \(reason); choose another --output", at: SourceLocation(file: output.path))
    }

    /// Writes `files` into a fresh folder beside `output`, then swaps it into place.
    static func write(_ files: [OutputFile], to output: URL) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).loysite-new-\(getpid())")
        let previous = parent.appendingPathComponent(".\(output.lastPathComponent).loysite-old-\(getpid())")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try writeFiles(files, into: staging.path)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        // Two renames: the old site steps aside, the new one takes its name. Between them
        // the old site is intact under `previous`; it is only deleted once the new one is in.
        FileSystem.removeTree(previous.path)
        let hadPrevious = manager.fileExists(atPath: output.path)
        if hadPrevious { try manager.moveItem(at: output, to: previous) }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            if hadPrevious { try? manager.moveItem(at: previous, to: output) }
            try? manager.removeItem(at: staging)
            throw error
        }
        if hadPrevious { FileSystem.removeTree(previous.path) }
    }

    /// Writes every file below `folder`, which exists: folders first, parents before
    /// children, then the files on every core.
    static func writeFiles(_ files: [OutputFile], into folder: String) throws {
        var folders = Set<String>()
        for file in files {
            var path = Substring(file.path)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard folders.insert(String(path)).inserted else { break }
            }
        }
        try FileSystem.createFolders(folders.map { folder + "/" + $0 })
        let failures = Parallel.map(Array(files.indices)) { index -> Error? in
            do {
                try FileSystem.write(files[index].data, to: folder + "/" + files[index].path)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }
}
