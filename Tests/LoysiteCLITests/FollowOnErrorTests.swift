import Foundation
import LoysiteTesting
import Testing

/// A page file that fails to load defines none of its names, so every link to it fails
/// too. The real problem comes first, the problems that follow from it after it, each
/// saying so, and the summary counts them apart (issue 16: one unclosed front matter
/// showed 23 errors, sorted by path, the real one second).
@Suite struct FollowOnErrorTests {
    @Test func theFileThatFailedComesFirstAndTheLinksToItAreMarked() throws {
        let site = try TemporarySite([
            "content/glossary/churn-rate.md": "---\ntitle: Churn rate\n\nBody\n",
            "content/glossary/a-term.md": "---\ntitle: Attrition\nrelated: [churn-rate]\n---\nSee [[Churn rate]] and [the rate](/glossary/churn-rate/).\n",
            "content/glossary/b-term.md": "---\ntitle: Burn\nrelated: [nowhere]\n---\nSee [[Churn rate]].\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 1)
        let follows = " (follows from content/glossary/churn-rate.md not loading)"
        #expect(run.errorLines == [
            "content/glossary/b-term.md:3:11: error: related entry 'nowhere' matches no page's title, alias or slug",
            "content/glossary/churn-rate.md:1:1: error: front matter opened with '---' is never closed by a line '---'",
            "content/glossary/a-term.md:3:11: error: related entry 'churn-rate' matches no page's title, alias or slug" + follows,
            "content/glossary/a-term.md:5:5: error: wikilink [[Churn rate]] matches no page's title, alias or slug" + follows,
            "content/glossary/a-term.md:5:24: warning: link to '/glossary/churn-rate/' matches no page of the site" + follows,
            "content/glossary/b-term.md:5:5: error: wikilink [[Churn rate]] matches no page's title, alias or slug" + follows,
            "build failed: 2 errors (and 3 that follow from them), 1 warning; the output folder was left as it was",
        ], "\(run.stderr)")
        #expect(!site.exists("site"))
    }

    @Test func chartsAndTilesOfADatasetWhoseSidecarFailedAreMarked() throws {
        let site = try TemporarySite([
            "content/data/orders.csv": "order_id,customer_id,date,amount\n1,a,2026-01-05,10\n",
            "content/data/orders.yml": "kind: [orders\n",
            "content/reports/r.md": "---\ntitle: R\n---\n```chart\ntype: line\ndata: orders\nmetric: periods\nx: period\ny: [revenue]\n```\n\n"
                + "```metric\n- {data: orders, value: revenue, label: Revenue}\n- {data: orders, value: nps, period: last}\n```\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["check", "--root", site.root.path])
        let follows = " (follows from content/data/orders.yml not loading)"
        #expect(run.errorLines == [
            "content/data/orders.yml:1:7: error: invalid YAML: the list '[' opened here is never closed",
            "content/reports/r.md:7:9: error: unknown metric 'periods' for series dataset 'orders'; metrics: " + follows,
            "content/reports/r.md:13:25: error: metric: unknown figure 'revenue'; known figures: order_id, amount" + follows,
            "content/reports/r.md:14:25: error: metric: unknown figure 'nps'; known figures: order_id, amount" + follows,
            "check failed: 1 error (and 3 that follow from it)",
        ], "\(run.stderr)")
    }

    @Test func withoutAFailedFileNothingIsMarked() throws {
        let site = try TemporarySite([
            "content/glossary/a-term.md": "---\ntitle: Attrition\n---\nSee [[Churn rate]].\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["check", "--root", site.root.path])
        #expect(run.errorLines == [
            "content/glossary/a-term.md:4:5: error: wikilink [[Churn rate]] matches no page's title, alias or slug",
            "check failed: 1 error",
        ], "\(run.stderr)")
    }
}
