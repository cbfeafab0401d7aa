import LoysiteContent
import LoysiteSupport

/// For each page, the pages whose output files read a part of it (with which parts, as
/// `PageAspect` bits); for each part of the site, the pages whose files read it. The
/// files' reads turned around, so that the files a change touches are looked up from the
/// few pages that changed rather than found by asking all 10,000 files' reads.
struct PageReaders: Sendable {
    /// `ofPage[p][f]`: the parts of page p that page f's file read.
    private var ofPage: PerPage<[PageID: UInt32]>
    /// `ofSite[a]`: the pages whose files read site aspect `a` (by raw value).
    private var ofSite: [Set<PageID>]

    init(_ reads: PerPage<[SiteRead]>) {
        ofPage = PerPage(repeating: [:], count: reads.count)
        ofSite = Array(repeating: [], count: Int(UInt8.max) + 1)
        for file in reads.indices { add(file: file, reads[file]) }
    }

    /// Page `file`'s file read `new` now, `old` before.
    mutating func replace(file: PageID, old: [SiteRead], new: [SiteRead]) {
        for read in old {
            if let aspect = read.siteAspect {
                ofSite[Int(aspect)].remove(file)
            } else if let page = read.page, ofPage.contains(id: page) {
                ofPage[page][file] = nil
            }
        }
        add(file: file, new)
    }

    private mutating func add(file: PageID, _ reads: [SiteRead]) {
        for read in reads {
            if let aspect = read.siteAspect {
                ofSite[Int(aspect)].insert(file)
            } else if let page = read.page, ofPage.contains(id: page) {
                ofPage[page][file, default: 0] |= 1 << read.pageAspect
            }
        }
    }

    /// The pages whose files read any of `changed`, in order.
    func readers(of changed: SiteChanges) -> [PageID] {
        var found = Set<PageID>()
        for aspect in SiteAspect.allCases where changed.contains(.site(aspect)) {
            found.formUnion(ofSite[Int(aspect.rawValue)])
        }
        changed.forEachChangedPage { page, parts in
            guard ofPage.contains(id: page) else { return }
            for (file, read) in ofPage[page] where read & parts != 0 { found.insert(file) }
        }
        return found.sorted()
    }
}
