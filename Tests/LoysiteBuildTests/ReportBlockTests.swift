import Foundation
import LoysiteBuild
import LoysiteTesting
import Testing

/// Chart and metric blocks in reports, through the whole build.
@Suite struct ReportBlockTests {
    static let data: [String: String] = [
        "content/data/orders.csv": """
        order_id,customer_id,date,amount
        1,a,2026-01-05,10.00
        2,b,2026-01-06,20.00
        3,a,2026-02-01,30.00
        4,c,2026-02-10,5.50
        5,b,2026-03-03,12.00
        6,<script>,2026-03-04,1.00

        """,
        "content/data/orders.yml": "kind: orders\ncolumns: {customer: customer_id, order: order_id}\n",
        "content/data/nps.csv": "date,score,segment\n2026-01-02,10,web\n2026-01-03,3,store\n2026-02-01,9,web\n2026-02-02,8,\"<b>app</b>\"\n",
        "content/data/nps.yml": "kind: responses\n",
        "content/glossary/net-promoter-score.md": TemporarySite.term("Net Promoter Score", "aliases: [NPS]\n"),
    ]

    func build(report: String) throws -> (TemporarySite, BuildResult) {
        var files = Self.data
        files["content/reports/r.md"] = "---\ntitle: R\ndate: 2026-03-31\n---\n" + report
        let site = try TemporarySite(files)
        return (site, SiteBuilder.build(BuildOptions(root: site.root)))
    }

    @Test func chartsBecomeInlineSVGFigures() throws {
        let (site, result) = try build(report: """
        Intro.

        ```chart
        type: bar
        data: orders
        metric: periods
        x: period
        y: revenue
        title: Revenue <by> month
        ```

        ```chart
        type: heatmap
        data: orders
        metric: cohorts
        ```
        """)
        defer { site.remove() }
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let html = try #require(site.read("site/reports/r/index.html"))
        #expect(html.contains("<figure class=\"chart chart-bar\" id=\"chart-1\">"))
        #expect(html.contains("<figure class=\"chart chart-heatmap\" id=\"chart-2\">"))
        #expect(html.contains("<figcaption>Revenue &lt;by&gt; month</figcaption>"))
        #expect(html.contains("$30"), "February's revenue formatted as money")
        #expect(!html.contains("<pre><code class=\"language-chart\">"))
    }

    @Test func metricBlocksBecomeTilesLinkedToTheGlossary() throws {
        let (site, result) = try build(report: """
        ```metric
        data: nps
        value: nps
        period: last
        label: Net Promoter Score
        target: 40
        ```

        ```metric
        - {data: orders, value: customers}
        - {data: orders, value: churn_rate, period: 2026-02}
        ```
        """)
        defer { site.remove() }
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let html = try #require(site.read("site/reports/r/index.html"))
        #expect(html.components(separatedBy: "class=\"metric-grid\"").count - 1 == 2)
        #expect(html.contains("href=\"../../glossary/net-promoter-score/\""))
        // February: 2 promoter-or-passive answers: one promoter (9), one passive (8) → NPS 50.
        #expect(html.contains("data-value=\"50\""))
        #expect(html.contains("Target 40"))
        #expect(html.contains("data-value=\"4\""), "four customers: a, b, c and the one whose id is <script>")
    }

    @Test func dataFromTheDatasetIsEscaped() throws {
        let (site, _) = try build(report: "```chart\ntype: bar\ndata: nps\nmetric: nps-segments\nx: segment\ny: responses\n```\n")
        defer { site.remove() }
        let html = try #require(site.read("site/reports/r/index.html"))
        #expect(!html.contains("<b>app</b>"))
        #expect(html.contains("&lt;b&gt;app&lt;/b&gt;"))
    }

    @Test func mistakesInBlocksAreErrorsAtTheirLines() throws {
        let (site, result) = try build(report: """
        ```chart
        type: pie
        data: orders
        ```

        ```chart
        type: line
        data: order
        ```

        ```chart
        type: line
        data: orders
        metric: weekly
        ```

        ```chart
        type: line
        data: orders
        metric: periods
        x: period
        y: retension_rate
        ```

        ```chart
        type: line
        data: orders
        metric: periods
        y: period
        ```

        ```metric
        data: nps
        value: net_score
        ```

        ```chart
        type: [line
        ```
        """)
        defer { site.remove() }
        let lines = result.diagnostics.errors.map(\.description)
        #expect(lines.contains("content/reports/r.md:6:7: error: unknown chart type 'pie'; types: line, bar, stacked-bar, area, heatmap, donut, sparkline"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/reports/r.md:12:7: error: unknown dataset 'order'; did you mean 'orders'?") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/reports/r.md:18:9: error: unknown metric 'weekly' for orders dataset 'orders'; metrics: ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/reports/r.md:26:4: error: chart: unknown column \"retension_rate\"") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/reports/r.md:33:4: error: chart: ") && $0.contains("period") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/reports/r.md:38:8: error: metric: unknown figure 'net_score'") }, "\(lines)")
        #expect(lines.contains("content/reports/r.md:42:7: error: invalid YAML: the list '[' opened here is never closed"), "\(lines)")
        #expect(lines.count == 7, "\(lines)")
        #expect(!result.wrote)
    }

    @Test func theDefaultDashboardShowsTheDatasetsHeadlines() throws {
        let (site, result) = try build(report: "No blocks.\n")
        defer { site.remove() }
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let home = try #require(site.read("site/index.html"))
        #expect(home.contains("class=\"metric-grid\""))
        #expect(home.contains("Net Promoter Score by month"))
        #expect(home.contains("Revenue by month"))
    }

    @Test func contentIndexReplacesTheDefaultDashboard() throws {
        var files = Self.data
        files["content/index.md"] = "Welcome to **our** dashboard.\n\n```metric\ndata: orders\nvalue: revenue\n```\n\n[[NPS]]\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(root: site.root))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let home = try #require(site.read("site/index.html"))
        #expect(home.contains("Welcome to <strong>our</strong> dashboard."))
        #expect(home.contains("<a href=\"glossary/net-promoter-score/\" title=\"Net Promoter Score\">NPS</a>"))
        #expect(!home.contains("Revenue by month"))
    }
}
