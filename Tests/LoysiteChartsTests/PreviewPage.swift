import Foundation
import LoysiteSupport
import Testing
@testable import LoysiteCharts

/// Writes an HTML page with every chart type and some tiles, light and dark, for a
/// person to look at in a browser (or a headless one's screenshot). Runs only when
/// `LOYSITE_CHART_PREVIEW` names the file to write:
///
///     LOYSITE_CHART_PREVIEW=/dev/shm/charts.html swift test --filter PreviewPage
@Suite struct PreviewPage {
    static let target = ProcessInfo.processInfo.environment["LOYSITE_CHART_PREVIEW"]

    static var stylesheet: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates/assets/charts.css")
    }

    @Test(.enabled(if: target != nil))
    func writePreview() throws {
        var sections: [String] = []
        var counter = 0
        func chart(_ spec: ChartSpec, _ table: DataTable, period: String? = nil) throws -> String {
            counter += 1
            return try ChartRenderer.render(spec, table: table, options: ChartOptions(currencyCode: "USD", idPrefix: "chart-\(counter)", period: period))
        }
        let tiles = MetricTile.renderGrid([
            MetricTile(label: "Net Promoter Score", value: 42, unit: .score, period: "2026-03", previousValue: 37, previousPeriod: "2026-02", target: 40, history: [28, 31, 30, 35, 37, 42], href: "#"),
            MetricTile(label: "Churn rate", value: 0.062, unit: .ratio, period: "2026-03", previousValue: 0.055, previousPeriod: "2026-02", target: 0.05, higherIsBetter: false, history: [0.07, 0.061, 0.058, 0.055, 0.062]),
            MetricTile(label: "Revenue", value: 48_250, unit: .money, period: "2026-03", previousValue: 45_900, previousPeriod: "2026-02", history: [31_000, 36_500, 40_100, 45_900, 48_250]),
            MetricTile(label: "Retention rate", value: nil, unit: .ratio, period: "2026-01", target: 0.4),
        ], options: ChartOptions(idPrefix: "tiles"))
        sections.append(tiles)
        sections.append(try chart(ChartSpec(type: .line, title: "Month-on-month retention", x: "period", y: ["retention_rate", "churn_rate"]), Fixtures.periods(18)))
        sections.append(try chart(ChartSpec(type: .area, title: "Revenue", x: "period", y: ["revenue"]), Fixtures.periods(36)))
        sections.append(try chart(ChartSpec(type: .bar, title: "Active and new customers", x: "period", y: ["active_customers", "new_customers"]), Fixtures.periods(12)))
        sections.append(try chart(ChartSpec(type: .bar, title: "NPS by segment", x: "segment", y: ["nps"]), Fixtures.segments()))
        sections.append(try chart(ChartSpec(type: .bar, title: "Responses by segment", x: "segment", y: ["responses"]), Fixtures.segments()))
        sections.append(try chart(ChartSpec(type: .stackedBar, title: "Promoters, passives and detractors", x: "period", y: ["promoters", "passives", "detractors"], percent: true), Fixtures.nps(8)))
        sections.append(try chart(ChartSpec(type: .stackedBar, title: "Responses by segment", x: "segment", y: ["promoters", "passives", "detractors"]), Fixtures.segments()))
        sections.append(try chart(ChartSpec(type: .heatmap, title: "Cohort retention"), Fixtures.cohorts(8), period: "month"))
        sections.append(try chart(ChartSpec(type: .heatmap, title: "Cohort retention, two years"), Fixtures.cohorts(24), period: "month"))
        sections.append(try chart(ChartSpec(type: .donut, title: "Responses by segment", x: "segment", y: ["responses"]), Fixtures.segments()))
        sections.append(try chart(ChartSpec(type: .donut, title: "Latest month", x: "period", y: ["promoters", "passives", "detractors"]), Fixtures.nps(6)))
        sections.append(try chart(ChartSpec(type: .sparkline, title: "Revenue trend", x: "period", y: ["revenue"]), Fixtures.periods(12)))
        sections.append(try chart(ChartSpec(type: .line, title: "Gaps and a lone point", x: "label", y: ["value"]), Fixtures.simple([4, 6, nil, 5, 7, nil, 3, nil, nil, 8])))
        sections.append(try chart(ChartSpec(type: .bar, title: "Negative values", x: "period", y: ["a", "b"]), RobustnessTests.table(.negative)))
        sections.append(try chart(ChartSpec(type: .line, title: "One point", x: "period", y: ["a"]), RobustnessTests.table(.singlePoint)))
        sections.append(try chart(ChartSpec(type: .line, title: "All equal", x: "period", y: ["a"]), RobustnessTests.table(.allEqual)))
        sections.append(try chart(ChartSpec(type: .bar, title: "Empty", x: "period", y: ["a"]), RobustnessTests.table(.noRows)))

        let body = sections.joined(separator: "\n")
        let css = try String(contentsOf: Self.stylesheet, encoding: .utf8)
        let page = """
        <!doctype html>
        <html lang="en" data-theme="\(ProcessInfo.processInfo.environment["LOYSITE_CHART_THEME"] ?? "light")">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Charts preview</title>
        <style>
        :root { color-scheme: light; }
        :root[data-theme="dark"] { color-scheme: dark; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
               margin: 0 auto; padding: 1.5rem; max-width: 46rem; line-height: 1.5;
               background: #fff; color: #1d2430; }
        :root[data-theme="dark"] body { background: #14171c; color: #e6e9ee; }
        \(css)
        </style></head>
        <body>
        \(body)
        </body></html>
        """
        try page.write(toFile: Self.target!, atomically: true, encoding: .utf8)
        _ = try XMLCheck.parse(body)
    }

    /// The stylesheet's light palette must match the fallbacks written into every chart.
    @Test func stylesheetPaletteMatchesTheFallbacks() throws {
        let css = try String(contentsOf: Self.stylesheet, encoding: .utf8)
        let root = try #require(css.range(of: ":root {")).upperBound
        let block = css[root..<(try #require(css.range(of: "}", range: root..<css.endIndex))).lowerBound]
        for (index, color) in ChartPalette.fallbacks.enumerated() {
            #expect(block.contains("--chart-\(index + 1): \(color);"), "--chart-\(index + 1) should be \(color)")
        }
        #expect(block.contains("--chart-good: #009E73;") && block.contains("--chart-bad: #D55E00;") && block.contains("--chart-neutral: #A0A0A0;"))
        #expect(css.contains("prefers-color-scheme: dark"))
    }
}
