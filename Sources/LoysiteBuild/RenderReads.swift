import LoysiteContent
import LoysiteSupport

/// What each output file read of the site when it was last rendered (`SiteReader`
/// notes it as the file is made). The next build of a session renders again exactly the
/// files that read something that changed.
struct RenderReads: Sendable {
    private(set) var pages: PerPage<[SiteRead]>
    var siteFiles: [SiteBuilder.SiteFile: [SiteRead]]
    /// `pages` turned around, kept with it: every change to `pages` goes through
    /// `record`, which updates both.
    private var readers: PageReaders

    static let empty = RenderReads(pages: PerPage([]), siteFiles: [:])

    init(pages: PerPage<[SiteRead]>, siteFiles: [SiteBuilder.SiteFile: [SiteRead]]) {
        self.pages = pages
        self.siteFiles = siteFiles
        readers = PageReaders(pages)
    }

    /// The reads of page `number`'s file as it was just made again.
    mutating func record(page number: PageID, reads: [SiteRead]) {
        readers.replace(file: number, old: pages[number], new: reads)
        pages[number] = reads
    }

    /// The files that read any of `changed`: pages' files looked up in `readers`, not
    /// found by asking every file's reads (a tenth of a summary edit's rebuild at 10k
    /// terms); the site-wide files, a handful, asked.
    func affected(by changed: SiteChanges) -> (pages: [PageID], siteFiles: [SiteBuilder.SiteFile]) {
        guard !changed.isEmpty else { return ([], []) }
        let found = readers.readers(of: changed)
        // The reference the lookup must agree with, in debug builds (every test's rebuild).
        assert(found == affectedPagesByScanning(changed), "PageReaders and the files' reads disagree")
        // A site-wide file with no record (none yet) is made again.
        let siteFiles = SiteBuilder.SiteFile.allCases.filter { self.siteFiles[$0].map(changed.touches) ?? true }
        return (found, siteFiles)
    }

    /// The pages' files that read any of `changed`, found by asking each file's reads.
    func affectedPagesByScanning(_ changed: SiteChanges) -> [PageID] {
        let chunk = 1024
        let found = Parallel.map(Array(stride(from: 0, to: pages.count, by: chunk))) { start in
            (PageID(start)..<PageID(min(start + chunk, pages.count))).filter { changed.touches(pages[$0]) }
        }
        return found.flatMap { $0 }
    }
}
