@testable import LoysiteBuild
import LoysiteContent
import Testing

/// What a session kept by page follows its page to the page's new id when files are
/// added or removed; what named a removed page stops matching anything.
@Suite struct PageRenumberingTests {
    // Old pages a, b, c; new pages a, c, d (b removed, d added).
    let renumbering = PageRenumbering(old: ["a.md", "b.md", "c.md"], new: ["a.md", "c.md", "d.md"])

    @Test func idsFollowTheirFiles() {
        #expect(renumbering.newNumber.array == [PageID(0), nil, PageID(1)])
        #expect(renumbering.oldNumber.array == [PageID(0), PageID(2), nil])
        #expect(renumbering.added == [PageID(2)])
        #expect(renumbering.removed == [PageID(1)])
    }

    @Test func listsAreTheSameOnlyWhenTheyNameTheSamePages() {
        // Old [a, c] is new [a, c] (ids 0, 1).
        #expect(renumbering.same([PageID(0), PageID(2)], as: [PageID(0), PageID(1)]))
        #expect(!renumbering.same([PageID(0), PageID(2)], as: [PageID(0), PageID(2)]))
        // A list that held the removed page differs from every new list.
        #expect(!renumbering.same([PageID(1)], as: [PageID(0)]))
        #expect(!renumbering.same([PageID(1)], as: []))
        #expect(renumbering.same(nil as PageID?, as: nil))
        #expect(renumbering.same(PageID(2), as: PageID(1)))
        #expect(!renumbering.same(PageID(1), as: nil))
    }

    @Test func keptValuesAndReadsMoveToTheNewIds() {
        let carried = renumbering.carry(PerPage(["A", "B", "C"]), filling: "new")
        #expect(carried.array == ["A", "C", "new"])
        let reads: [SiteRead] = [.page(PageID(2), .title), .page(PageID(1), .summary), .site(.glossaryOrder)]
        // c's read is c's under its new id; b's read becomes a read of the set of pages.
        #expect(renumbering.map(reads) == [.page(PageID(1), .title), .site(.pageSet), .site(.glossaryOrder)])
        #expect(SiteRead.page(PageID(7), .body).page == PageID(7))
        #expect(SiteRead.site(.config).page == nil)
    }
}
