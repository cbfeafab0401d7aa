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

/// What CommonMark reads as text stays text; code spans, plurals and case resolve.
@Suite struct WikilinkSyntaxTests {
    func convert(_ body: String) -> RenderedMarkdown {
        ConverterFixture.with("content/glossary/page.md", "---\ntitle: Page\n---\n" + body, autolink: false).convert("content/glossary/page.md")
    }

    @Test func tripleBracketsAndEmbedsStayText() {
        let result = convert("A [[[foo]]] and ![[foo]].\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.html == "<p>A [[[foo]]] and ![[foo]].</p>\n")
    }

    @Test func aCodeSpanIsATarget() {
        let result = convert("See [[`Churn rate`]].\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.html == "<p>See <a href=\"../churn-rate/\"><code>Churn rate</code></a>.</p>\n")
    }

    @Test func pluralsResolveAsAutoLinkingReadsThem() {
        let result = convert("Two [[promoters]] and [[CHURN RATES|rates]].\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.html.contains("<a href=\"../promoter/\" title=\"Promoter\">promoters</a>"))
        #expect(result.html.contains("<a href=\"../churn-rate/\" title=\"Churn rate\">rates</a>"))
    }

    @Test func eachUnresolvedWikilinkIsReportedAtItsColumn() {
        let line = (0..<300).map { "[[nothing\($0)]]" }.joined(separator: " ")
        let result = convert(line + "\n")
        #expect(result.diagnostics.count == 300)
        #expect(result.diagnostics.last?.location.column == 1 + line.count - "[[nothing299]]".count)
    }

    @Test func aTableMayInterruptAParagraph() {
        let result = convert("Intro line\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        #expect(result.html.hasPrefix("<p>Intro line</p>\n<table>\n<thead>\n<tr>\n<th>a</th>"))
    }
}
