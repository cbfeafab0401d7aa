#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LoysiteSupport

/// What a file looked like when it was read: enough to tell that it changed without
/// reading it again (an editor's save changes the modification time, the size or, when
/// it saves by renaming, the inode).
struct FileStamp: Equatable, Sendable {
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var size: Int64
    var inode: UInt64

    /// The stamp of the file at `path`, or nil when there is none.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        modifiedSeconds = Int(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
    }

    /// Stamps of the files a build reads besides page files: site.yml, the home page's
    /// content, every template and asset of the theme folder, every dataset and sidecar,
    /// and whether `content/` exists. Any difference means a full build.
    static func inputs(root: URL) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        let base = root.path
        for file in [SiteLayout.contentFolder, SiteLayout.siteConfig, SiteLayout.homePage, SiteLayout.templatesFolder, SiteLayout.dataFolder] {
            stamps[file] = FileStamp(path: base + "/" + file)
        }
        for folder in [SiteLayout.templatesFolder, SiteLayout.dataFolder] {
            for path in FileSystem.regularFiles(under: base + "/" + folder) {
                stamps[folder + "/" + path] = FileStamp(path: base + "/" + folder + "/" + path)
            }
        }
        // The glossary folder's other files: copied images, its own text (`_index.md`).
        let glossary = SiteLayout.glossaryFolder + "/"
        for path in FileSystem.regularFiles(under: base + "/" + glossary) where !path.hasSuffix(".md") || path.hasSuffix("_index.md") || path == "index.md" {
            stamps[glossary + path] = FileStamp(path: base + "/" + glossary + path)
        }
        return stamps
    }
}
