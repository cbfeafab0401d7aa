import Foundation
import LoysiteContent
import LoysiteSupport

/// A new site being written into its staging folder beside the output
/// (`OutputWriter`'s steps 1 and 2), file by file and from any thread, then swapped in
/// whole (`commit`, step 3) or thrown away (`discard`). A build writes each page as
/// soon as it is rendered, so the whole site never has to be held in memory.
final class StagedSite: Sendable {
    let output: URL
    let folder: URL
    private let staging: StagingFolders

    /// Cleans up after killed builds and creates an empty staging folder.
    init(output: URL) throws {
        let manager = FileManager.default
        self.output = output
        staging = StagingFolders(output: output)
        try manager.createDirectory(at: staging.parent, withIntermediateDirectories: true)
        staging.recover()
        folder = staging.newSite
        try? manager.removeItem(at: folder)
        try manager.createDirectory(at: folder, withIntermediateDirectories: false)
    }

    /// Creates the folders that files at these relative paths go into, parents first,
    /// each level on every core. Every path is checked to stay inside the folder.
    func createFolders(for paths: [String]) throws {
        var folders = Set<String>()
        for path in paths {
            guard OutputWriter.safeRelativePath(path) != nil else { throw StagedSite.unsafe(path) }
            var parent = Substring(path)
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                guard folders.insert(String(parent)).inserted else { break }
            }
        }
        try FileSystem.createFolders(folders.map { folder.path + "/" + $0 })
    }

    /// The paths of the pages' files, for `createFolders` before they are rendered.
    func pagePaths(_ pages: [Page]) -> [String] {
        pages.map { $0.path + "index.html" }
    }

    /// Writes one file; its folder must exist (`createFolders`).
    func write(_ file: OutputFile) throws {
        guard OutputWriter.safeRelativePath(file.path) != nil else { throw StagedSite.unsafe(file.path) }
        try FileSystem.write(file.data, to: folder.path + "/" + file.path)
    }

    /// Swaps the staging folder in for the output, then deletes the old site.
    func commit() throws {
        let old = try DirectorySwap.replace(output, with: folder, asidePath: staging.oldSite).old
        if let old { FileSystem.removeTree(old.path) }
    }

    /// Deletes the staging folder; the output stays as it was.
    func discard() {
        FileSystem.removeTree(folder.path)
    }

    static func unsafe(_ path: String) -> Error {
        CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "refusing to write '\(path)': it is not a plain path inside the output folder"])
    }
}
