import Foundation
import LoysiteBuild
import LoysiteSupport
import LoysiteTesting
import Testing

/// What the pages show of a site (issue 16): the search box and its index, a term's own
/// summary, "Mentioned in" without the related terms, headings on report cards, and no
/// links to an empty glossary.
@Suite struct SitePagesTests {
    static let files: [String: String] = [
        "content/site.yml": "title: Pages\nbase_url: https://example.org/docs/\n",
        "content/glossary/net-promoter-score.md": TemporarySite.term("Net Promoter Score", "aliases: [NPS]\nsummary: Promoters minus detractors.\nrelated: [promoters]\n", body: "The score."),
        "content/glossary/promoters.md": TemporarySite.term("Promoters", "related: [net-promoter-score]\n", body: "They answer 9 or 10; see [[NPS]]."),
        "content/glossary/detractors.md": TemporarySite.term("Detractors", body: "They answer 0 to 6, which lowers the [[NPS]]."),
        "content/glossary/eclair.md": TemporarySite.term("Éclair", "summary: \"A pastry </script><b>.\"\n"),
        "content/reports/review.md": "---\ntitle: Quarterly review\ndate: 2026-01-15\n---\nAbout the NPS.\n",
    ]

    func built(_ files: [String: String] = SitePagesTests.files) throws -> TemporarySite {
        let site = try TemporarySite(files)
        let result = SiteBuilder.build(BuildOptions(root: site.root))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return site
    }

    @Test func everyPageHasTheSearchBoxAndItsScriptFromTheSitesOwnAssets() throws {
        let site = try built()
        defer { site.remove() }
        for (page, root) in [("index.html", "./"), ("glossary/index.html", "../"), ("glossary/promoters/index.html", "../../"),
                             ("reports/review/index.html", "../../")] {
            let html = try #require(site.read("site/" + page))
            #expect(html.contains("<form class=\"site-search\" role=\"search\" action=\"\(root)glossary/index.html\" data-root=\"\(root)\" data-index=\"\(root)search-index.js\">"), "\(page)")
            #expect(html.contains("<script src=\"\(root)assets/search.js\" defer></script>"), "\(page)")
            #expect(html.contains("<link rel=\"icon\" href=\"\(root)assets/favicon.svg\""), "\(page)")
        }
        // The 404 page is served at any address: its links start from the base path.
        #expect(site.read("site/404.html")?.contains("<script src=\"/docs/assets/search.js\" defer></script>") == true)
        #expect(site.exists("site/assets/search.js") && site.exists("site/assets/favicon.svg"))
        #expect(SiteValidator.scriptProblems(in: site.root.appendingPathComponent("site")) == [])
    }

    @Test func theSearchScriptIndexListsTermsThenReportsWithRelativePathsAndAliases() throws {
        let site = try built()
        defer { site.remove() }
        let script = try #require(site.read("site/search-index.js"))
        let prefix = "window.loysiteSearchIndex = "
        #expect(script.hasPrefix(prefix) && script.hasSuffix(";\n"))
        let json = String(script.dropFirst(prefix.count).dropLast(2))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pages = try #require(object["pages"] as? [[String]])
        #expect(pages.map { $0[1] } == ["Detractors", "Éclair", "Net Promoter Score", "Promoters", "Quarterly review"])
        #expect(pages[2] == ["t", "Net Promoter Score", "Promoters minus detractors.", "glossary/net-promoter-score/", "NPS"])
        #expect(pages[4][0] == "r" && pages[4][3] == "reports/review/")
        // Text from content cannot close a script element or open a tag.
        #expect(!script.contains("</script>") && !script.contains("<b>"))
        #expect(pages[1][2] == "A pastry </script><b>.")
    }

    @Test func theScriptIndexCutsLongSummaries() throws {
        let long = String(repeating: "word ", count: 60)
        var files = Self.files
        files["content/glossary/long.md"] = TemporarySite.term("Long", "summary: \(long)\n")
        let site = try built(files)
        defer { site.remove() }
        let script = try #require(site.read("site/search-index.js"))
        let line = try #require(script.range(of: "[\"t\",\"Long\",\"")).upperBound
        let summary = script[line...].prefix { $0 != "\"" }
        #expect(summary.count <= 101 && summary.hasSuffix("…"))
        #expect(site.read("site/search-index.json")?.contains(long.trimmingCharacters(in: .whitespaces)) == true)
    }

    @Test func aTermShowsItsOwnSummaryAndMentionsLeaveOutRelatedTerms() throws {
        let site = try built()
        defer { site.remove() }
        let nps = try #require(site.read("site/glossary/net-promoter-score/index.html"))
        #expect(nps.contains("<p class=\"lede\">Promoters minus detractors.</p>"))
        // Promoters and Detractors both mention NPS; Promoters is already a related term.
        let mentioned = try #require(nps.range(of: "id=\"backlinks-heading\"")).upperBound
        let backlinks = String(nps[mentioned...].prefix { $0 != "§" }.split(separator: "</section>")[0])
        #expect(backlinks.contains(">Detractors<") && !backlinks.contains(">Promoters<"))
        #expect(nps.contains("id=\"related-heading\"") && nps.contains(">Promoters</a>"))
        // A term without a summary shows no empty lede (its first paragraph is the body).
        let promoters = try #require(site.read("site/glossary/promoters/index.html"))
        #expect(!promoters.contains("class=\"lede\""))
    }

    @Test func reportCardsAreHeadingsAndIndexTitlesAreNotRepeated() throws {
        let site = try built()
        defer { site.remove() }
        let reports = try #require(site.read("site/reports/index.html"))
        #expect(reports.contains("<h2 class=\"card-title\"><a href=\"review/\">Quarterly review</a></h2>"))
        #expect(!reports.contains("<strong>Quarterly review"))
        #expect(site.read("site/index.html")?.contains("<h3 class=\"card-title\"><a href=\"reports/review/\">Quarterly review</a></h3>") == true)
        let glossary = try #require(site.read("site/glossary/index.html"))
        #expect(!glossary.contains("class=\"eyebrow\">Glossary") && !reports.contains("class=\"eyebrow\">Reports"))
    }

    @Test func aSiteWithoutTermsLinksToNoGlossary() throws {
        let site = try built(["content/site.yml": "title: Reports only\n", "content/reports/review.md": Self.files["content/reports/review.md"]!])
        defer { site.remove() }
        for page in ["index.html", "404.html", "reports/index.html", "reports/review/index.html"] {
            let html = try #require(site.read("site/" + page))
            let footer = try #require(html.range(of: "<footer")).lowerBound
            #expect(!html[footer...].contains("glossary/"), "\(page)")
        }
        #expect(site.read("site/404.html")?.contains("Glossary A–Z") == false)
        let glossary = try #require(site.read("site/glossary/index.html"))
        #expect(glossary.contains("No terms yet.") && !glossary.contains("0 terms") && !glossary.contains("class=\"letters\""))
    }
}
