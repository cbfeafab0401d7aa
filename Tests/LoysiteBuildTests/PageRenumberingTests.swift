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

    /// Files matched in order before and after the changed ones, by name between them:
    /// the same ids as looking every file up by name, for random additions and removals
    /// (at the start, the end, side by side, everything).
    @Test func idsFollowTheirFilesAsLookingEveryFileUpFinds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let old = (0..<Int.random(in: 0...12, using: &generator)).map { "f\($0).md" }
            var new = old.filter { _ in Int.random(in: 0..<4, using: &generator) != 0 }
            for number in 0..<Int.random(in: 0...3, using: &generator) { new.insert("n\(number).md", at: Int.random(in: 0...new.count, using: &generator)) }
            let renumbering = PageRenumbering(old: old, new: new)
            let byName = Dictionary(uniqueKeysWithValues: new.enumerated().map { ($1, PageID($0)) })
            #expect(renumbering.newNumber.array == old.map { byName[$0] }, "old \(old) new \(new)")
            #expect(renumbering.oldNumber.array == new.map { name in old.firstIndex(of: name).map(PageID.init) }, "old \(old) new \(new)")
        }
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
