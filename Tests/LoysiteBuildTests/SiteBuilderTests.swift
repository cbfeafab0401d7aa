import Foundation
import LoysiteBuild
import LoysiteTesting
import Testing

@Suite struct SiteBuilderTests {
    static let files: [String: String] = [
        "content/site.yml": "title: Test <Site>\nbase_url: https://example.org/loyalty/\n",
        "content/glossary/net-promoter-score.md": TemporarySite.term("Net Promoter Score", "aliases: [NPS]\ncategory: Metrics\nrelated: [churn-rate]\n", body: "A score. See [[Churn rate]]."),
        "content/glossary/churn-rate.md": TemporarySite.term("Churn rate", "summary: Customers lost.\n", body: "Lost customers, the opposite of retention."),
        "content/glossary/80-20-rule.md": TemporarySite.term("80/20 rule", body: "Pareto."),
        "content/glossary/echelle.md": TemporarySite.term("Échelle", body: "Sorted with E."),
        "content/glossary/effort.md": TemporarySite.term("Effort score", body: "An effort."),
        "content/glossary/apple.md": TemporarySite.term("apple", body: "Lower case sorts with A."),
        "content/glossary/draft.md": TemporarySite.term("Draft term", "draft: true\n"),
        "content/pages/about.md": "---\ntitle: About\n---\nAbout the Net Promoter Score.\n",
    ]

    func build(_ site: TemporarySite, drafts: Bool = false) -> BuildResult {
        SiteBuilder.build(BuildOptions(root: site.root, includeDrafts: drafts))
    }

