import LoysiteRender
import Testing

@Suite struct WikilinkTests {
    @Test func resolvesByTitleAliasAndSlugIgnoringCase() {
        let fixture = ConverterFixture.with("content/glossary/page.md", "---\ntitle: Page\n---\nSee [[net promoter score]], [[NPS]] and [[churn-rate|the churn]].\n", autolink: false)
        let html = fixture.convert("content/glossary/page.md").html
        #expect(html == "<p>See <a href=\"../net-promoter-score/\" title=\"Net Promoter Score\">net promoter score</a>, <a href=\"../net-promoter-score/\" title=\"Net Promoter Score\">NPS</a> and <a href=\"../churn-rate/\" title=\"Churn rate\">the churn</a>.</p>\n")
    }

    @Test func linksFromOtherKindsOfPagesAreRelativeToThem() {
        let fixture = ConverterFixture.with("content/pages/about.md", "---\ntitle: About\n---\n[[Churn rate]]\n", autolink: false)
        #expect(fixture.convert("content/pages/about.md").html == "<p><a href=\"../glossary/churn-rate/\">Churn rate</a></p>\n")
    }

    @Test func unresolvedWikilinkIsAnErrorAtItsLineAndColumn() {
        let fixture = ConverterFixture.with("content/glossary/page.md", "---\ntitle: Page\n---\nIntro.\n\nA line with [[Net Promotor Score]] in it.\n")
        let result = fixture.convert("content/glossary/page.md")
        #expect(result.diagnostics.map(\.description) == ["content/glossary/page.md:6:13: error: wikilink [[Net Promotor Score]] matches no page's title, alias or slug; did you mean 'Net Promoter Score'?"])
        #expect(result.html.contains("Net Promotor Score"))
    }

    @Test func wikilinksInCodeAreLeftAlone() {
        let fixture = ConverterFixture.with("content/glossary/page.md", "---\ntitle: Page\n---\n`[[NPS]]`\n\n    [[NPS]]\n", autolink: false)
        let result = fixture.convert("content/glossary/page.md")
        #expect(result.diagnostics.isEmpty)
        #expect(!result.html.contains("<a "))
    }

    @Test func aWikilinkLeftOpenIsAWarning() {
        let fixture = ConverterFixture.with("content/glossary/page.md", "---\ntitle: Page\n---\nSee [[Net Promoter\nScore]].\n", autolink: false)
        let result = fixture.convert("content/glossary/page.md")
        #expect(result.diagnostics.map(\.description) == ["content/glossary/page.md:4:5: warning: wikilink '[[' is not closed by ']]' on the same line; a wikilink cannot span lines"])
    }

    @Test func linkedPagesAreRecordedForBacklinks() {
        let fixture = ConverterFixture.with("content/glossary/page.md", "---\ntitle: Page\n---\n[[NPS]]\n", autolink: false)
        let result = fixture.convert("content/glossary/page.md")
        #expect(result.linkedPages == [fixture.index.page(named: "NPS")!])
    }
}
