import Foundation
import LoysiteBuild
import LoysiteTesting
import Testing

@Suite struct AtomFeedTests {
    let files: [String: String] = [
        "content/reports/older.md": "---\ntitle: Older & wiser\ndate: 2026-01-05\nsummary: The first one.\n---\nBody\n",
        "content/reports/newer.md": "---\ntitle: Newer\ndate: 2026-03-01\n---\nThe newest report.\n",
    ]

    @Test func reportsNewestFirstWithAbsoluteIDs() throws {
        var files = self.files
        files["content/site.yml"] = "base_url: https://example.org/\ntitle: Site\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        _ = SiteBuilder.build(BuildOptions(root: site.root))
        let feed = try #require(site.read("site/feed.xml"))
        #expect(feed.contains("<updated>2026-03-01T00:00:00Z</updated>"))
        #expect(feed.contains("<id>https://example.org/reports/newer/</id>"))
        #expect(feed.contains("<title>Older &amp; wiser</title>"))
        #expect(feed.contains("<summary>The newest report.</summary>"))
        let newer = try #require(feed.range(of: "reports/newer/")), older = try #require(feed.range(of: "reports/older/"))
        #expect(newer.lowerBound < older.lowerBound)
        let index = try #require(site.read("site/reports/index.html"))
        #expect(try #require(index.range(of: ">Newer<")).lowerBound < #require(index.range(of: ">Older &amp; wiser<")).lowerBound)
    }

    @Test func idsStayAbsoluteWithoutABaseURL() throws {
        let site = try TemporarySite(files)
        defer { site.remove() }
        _ = SiteBuilder.build(BuildOptions(root: site.root))
        let feed = try #require(site.read("site/feed.xml"))
        #expect(feed.contains("<id>urn:loysite:reports/newer/</id>"))
        #expect(feed.contains("<id>urn:loysite:feed.xml</id>"))
    }
}
