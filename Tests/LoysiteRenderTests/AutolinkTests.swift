import LoysiteRender
import Testing

@Suite struct AutolinkTests {
    func html(_ body: String, autolink: Bool = true) -> String {
        ConverterFixture.with("content/glossary/page.md", "---\ntitle: Page\n---\n" + body, autolink: autolink).convert("content/glossary/page.md").html
    }

    @Test func linksTheFirstMentionOnly() {
        #expect(html("Churn rate rises; churn rate falls.\n") == "<p><a href=\"../churn-rate/\" title=\"Churn rate\">Churn rate</a> rises; churn rate falls.</p>\n")
    }

    @Test func prefersTheLongestName() {
        #expect(html("The customer loyalty index is not customer loyalty.\n") == "<p>The <a href=\"../customer-loyalty-index/\" title=\"Customer Loyalty Index\">customer loyalty index</a> is not <a href=\"../customer-loyalty/\" title=\"Customer loyalty\">customer loyalty</a>.</p>\n")
    }

    @Test func wholeWordsOnlyButPluralsCount() {
        #expect(html("Churn rates and promoters, not promoterism.\n") == "<p><a href=\"../churn-rate/\" title=\"Churn rate\">Churn rates</a> and <a href=\"../promoter/\" title=\"Promoter\">promoters</a>, not promoterism.</p>\n")
    }

    @Test func shortAcronymsMatchOnlyAsWritten() {
        #expect(html("Run the cli, then read the CLI.\n") == "<p>Run the cli, then read the <a href=\"../customer-loyalty-index/\" title=\"Customer Loyalty Index\">CLI</a>.</p>\n")
    }

    @Test func neverInsideHeadingsLinksOrCode() {
        let result = html("## Churn rate\n\n[about churn rate](https://example.org) and `churn rate`\n\n    churn rate\n")
        #expect(!result.contains("href=\"../churn-rate/\""))
    }

    @Test func notTheTermItselfNorOneAlreadyLinked() {
        let fixture = ConverterFixture.with("content/glossary/page.md", "---\ntitle: Page\n---\nChurn rate and [[churn-rate|churn]].\n")
        let result = fixture.convert("content/glossary/page.md").html
        #expect(result == "<p>Churn rate and <a href=\"../churn-rate/\" title=\"Churn rate\">churn</a>.</p>\n")
        let own = ConverterFixture(ConverterFixture.glossary).convert("content/glossary/churn-rate.md")
        #expect(own.html == "<p>Body.</p>\n")
        let selfMention = ConverterFixture([("content/glossary/churn-rate.md", "---\ntitle: Churn rate\n---\nChurn rate is...\n")]).convert("content/glossary/churn-rate.md")
        #expect(!selfMention.html.contains("<a"))
    }

    @Test func canBeTurnedOff() {
        #expect(html("Churn rate.\n", autolink: false) == "<p>Churn rate.</p>\n")
    }

    @Test func termMatcherFindsMentionsInOnePass() {
        let fixture = ConverterFixture(ConverterFixture.glossary)
        let matcher = TermMatcher(index: fixture.index)
        let mentions = matcher.mentions(in: "NPS, Net Promoter Score and Café churn rate")
        #expect(mentions.count == 3)
        #expect(mentions.map(\.start) == [0, 5, 34], "byte offsets: é takes two bytes")
    }

    @Test func namesSharingAFirstWordAreAllFound() {
        // Past a few names after "customer ", the matcher looks their next byte up in a
        // table instead of scanning them: every one must still be found, none invented.
        let words = ["age", "base", "churn", "delight", "effort", "feedback", "growth", "health", "insight", "journey", "value", "zeal"]
        let files = words.map { ("content/glossary/customer-\($0).md", "---\ntitle: Customer \($0)\n---\nBody.\n") }
        let matcher = TermMatcher(index: ConverterFixture(files).index)
        let text = words.map { "customer \($0)" }.joined(separator: ", ") + ", customer ages, customer x, customer zest"
        let mentions = matcher.mentions(in: text)
        #expect(mentions.count == words.count + 1)
        #expect(mentions.map { String(decoding: Array(text.utf8)[$0.start..<$0.end], as: UTF8.self) } == words.map { "customer \($0)" } + ["customer ages"])
    }
}