    @Test func writesEveryPageOfTheLayout() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let result = build(site)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let files = site.files(under: "site")
        for expected in ["index.html", "404.html", "glossary/index.html", "glossary/net-promoter-score/index.html", "glossary/churn-rate/index.html",
                         "reports/index.html", "about/index.html", "sitemap.xml", "feed.xml", "search-index.json", "assets/style.css", "assets/charts.css"] {
            #expect(files.contains(expected), "missing \(expected)")
        }
        #expect(!files.contains("glossary/draft/index.html"))
        #expect(result.pageCount == 11)
    }

    @Test func draftsAreIncludedOnRequest() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        _ = build(site, drafts: true)
        #expect(site.exists("site/glossary/draft/index.html"))
    }

    @Test func glossaryIndexIsSortedIgnoringCaseAndAccentsWithADigitGroup() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        _ = build(site)
        let page = try #require(site.read("site/glossary/index.html"))
        let main = try #require(page.range(of: "<main"))
        let html = String(page[main.lowerBound...])
        let titles = ["80/20 rule", ">apple<", "Churn rate", "Échelle", "Effort score", "Net Promoter Score"]
        let positions = titles.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(html.contains("id=\"letter-num\""))
        #expect(html.contains("href=\"#letter-e\""))
        #expect(html.contains("<span aria-hidden=\"true\">Z</span>"))
        #expect(html.contains("Customers lost."))
        #expect(page.contains("\"@type\":\"DefinedTermSet\""))
    }

    @Test func termPageHasRelatedBacklinksAliasesAndJSONLD() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        _ = build(site)
        let nps = try #require(site.read("site/glossary/net-promoter-score/index.html"))
        #expect(nps.contains("Also known as <strong>NPS</strong>"))
        #expect(nps.contains("<span class=\"category\">Metrics</span>"))
        #expect(nps.contains("<link rel=\"canonical\" href=\"https://example.org/loyalty/glossary/net-promoter-score/\">"))
        #expect(nps.contains("\"@type\":\"DefinedTerm\""))
        #expect(nps.contains("\"inDefinedTermSet\":\"https://example.org/loyalty/glossary/\""))
        #expect(nps.contains("<a href=\"../../about/\">About</a>"), "backlink from the about page")
        let churn = try #require(site.read("site/glossary/churn-rate/index.html"))
        #expect(churn.contains("<h2 id=\"backlinks-heading\">Mentioned in</h2>"))
        #expect(churn.contains("<a href=\"../net-promoter-score/\">Net Promoter Score</a>"))
        #expect(nps.contains("href=\"../churn-rate/\" title=\"Customers lost.\">Churn rate</a>"))
    }

    @Test func siteTitleIsEscapedEverywhere() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        _ = build(site)
        #expect(site.read("site/index.html")?.contains("Test &lt;Site&gt;") == true)
        #expect(site.read("site/index.html")?.contains("Test <Site>") == false)
        #expect(site.read("site/feed.xml")?.contains("Test &lt;Site&gt;") == true)
    }

    @Test func sitemapAndSearchIndexListEveryPage() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        _ = build(site)
        let sitemap = try #require(site.read("site/sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/loyalty/glossary/churn-rate/</loc>"))
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == 9)
        let search = try #require(site.read("site/search-index.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(search.utf8)) as? [String: Any])
        let pages = try #require(json["pages"] as? [[String: Any]])
        #expect(pages.count == 7)
        #expect(pages.contains { $0["title"] as? String == "Net Promoter Score" && $0["url"] as? String == "/loyalty/glossary/net-promoter-score/" && ($0["aliases"] as? [String]) == ["NPS"] })
    }

    @Test func sameContentGivesByteIdenticalOutput() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        _ = build(site)
        let first = site.files(under: "site").map { ($0, site.read("site/" + $0)) }
        _ = build(site)
        let second = site.files(under: "site").map { ($0, site.read("site/" + $0)) }
        #expect(first.map(\.0) == second.map(\.0))
        #expect(first.map(\.1) == second.map(\.1))
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        _ = build(site)
        let before = site.files(under: "site").map { ($0, site.read("site/" + $0)) }
        try site.write("content/glossary/broken.md", "---\ntitle: Broken\nrelated: [nowhere]\n---\n[[Nothing here]]\n")
        let result = build(site)
        #expect(result.diagnostics.errors.count == 2)
        #expect(!result.wrote)
        let after = site.files(under: "site").map { ($0, site.read("site/" + $0)) }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(before.map(\.1) == after.map(\.1))
        #expect(try !FileManager.default.contentsOfDirectory(atPath: site.root.path).contains { $0.hasPrefix(".site.loysite") })
    }

    @Test func templatesInTheRootOverrideTheBuiltInTheme() throws {
        var files = Self.files
        files["templates/term.mustache"] = "<p>custom {{page.title}}</p>"
        files["templates/assets/extra.css"] = "body{}"
        let site = try TemporarySite(files)
        defer { site.remove() }
        _ = build(site)
        #expect(site.read("site/glossary/churn-rate/index.html") == "<p>custom Churn rate</p>")
        #expect(site.exists("site/assets/extra.css"))
        #expect(site.read("site/glossary/index.html")?.contains("<!doctype html>") == true)
    }

    @Test func templateSyntaxErrorsPointAtTheTemplate() throws {
        var files = Self.files
        files["templates/term.mustache"] = "<p>\n{{#page}}never closed\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = build(site)
        #expect(result.diagnostics.errors.first?.location.file == "templates/term.mustache")
    }

    @Test func refusesToReplaceTheRootOrTheContent() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        for output in [site.root, site.root.appendingPathComponent("content"), site.root.appendingPathComponent("content/glossary"), URL(fileURLWithPath: "/")] {
            let result = SiteBuilder.build(BuildOptions(root: site.root, output: output))
            #expect(result.diagnostics.errors.first?.message.hasPrefix("refusing to write the site") == true, "\(output.path)")
        }
        #expect(site.exists("content/glossary/churn-rate.md"))
    }

    @Test func unsafeModeKeepsRawHTML() throws {
        var files = Self.files
        files["content/glossary/raw.md"] = TemporarySite.term("Raw", body: "<mark>kept</mark> <script>alert(1)</script>")
        let safe = try TemporarySite(files)
        defer { safe.remove() }
        _ = build(safe)
        #expect(safe.read("site/glossary/raw/index.html")?.contains("<script>alert") == false)
        files["content/site.yml"] = "unsafe: true\n"
        let unsafe = try TemporarySite(files)
        defer { unsafe.remove() }
        _ = build(unsafe)
        #expect(unsafe.read("site/glossary/raw/index.html")?.contains("<mark>kept</mark>") == true)
    }
}
