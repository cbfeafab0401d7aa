import Foundation
import LoysiteTesting
import Testing

/// `loysite new term|report|page "Title"`.
@Suite struct NewCommandTests {
    @Test func createsATermThatBuildsAsItIs() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let run = try LoysiteBinary.run(["new", "term", "Customer Lifetime Value", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        let path = site.root.appendingPathComponent("content/glossary/customer-lifetime-value.md").path
        #expect(run.stdout == path + "\n")
        let text = try #require(site.read("content/glossary/customer-lifetime-value.md"))
        #expect(text.hasPrefix("---\ntitle: \"Customer Lifetime Value\"\n"))
        let check = try LoysiteBinary.run(["check", "--strict", "--root", site.root.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.isEmpty)
    }

    @Test func createsADatedReportAndPrintsARelativePathInTheRoot() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let run = try LoysiteBinary.run(["new", "report", "Q1 2026: loyalty review", "--date", "2026-03-31"], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "content/reports/q1-2026-loyalty-review.md\n")
        let text = try #require(site.read("content/reports/q1-2026-loyalty-review.md"))
        #expect(text.hasPrefix("---\ntitle: \"Q1 2026: loyalty review\"\ndate: 2026-03-31\n"))
        let build = try LoysiteBinary.run(["build", "--strict", "--quiet"], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        let html = try #require(site.read("site/reports/q1-2026-loyalty-review/index.html"))
        #expect(html.contains("Q1 2026: loyalty review"))
        #expect(html.contains("2026-03-31"))
    }

    @Test func aReportIsDatedTodayByDefault() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let before = Self.localDate()
        #expect(try LoysiteBinary.run(["new", "report", "Monthly", "--root", site.root.path]).status == 0)
        let after = Self.localDate()
        let text = try #require(site.read("content/reports/monthly.md"))
        #expect(text.contains("\ndate: \(before)\n") || text.contains("\ndate: \(after)\n"), "\(text)")
    }

    static func localDate() -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test func transliteratesTitlesAndKeepsQuotes() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let run = try LoysiteBinary.run(["new", "page", "Über \"Café\" & Co's data", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try #require(site.read("content/pages/uber-cafe-and-cos-data.md"))
        #expect(text.hasPrefix("---\ntitle: \"Über \\\"Café\\\" & Co's data\"\n"))
        #expect(try LoysiteBinary.run(["build", "--strict", "--quiet", "--root", site.root.path]).status == 0)
        #expect(site.read("site/uber-cafe-and-cos-data/index.html")?.contains("Über &quot;Café&quot; &amp; Co&#39;s data") == true
            || site.read("site/uber-cafe-and-cos-data/index.html")?.contains("Über &quot;Café&quot; &amp; Co") == true)
    }

    @Test func refusesToOverwriteOrToTakeAnotherPagesURL() throws {
        let site = try TemporarySite([
            "content/glossary/churn-rate.md": TemporarySite.term("Churn rate", body: "Original."),
            "content/glossary/metrics/nps.md": TemporarySite.term("NPS"),
        ])
        defer { site.remove() }
        let again = try LoysiteBinary.run(["new", "term", "Churn Rate", "--root", site.root.path])
        #expect(again.status == 1)
        #expect(again.stderr == "error: content/glossary/churn-rate.md already exists; not overwriting it (edit it, or choose another title or --slug)\n")
        #expect(again.stdout.isEmpty)
        #expect(site.read("content/glossary/churn-rate.md") == TemporarySite.term("Churn rate", body: "Original."))
        let taken = try LoysiteBinary.run(["new", "term", "NPS", "--root", site.root.path])
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("content/glossary/metrics/nps.md already has the URL /glossary/nps/"))
        #expect(!site.exists("content/glossary/nps.md"))
    }

    @Test func slugOptionAndUnusableTitles() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        #expect(try LoysiteBinary.run(["new", "term", "Net Promoter Score", "--slug", "nps", "--root", site.root.path]).status == 0)
        #expect(site.exists("content/glossary/nps.md"))
        let badSlug = try LoysiteBinary.run(["new", "term", "X", "--slug", "Bad Slug", "--root", site.root.path])
        #expect(badSlug.status == 1)
        #expect(badSlug.stderr.contains("invalid slug 'Bad Slug'") && badSlug.stderr.contains("did you mean 'bad-slug'?"))
        let emoji = try LoysiteBinary.run(["new", "term", "🎉", "--root", site.root.path])
        #expect(emoji.status == 1)
        #expect(emoji.stderr.contains("pass --slug"))
        #expect(try LoysiteBinary.run(["new", "term", "  ", "--root", site.root.path]).status == 1)
    }

    @Test func usageErrors() throws {
        #expect(try LoysiteBinary.run(["new", "glossary", "X"]).status == 64)
        #expect(try LoysiteBinary.run(["new", "term"]).status == 64)
        #expect(try LoysiteBinary.run(["new", "report", "X", "--date", "2026-02-30"]).status == 64)
    }
}
