import Foundation
import LoysiteContent
import LoysiteRender
import LoysiteReports
import LoysiteSupport
import LoysiteTesting
import Testing

/// The chart and metric blocks through the seam the build uses: Render's converter, which
/// knows no charts or metrics, given a `DatasetBlockRenderer` over real datasets.
@Suite struct DatasetBlockRendererTests {
    static let files: [String: String] = [
        "content/data/orders.yml": "kind: orders\n",
        "content/data/orders.csv": "order_id,customer_id,date,amount\n1,A,2026-01-05,10\n2,B,2026-02-01,20.5\n3,A,2026-02-03,1\n",
    ]

    /// `report` converted as `content/reports/r.md`, with the directives rendered.
    func converted(_ report: String) throws -> RenderedMarkdown {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let datasets = DatasetLoader.loadAll(root: site.root, defaultPeriod: .month).datasets
        let text = "---\ntitle: R\ndate: 2026-03-31\n---\n" + report
        let page = try #require(PageLoader.load(SourceText(path: "content/reports/r.md", text: text), kind: .report).page)
        let index = PageIndex(pages: [page])
        let converter = MarkdownConverter(index: index, matcher: nil, unsafe: false,
                                          directives: DatasetBlockRenderer(datasets: datasets, index: index, currencyCode: "EUR"))
        return converter.convert(page: PageID(0))
    }

    @Test func aChartBlockBecomesAnInlineFigureAndAMetricBlockATile() throws {
        let result = try converted("```chart\ntype: bar\ndata: orders\nmetric: periods\nx: period\ny: revenue\n```\n\n```metric\ndata: orders\nvalue: customers\n```\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.html.contains("<figure class=\"chart chart-bar\" id=\"chart-1\">"))
        #expect(result.html.contains("<svg"))
        #expect(result.html.contains("<div class=\"metric-tile\" id=\"metric-2"))
        #expect(result.html.contains("<span data-value=\"2\">2</span>"), "two customers")
        #expect(!result.html.contains("<code"), "no block is left as code")
    }

    @Test func anUnknownDatasetIsAnErrorAtItsValueWithTheNearestName() throws {
        let result = try converted("Text.\n\n```chart\ntype: bar\ndata: order\n```\n")
        #expect(result.diagnostics.map(\.description) == [
            "content/reports/r.md:9:7: error: unknown dataset 'order'; did you mean 'orders'? (datasets: orders)",
        ])
    }

    @Test func otherCodeBlocksStayCode() throws {
        let result = try converted("```yaml\ndata: orders\n```\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.html.contains("<code class=\"language-yaml\">"))
    }
}
