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

    /// Writes one file, making its folders. (Made as files come, on every core: creating
    /// all page folders up front was a one-core pause of 60 ms at 10k pages, most of it
    /// waiting on the lock of their common parent folder.) The staging site starts empty
    /// and nearly every page has a folder of its own, so the folder is made before the
    /// file is opened.
    func write(_ file: OutputFile) throws {
        guard OutputWriter.safeRelativePath(file.path) != nil else { throw StagedSite.unsafe(file.path) }
        try FileSystem.write(file.data, to: folder.path + "/" + file.path, folders: .createdFirst)
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
