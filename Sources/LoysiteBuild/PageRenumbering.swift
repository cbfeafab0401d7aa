/// How page numbers moved when page files were added or removed between two builds of a
/// session: each old page's new number (nil: removed) and each new page's old one (nil:
/// added). Whatever the previous build kept by page number is carried over through it.
struct PageRenumbering: Sendable {
    let newNumber: [Int?]
    let oldNumber: [Int?]

    /// `sources`: each page's source file, old and new; a page is the same page when its
    /// file is.
    init(old: [String], new: [String]) {
        var byNewSource: [String: Int] = [:]
        for (number, source) in new.enumerated() { byNewSource[source] = number }
        newNumber = old.map { byNewSource[$0] }
        var oldNumber = [Int?](repeating: nil, count: new.count)
        for (old, new) in newNumber.enumerated() { if let new { oldNumber[new] = old } }
        self.oldNumber = oldNumber
    }

    var added: [Int] { oldNumber.indices.filter { oldNumber[$0] == nil } }
    var removed: [Int] { newNumber.indices.filter { newNumber[$0] == nil } }

    /// Old page numbers as new ones; a removed page becomes -1, which names no page, so a
    /// list that held one differs from every new list.
    func map(_ numbers: [Int]) -> [Int] { numbers.map { newNumber[$0] ?? -1 } }
    func map(_ number: Int?) -> Int? { number.map { newNumber[$0] ?? -1 } }

    /// Values kept by old page number, by new number; `filling` for added pages.
    func carry<T>(_ values: [T], filling: T) -> [T] {
        oldNumber.map { $0.map { values[$0] } ?? filling }
    }

    /// Reads recorded with old page numbers, with new ones; a read of a removed page
    /// becomes a read of the set of pages, which has changed.
    func map(_ reads: [SiteRead]) -> [SiteRead] {
        reads.map { read in
            guard read.siteAspect == nil else { return read }
            guard let number = newNumber[read.page] else { return .site(.pageSet) }
            return .page(number, PageAspect(rawValue: read.pageAspect)!)
        }
    }
}
