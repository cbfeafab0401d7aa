import LoysiteContent
import LoysiteSupport
import Testing

@Suite struct PageIndexTests {
    func page(_ title: String, slug: String, kind: PageKind = .term, aliases: [String] = [], related: [String] = [], source: String? = nil) -> Page {
        let file = source ?? "\(kind.sourceFolder)/\(slug).md"
        let location = SourceLocation(file: file, line: 2, column: 8)
        return Page(kind: kind, source: file, slug: slug, title: title, aliases: aliases.map { Located($0, at: location) },
                    summary: nil, categories: [], related: related.map { Located($0, at: SourceLocation(file: file, line: 5, column: 10)) },
                    draft: false, date: nil, period: nil, params: [], body: "", bodyFirstLine: 4, location: location)
    }

    @Test func findsPagesByTitleAliasOrSlugIgnoringCase() {
        let index = PageIndex(pages: [page("Net Promoter Score", slug: "net-promoter-score", aliases: ["NPS"]), page("Churn rate", slug: "churn-rate")])
        #expect(index.page(named: "net promoter score") == PageID(0))
        #expect(index.page(named: "nps") == PageID(0))
        #expect(index.page(named: "NET-PROMOTER-SCORE") == PageID(0))
        #expect(index.page(named: "Churn Rate") == PageID(1))
        #expect(index.page(named: "retention") == nil)
        #expect(index.page(atPath: "/glossary/churn-rate/") == PageID(1))
        #expect(index.page(atPath: "glossary/churn-rate/index.html") == PageID(1))
    }

    @Test func twoPagesAtOneURLNameBothFiles() {
        let index = PageIndex(pages: [page("A", slug: "same", source: "content/glossary/same.md"), page("B", slug: "same", source: "content/glossary/sub/same.md")])
        let messages = index.diagnostics.map(\.description)
        #expect(messages.contains("content/glossary/sub/same.md:2:8: error: two pages have the URL /glossary/same/: content/glossary/sub/same.md and content/glossary/same.md"))
        #expect(messages.contains("content/glossary/same.md:2:8: error: two pages have the URL /glossary/same/: content/glossary/same.md and content/glossary/sub/same.md"))
    }

    @Test func freePagesCannotTakeLoysitesOwnURLs() {
        let index = PageIndex(pages: [page("Glossary", slug: "glossary", kind: .page)])
        #expect(index.diagnostics.first?.message.contains("used by loysite itself") == true)
    }

    @Test func relatedEntriesResolveOrFailAtTheirLine() {
        let index = PageIndex(pages: [page("A", slug: "a", related: ["b", "B title", "missing", "a"]), page("B title", slug: "b")])
        let (related, diagnostics) = index.resolveRelated()
        #expect(related[PageID(0)] == [PageID(1)])
        #expect(diagnostics.map(\.description) == ["content/glossary/a.md:5:10: error: related entry 'missing' matches no page's title, alias or slug"])
    }

    @Test func cyclicRelatedIsFine() {
        let index = PageIndex(pages: [page("A", slug: "a", related: ["b"]), page("B", slug: "b", related: ["a"])])
        let (related, diagnostics) = index.resolveRelated()
        #expect(related.array == [[PageID(1)], [PageID(0)]])
        #expect(diagnostics.isEmpty)
    }

    @Test func ambiguousAliasesAreWarnings() {
        let index = PageIndex(pages: [page("A", slug: "a", aliases: ["X"]), page("B", slug: "b", aliases: ["x"])])
        #expect(index.diagnostics.count == 1)
        #expect(index.diagnostics.first?.severity == .warning)
        #expect(index.page(named: "x") == PageID(0))
    }
}
