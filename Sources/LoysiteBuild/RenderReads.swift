import LoysiteContent
import LoysiteSupport

/// What each output file read of the site when it was last rendered (`SiteReader`
/// notes it as the file is made). The next build of a session renders again exactly the
/// files that read something that changed.
struct RenderReads: Sendable {
    var pages: PerPage<[SiteRead]>
    var siteFiles: [SiteBuilder.SiteFile: [SiteRead]]

    static let empty = RenderReads(pages: PerPage([]), siteFiles: [:])

    /// The files that read any of `changed`.
    func affected(by changed: SiteChanges) -> (pages: [PageID], siteFiles: [SiteBuilder.SiteFile]) {
        guard !changed.isEmpty else { return ([], []) }
        let chunk = 1024
        let found = Parallel.map(Array(stride(from: 0, to: pages.count, by: chunk))) { start in
            (PageID(start)..<PageID(min(start + chunk, pages.count))).filter { changed.touches(pages[$0]) }
        }
        // A site-wide file with no record (none yet) is made again.
        let siteFiles = SiteBuilder.SiteFile.allCases.filter { self.siteFiles[$0].map(changed.touches) ?? true }
        return (found.flatMap { $0 }, siteFiles)
    }
}
