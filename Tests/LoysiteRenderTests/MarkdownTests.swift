import LoysiteRender
import Testing

@Suite struct MarkdownTests {
    func convert(_ body: String, unsafe: Bool = false, path: String = "content/glossary/page.md") -> RenderedMarkdown {
        ConverterFixture.with(path, "---\ntitle: Page\n---\n" + body, autolink: false, unsafe: unsafe).convert(path)
    }

    @Test func rawHTMLIsOmittedInSafeMode() {
        let result = convert("<script>alert(1)</script>\n\nText <b onclick=\"x\">bold</b> [x](javascript:alert(1))\n")
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("onclick"))
        #expect(!result.html.contains("javascript:"))
        #expect(result.html.contains("raw HTML omitted"))
    }

    @Test func rawHTMLIsKeptInUnsafeMode() {
        #expect(convert("<div class=\"x\">kept</div>\n", unsafe: true).html.contains("<div class=\"x\">kept</div>"))
    }

    @Test func firstParagraphIsThePlainTextSummary() {
        let result = convert("## Heading\n\nThe **first** `paragraph`\nwraps here.\n\nSecond.\n")
        #expect(result.firstParagraph == "The first paragraph wraps here.")
    }

    @Test func pipeTablesBecomeTables() {
        let result = convert("| Score | Group |\n|:--|--:|\n| 9–10 | [[NPS]] |\n| a \\| b | |\n")
        #expect(result.html == """
        <table>
        <thead>
        <tr>
        <th style="text-align:left">Score</th>
        <th style="text-align:right">Group</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td style="text-align:left">9–10</td>
        <td style="text-align:right"><a href="../net-promoter-score/" title="Net Promoter Score">NPS</a></td>
        </tr>
        <tr>
        <td style="text-align:left">a | b</td>
        <td style="text-align:right"></td>
        </tr>
        </tbody>
        </table>

        """)
    }

    @Test func paragraphsWithPipesButNoDelimiterRowStayParagraphs() {
        #expect(convert("a | b\nc | d\n").html == "<p>a | b\nc | d</p>\n")
    }

    @Test func siteLinksAreCheckedAndMadeRelative() {
        let result = convert("[a](/glossary/churn-rate/#how) [b](/churn-rate/) [c](churn-rate.md) [d](/glossary/nothing/) [e](https://example.org/x)\n")
        #expect(result.html.contains("href=\"../churn-rate/#how\""))
        #expect(result.html.contains("<a href=\"../churn-rate/\">b</a>"))
        #expect(result.html.contains("<a href=\"../churn-rate/\">c</a>"))
        #expect(result.html.contains("href=\"https://example.org/x\""))
        #expect(result.diagnostics.map(\.description) == ["content/glossary/page.md:4:69: warning: link to '/glossary/nothing/' matches no page of the site"])
    }

    @Test func hugoShortcodesAreLeftOutWithAWarning() {
        let result = convert("Text.\n\n{{% sign-language-section abc %}}\n")
        #expect(result.html == "<p>Text.</p>\n")
        #expect(result.diagnostics.first?.description == "content/glossary/page.md:6:1: warning: Hugo shortcode 'sign-language-section' is not supported by loysite; it was left out of the page")
    }

    @Test func relativeURLs() {
        #expect(RelativeURL.link(from: "glossary/nps/", to: "glossary/churn/") == "../churn/")
        #expect(RelativeURL.link(from: "glossary/nps/", to: "assets/style.css") == "../../assets/style.css")
        #expect(RelativeURL.link(from: "", to: "glossary/") == "glossary/")
        #expect(RelativeURL.link(from: "about/", to: "") == "../")
        #expect(RelativeURL.link(from: "glossary/", to: "glossary/") == "./")
    }
}
