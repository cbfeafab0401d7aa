import Foundation
import LoysiteContent
import LoysiteSupport
import Testing

@Suite struct PageLoaderTests {
    func load(_ text: String, path: String = "content/glossary/net-promoter-score.md", kind: PageKind = .term) -> (page: Page?, diagnostics: [Diagnostic]) {
        PageLoader.load(SourceText(path: path, text: text), kind: kind)
    }

    @Test func readsFrontMatterAndBody() throws {
        let (page, diagnostics) = load("""
        ---
        title: Net Promoter Score
        aliases: [NPS, Net promoter]
        summary: One number from one question.
        category: [Metrics, Surveys]
        related: [promoters, Detractors]
        ---
        Body **text**.
        """)
        #expect(diagnostics.isEmpty)
        let term = try #require(page)
        #expect(term.title == "Net Promoter Score")
        #expect(term.slug == "net-promoter-score")
        #expect(term.aliases.map(\.value) == ["NPS", "Net promoter"])
        #expect(term.summary == "One number from one question.")
        #expect(term.categories == ["Metrics", "Surveys"])
        #expect(term.primaryCategory == "Metrics")
        #expect(term.related.map(\.value) == ["promoters", "Detractors"])
        #expect(term.related[1].location.line == 6)
        #expect(term.body == "Body **text**.")
        #expect(term.bodyFirstLine == 8)
        #expect(term.path == "glossary/net-promoter-score/")
    }

    @Test func keysAreCaseInsensitiveAndUnknownKeysBecomeParams() throws {
        let (page, diagnostics) = load("---\nTitle: Serverless\nStatus: Completed\nCategory: Technology\ntags: [\"a\", \"\"]\n---\nx\n")
        #expect(diagnostics.isEmpty)
        let term = try #require(page)
        #expect(term.title == "Serverless")
        #expect(term.categories == ["Technology"])
        #expect(term.params.map(\.0) == ["Status", "tags"])
        #expect(term.params[0].1 == .string("Completed"))
    }

    @Test func missingTitleIsAnErrorAtTheFrontMatter() {
        let (page, diagnostics) = load("---\nsummary: x\n---\nBody\n")
        #expect(page == nil)
        #expect(diagnostics.map(\.description) == ["content/glossary/net-promoter-score.md:1:1: error: missing 'title' in front matter"])
    }

    @Test func invalidYAMLPointsAtTheLineInTheFile() {
        let (page, diagnostics) = load("---\ntitle: Fine\nsummary: \"unclosed\n---\nBody\n")
        #expect(page == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 3 || diagnostics.first?.location.line == 4)
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func tabsInIndentationAreNamed() {
        let (_, diagnostics) = load("---\ntitle: X\naliases:\n\t- a\n---\n")
        #expect(diagnostics.map(\.description) == ["content/glossary/net-promoter-score.md:4:1: error: tab character in YAML indentation; indent with spaces"])
    }

    @Test func wrongTypesAreErrorsAtTheValue() {
        let (page, diagnostics) = load("---\ntitle: X\naliases: 3\ndraft: maybe\n---\n")
        #expect(page == nil)
        let lines = diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("content/glossary/net-promoter-score.md:3:10: error: 'aliases' must be a list of names") })
        #expect(lines.contains { $0.hasPrefix("content/glossary/net-promoter-score.md:4:8: error: 'draft' must be true or false") })
    }

    @Test func titleMustBeText() {
        let (_, diagnostics) = load("---\ntitle: [a, b]\n---\n")
        #expect(diagnostics.first?.description == "content/glossary/net-promoter-score.md:2:8: error: 'title' must be text, found a list")
    }

    @Test func noFrontMatterAndEmptyFilesAreErrors() {
        #expect(load("Just text\n").diagnostics.first?.message.hasPrefix("file has no front matter") == true)
        #expect(load("").diagnostics.first?.message.hasPrefix("file is empty") == true)
        #expect(load("---\ntitle: x\n").diagnostics.first?.message.contains("never closed") == true)
    }

    @Test func badSlugIsRejectedWithASuggestion() {
        let (page, diagnostics) = load("---\ntitle: X\nslug: ../Evil Slug\n---\n")
        #expect(page == nil)
        #expect(diagnostics.first?.description == "content/glossary/net-promoter-score.md:3:7: error: invalid slug '../Evil Slug': a slug is lower-case letters, digits and '-' only; did you mean 'evil-slug'?")
    }

    @Test func fileNamesAreTransliterated() throws {
        let page = try #require(load("---\ntitle: Café\n---\n", path: "content/glossary/sub/Café Rewards.md").page)
        #expect(page.slug == "cafe-rewards")
        #expect(load("---\ntitle: Party\n---\n", path: "content/glossary/🎉.md").diagnostics.first?.message.contains("cannot make a URL slug") == true)
    }

    @Test func crlfAndBOMReadLikeLF() throws {
        let text = "\u{FEFF}---\r\ntitle: TLS\r\naliases: [mTLS]\r\n---\r\nBody line\r\n"
        let page = try #require(load(text).page)
        #expect(page.title == "TLS")
        #expect(page.body == "Body line\n")
        #expect(page.bodyFirstLine == 5)
    }

    @Test func reportDatesAreChecked() {
        #expect(load("---\ntitle: R\ndate: 2026-02-30\n---\n", kind: .report).diagnostics.first?.description == "content/glossary/net-promoter-score.md:3:7: error: 'date' must be a date written YYYY-MM-DD, found '2026-02-30'")
        #expect(load("---\ntitle: R\ndate: 2026-02-28\n---\n", kind: .report).page?.date == "2026-02-28")
    }

    @Test func invalidUTF8IsReportedWithItsPosition() {
        let data = Data("---\ntitle: A\n---\nab".utf8) + Data([0xFF, 0xFE])
        guard case .failure(let diagnostic) = SourceText.decode(data, relativePath: "x.md") else {
            Issue.record("expected a failure"); return
        }
        #expect(diagnostic.description == "x.md:4:3: error: file is not valid UTF-8 text")
    }
}
