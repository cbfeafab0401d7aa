import Foundation
import LoysiteContent
import LoysiteSupport

/// A new site being written into its staging folder beside the output
/// (`OutputWriter`'s steps 1 and 2), file by file and from any thread, then swapped in
/// whole (`commit`, step 3) or thrown away (`discard`). A build writes each page as
/// soon as it is rendered, so the whole site never has to be held in memory. The
/// staging folder is the site the last swap replaced, when one was kept (`RecycledSite`),
/// else a new empty folder.
final class StagedSite: Sendable {
    let output: URL
    let folder: URL
    private let staging: StagingFolders
    private let recycled: RecycledSite?

    /// Cleans up after killed builds and takes the spare site, or creates an empty
    /// staging folder.
    init(output: URL) throws {
        let manager = FileManager.default
        self.output = output
        staging = StagingFolders(output: output)
        try manager.createDirectory(at: staging.parent, withIntermediateDirectories: true)
        staging.recover()
        folder = staging.newSite
        FileSystem.removeTree(folder.path)
        recycled = RecycledSite.take(staging.spareSite, as: folder)
        if recycled == nil { try manager.createDirectory(at: folder, withIntermediateDirectories: false) }
    }

    /// Writes one file, making its folders. (Made as files come, on every core: creating
    /// all page folders up front was a one-core pause of 60 ms at 10k pages, most of it
    /// waiting on the lock of their common parent folder.) The staging site starts empty
    /// and nearly every page has a folder of its own, so the folder is made before the
    /// file is opened.
    func write(_ file: OutputFile) throws {
        guard OutputWriter.safeRelativePath(file.path) != nil else { throw StagedSite.unsafe(file.path) }
        if let recycled {
            try recycled.write(file.data, to: file.path)
        } else {
            try FileSystem.write(file.data, to: folder.path + "/" + file.path, folders: .createdFirst)
        }
    }

    /// Swaps the staging folder in for the output, then keeps the old site as the spare
    /// for the next build (deleted instead when it cannot be kept).
    func commit() throws {
        recycled?.removeUnwritten()
        let old = try DirectorySwap.replace(output, with: folder, asidePath: staging.oldSite).old
        if let old { keepAsSpare(old) }
    }

    /// Puts the spare this build took back (a later build writes over whatever it now
    /// holds), or deletes a staging folder that began empty; the output stays as it was.
    func discard() {
        if recycled != nil { keepAsSpare(folder) } else { FileSystem.removeTree(folder.path) }
    }

    /// A spare another build kept meanwhile stays; then this folder is deleted. The
    /// spare holds a `.gitignore` of `*` (a file the next build deletes as one it did not
    /// write), so that a project whose `.gitignore` names only the output folder does not
    /// see the spare as new files.
    private func keepAsSpare(_ site: URL) {
        guard Foundation.rename(site.path, staging.spareSite.path) == 0 else {
            FileSystem.removeTree(site.path)
            return
        }
        try? FileSystem.write(Data("*\n".utf8), to: staging.spareSite.path + "/.gitignore")
    }

    static func unsafe(_ path: String) -> Error {
        CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "refusing to write '\(path)': it is not a plain path inside the output folder"])
    }
}
