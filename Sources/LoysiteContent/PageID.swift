/// A page of one build: its place in the build's list of pages (`PerPage`). Only a
/// `PerPage` is subscripted by it, so a page number cannot be mixed up with a count, a
/// byte offset or a line, and "no page" is `PageID?` rather than a sentinel value.
/// Numbers are given in file order by the load step; when page files are added or
/// removed, a session moves what it kept to the new numbers (`PageRenumbering`).
/// `public` for the same reason as `PerPage`: so that its inlinable members are inlined
/// into other modules.
@frozen public struct PageID: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
    public let number: Int

    @inlinable public init(_ number: Int) {
        self.number = number
    }

    @inlinable public static func < (lhs: PageID, rhs: PageID) -> Bool { lhs.number < rhs.number }

    // Strideable, so the ids of a `PerPage` are a `Range<PageID>` (one page after another).
    @inlinable public func distance(to other: PageID) -> Int { other.number - number }
    @inlinable public func advanced(by n: Int) -> PageID { PageID(number + n) }

    public var description: String { "page \(number)" }
}
