import Foundation
import LoysiteCharts
import LoysiteContent
import LoysiteRender
import LoysiteReports
import LoysiteSupport
import LoysiteTesting
import Testing

/// One renderer draws each chart once and gives it every block's own ids
/// (`PreparedCharts`): pages converted through one shared renderer must come out
/// byte-identical to the same pages each converted by a renderer of its own, which
/// draws every block anew.
@Suite struct PreparedChartsTests {
    static let files: [String: String] = [
        "content/data/orders.yml": "kind: orders\n",
        "content/data/orders.csv": "order_id,customer_id,date,amount\n1,A,2026-01-05,10\n2,B,2026-02-01,20.5\n3,A,2026-02-03,1\n4,C,2026-03-09,7\n5,B,2026-03-20,3\n6,A,2026-04-02,12\n",
        "content/data/responses.yml": "kind: responses\ncolumns:\n  segment: channel\n",
        "content/data/responses.csv": "id,date,channel,score\n1,2026-01-03,web,10\n2,2026-01-09,app,6\n3,2026-02-11,web,9\n4,2026-03-01,app,3\n",
    ]

    /// Blocks a report page may hold: charts that repeat across pages, charts that
    /// differ only in their options, and blocks with errors (which must stay errors
    /// at each page's own line).
    static let blocks = [
        "```chart\ntype: heatmap\ndata: orders\nmetric: cohorts\ntitle: Cohort retention\n```\n",
        "```chart\ntype: heatmap\ndata: orders\nmetric: cohorts\n```\n",
        "```chart\ntype: bar\ndata: orders\nmetric: periods\nx: period\ny: revenue\n```\n",
        "```chart\ntype: bar\ndata: orders\nmetric: periods\nx: period\ny: revenue\nhorizontal: true\n```\n",
        "```chart\ntype: line\ndata: orders\nmetric: periods\nx: period\ny: [retention_rate]\ntitle: Retention\n```\n",
        "```chart\ntype: stacked-bar\ndata: responses\nmetric: nps-segments\nx: segment\ny: [promoters, passives, detractors]\n```\n",
        "```chart\ntype: line\ndata: responses\nmetric: nps\nx: period\ny: nps\nbogus: 1\n```\n",
        "```chart\ntype: bar\ndata: orders\nmetric: periods\nx: period\ny: revenu\n```\n",
        "```chart\ntype: bar\ndata: orders\nmetric: period\nx: period\ny: revenue\n```\n",
        "```metric\ndata: orders\nvalue: customers\n```\n",
        "Some text between the blocks.\n",
    ]

    /// `count` report pages, each a seeded random choice of blocks in a random order.
    static func reports(_ count: Int, seed: UInt64) -> [String] {
        var random = SeededNumbers(seed: seed)
        return (0..<count).map { _ in
            (0..<(1 + Int(random.next() % 6))).map { _ in blocks[Int(random.next() % UInt64(blocks.count))] }.joined(separator: "\n")
        }
    }

    @Test func chartsDrawnOnceGiveEveryPageWhatDrawingItAnewGives() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let datasets = DatasetLoader.loadAll(root: site.root, defaultPeriod: .month).datasets
        #expect(datasets.count == 2)
        let pages = try Self.reports(60, seed: 12).enumerated().map { number, body in
            let text = "---\ntitle: R\(number)\ndate: 2026-03-31\n---\n" + body
            return try #require(PageLoader.load(SourceText(path: "content/reports/r\(number).md", text: text), kind: .report).page)
        }
        let index = PageIndex(pages: pages)
        let shared = MarkdownConverter(index: index, matcher: nil, unsafe: false,
                                       directives: DatasetBlockRenderer(datasets: datasets, index: index, currencyCode: "EUR"))
        var heatmapIDs: Set<String> = []
        for number in index.pages.indices {
            let own = MarkdownConverter(index: index, matcher: nil, unsafe: false,
                                        directives: DatasetBlockRenderer(datasets: datasets, index: index, currencyCode: "EUR"))
            let drawnAnew = own.convert(page: number)
            let drawnOnce = shared.convert(page: number)
            #expect(drawnOnce.html == drawnAnew.html, "page \(number)")
            #expect(drawnOnce.diagnostics.map(\.description) == drawnAnew.diagnostics.map(\.description), "page \(number)")
            // The heatmap's colour ramp is named after its own figure on every page.
            for match in drawnOnce.html.ranges(of: "<linearGradient id=\"") {
                let id = drawnOnce.html[match.upperBound...].prefix { $0 != "\"" }
                #expect(drawnOnce.html.contains("fill=\"url(#\(id))\""))
                heatmapIDs.insert(String(id))
            }
        }
        #expect(heatmapIDs.count > 4, "heatmaps at several places on their pages: \(heatmapIDs.sorted())")
    }

    @Test func aPreparedChartGivesWhatRenderGivesForAnyPrefix() throws {
        let cohorts = DataTable(
            columns: [.init("cohort"), .init("size", unit: .count), .init("0", unit: .ratio), .init("1", unit: .ratio)],
            rows: [[.text("2026-01"), .number(4), .number(1), .number(0.5)], [.text("2026-02"), .number(2), .number(1), .null]])
        for spec in [ChartSpec(type: .heatmap), ChartSpec(type: .bar, x: "cohort", y: ["size"])] {
            for responsive in [true, false] {
                let prepared = try ChartRenderer.prepare(spec, table: cohorts, options: ChartOptions(idPrefix: "ignored", responsive: responsive))
                for prefix in ["chart-1", "chart-22", "9 odd/prefix", ""] {
                    let options = ChartOptions(idPrefix: prefix, responsive: responsive)
                    #expect(prepared.html(idPrefix: prefix) == (try ChartRenderer.render(spec, table: cohorts, options: options)), "\(spec.type) \(prefix)")
                }
            }
        }
    }
}

