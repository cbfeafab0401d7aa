import LoysiteContent

/// How page ids moved when page files were added or removed between two builds of a
/// session: each old page's new id (nil: removed) and each new page's old one (nil:
/// added). Whatever the previous build kept by page is carried over through it.
struct PageRenumbering: Sendable {
    /// By old id.
    let newNumber: PerPage<PageID?>
    /// By new id.
    let oldNumber: PerPage<PageID?>

    /// `sources`: each page's source file, old and new; a page is the same page when its
    /// file is.
    init(old: [String], new: [String]) {
        // The files before the first one added or removed and after the last keep their
        // places: compared in order, and only the ones between looked up by name (a
        // table of every file was most of this).
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        var byNewSource: [String: PageID] = [:]
        for number in prefix..<(new.count - suffix) { byNewSource[new[number]] = PageID(number) }
        newNumber = PerPage(old.indices.map { number in
            if number < prefix { return PageID(number) }
            if number >= old.count - suffix { return PageID(number - old.count + new.count) }
            return byNewSource[old[number]]
        })
        var oldNumber = PerPage<PageID?>(repeating: nil, count: new.count)
        for (old, new) in zip(newNumber.indices, newNumber) { if let new { oldNumber[new] = old } }
        self.oldNumber = oldNumber
    }

    var added: [PageID] { oldNumber.indices.filter { oldNumber[$0] == nil } }
    var removed: [PageID] { newNumber.indices.filter { newNumber[$0] == nil } }

    /// Whether `old` (old ids) names the pages `new` (new ids) does, in the same order; a
    /// list that held a removed page differs from every new list.
    func same(_ old: [PageID], as new: [PageID]) -> Bool {
        old.count == new.count && zip(old, new).allSatisfy { newNumber[$0] == $1 }
    }

    func same(_ old: PageID?, as new: PageID?) -> Bool {
        guard let old else { return new == nil }
        return new != nil && newNumber[old] == new
    }

    /// Values kept by old id, by new id; `filling` for added pages. Inlined where it is
    /// called: left generic, each value was copied through its type's witness table
    /// (a tenth of an add-a-term rebuild under perf).
    @inline(__always)
    func carry<T>(_ values: PerPage<T>, filling: T) -> PerPage<T> {
        var carried: [T] = []
        carried.reserveCapacity(oldNumber.count)
        for old in oldNumber { carried.append(old.map { values[$0] } ?? filling) }
        return PerPage(carried)
    }

    /// Reads recorded with old ids, with new ones; a read of a removed page becomes a
    /// read of the set of pages, which has changed.
    func map(_ reads: [SiteRead]) -> [SiteRead] {
        reads.map { read in
            guard let page = read.page else { return read }
            guard let number = newNumber[page] else { return .site(.pageSet) }
            return .page(number, PageAspect(rawValue: read.pageAspect)!)
        }
    }
}
