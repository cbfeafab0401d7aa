import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteTesting
import Testing

@Suite struct ContentScaffoldTests {
    let day = CivilDate(year: 2026, month: 3, day: 7)!

    @Test func pathsAndSlugsFollowTheKind() throws {
        #expect(try ContentScaffold(kind: .term, title: "Net Promoter Score", date: day).relativePath == "content/glossary/net-promoter-score.md")
        #expect(try ContentScaffold(kind: .report, title: "Q1 review", date: day).relativePath == "content/reports/q1-review.md")
        #expect(try ContentScaffold(kind: .page, title: "About us", date: day).relativePath == "content/pages/about-us.md")
        #expect(try ContentScaffold(kind: .term, title: "Net Promoter Score", slug: "nps", date: day).relativePath == "content/glossary/nps.md")
    }

    @Test func aReportCarriesTheGivenDate() throws {
        let report = try ContentScaffold(kind: .report, title: "Q1 review", date: day)
        #expect(report.text.hasPrefix("---\ntitle: \"Q1 review\"\ndate: 2026-03-07\n"))
        #expect(!(try ContentScaffold(kind: .term, title: "X", date: day).text.contains("date:")))
    }

    @Test func titlesAreQuotedSoAnyTitleSurvives() throws {
        let scaffold = try ContentScaffold(kind: .term, title: "Ratio: \"repeat\" \\ one\ttwo\nthree", date: day)
        #expect(scaffold.title == "Ratio: \"repeat\" \\ one\ttwo three")
        #expect(scaffold.text.contains("title: \"Ratio: \\\"repeat\\\" \\\\ one\\ttwo three\"\n"))
        // And the loader reads back exactly the title.
        let site = try TemporarySite()
        defer { site.remove() }
        try scaffold.write(root: site.root)
        let loaded = ContentLoader.load(root: site.root, includeDrafts: false)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.pages.map(\.title) == ["Ratio: \"repeat\" \\ one\ttwo three"])
    }

    @Test func refusesBadTitlesAndSlugs() {
        #expect(throws: ScaffoldError.emptyTitle) { try ContentScaffold(kind: .term, title: " \n ", date: day) }
        #expect(throws: ScaffoldError.noSlug(title: "★")) { try ContentScaffold(kind: .term, title: "★", date: day) }
        #expect(throws: ScaffoldError.invalidSlug("A_b", suggestion: "a-b")) { try ContentScaffold(kind: .term, title: "x", slug: "A_b", date: day) }
    }

    @Test func neverOverwrites() throws {
        let site = try TemporarySite(["content/glossary/churn.md": "keep me"])
        defer { site.remove() }
        #expect(throws: ScaffoldError.exists(path: "content/glossary/churn.md")) {
            try ContentScaffold(kind: .term, title: "Churn", date: day).write(root: site.root)
        }
        #expect(site.read("content/glossary/churn.md") == "keep me")
        let url = try ContentScaffold(kind: .term, title: "Churn rate", date: day).write(root: site.root)
        #expect(url.path == site.root.appendingPathComponent("content/glossary/churn-rate.md").path)
    }
}
