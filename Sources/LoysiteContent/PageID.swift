/// A page of one build: its place in the build's list of pages (`PerPage`). Only a
/// `PerPage` is subscripted by it, so a page number cannot be mixed up with a count, a
/// byte offset or a line, and "no page" is `PageID?` rather than a sentinel value.
/// Numbers are given in file order by the load step; when page files are added or
/// removed, a session moves what it kept to the new numbers (`PageRenumbering`).
@frozen package struct PageID: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    package let number: Int

    @inlinable package init(_ number: Int) {
        self.number = number
    }

    @inlinable package static func < (lhs: PageID, rhs: PageID) -> Bool { lhs.number < rhs.number }

    // Strideable, so the ids of a `PerPage` are a `Range<PageID>` (one page after another).
    @inlinable package func distance(to other: PageID) -> Int { other.number - number }
    @inlinable package func advanced(by n: Int) -> PageID { PageID(number + n) }

    package var description: String { "page \(number)" }
}
