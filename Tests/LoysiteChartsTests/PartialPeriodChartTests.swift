@testable import LoysiteCharts
import LoysiteSupport
import Testing

/// SPEC §2 "Partial periods" in charts and tiles, and the readability fixes of issue 16
/// (stacked areas, human period labels, label collisions, one precision, sparkline colour).
@Suite struct PartialPeriodChartTests {
    /// `Fixtures.periods` with a `partial` column, the last period partial.
    static func periodsWithPartialLast(_ count: Int = 12) -> DataTable {
        var table = Fixtures.periods(count)
        table.columns.append(.init(DataTable.partialColumn))
        for row in table.rows.indices { table.rows[row].append(DataTable.partialCell(row == count - 1)) }
        return table
    }

    @Test func aPartialBarIsPaleAndOutlinedAndTheTableSaysPartial() throws {
        let chart = try Rendered(ChartSpec(type: .bar, x: "period", y: ["revenue"]), Self.periodsWithPartialLast())
        let partial = chart.bars.filter { ($0.attributes["class"] ?? "").contains("chart-partial") }
        #expect(partial.count == 1)
        #expect(partial.first?.attributes["stroke-dasharray"] != nil)
        #expect(chart.bars.last?.attributes["class"] == "chart-bar chart-partial")
        let rows = chart.figure.descendants("tbody").flatMap { $0.descendants("th") }.map(\.fullText)
        #expect(rows.last == "2024-12 (partial)")
        #expect(rows.first == "2024-01", "the data table keeps the period keys")
        #expect(chart.svg.descendants("desc").first?.text.contains("2024-12 is a partial period") == true)
        // And in words under the drawing, for every reader.
        #expect(chart.figure.withClass("chart-note").first?.fullText == "Dec 2024 is a partial period (pale, dashed outline): the data ends before it does.")
        // Without the column nothing is marked.
        let plain = try Rendered(ChartSpec(type: .bar, x: "period", y: ["revenue"]), Fixtures.periods())
        #expect(plain.svg.withClass("chart-partial").isEmpty)
        #expect(plain.figure.withClass("chart-note").isEmpty)
    }

    @Test(arguments: [ChartType.line, .area])
    func theStepIntoAPartialPeriodIsDashed(type: ChartType) throws {
        let chart = try Rendered(ChartSpec(type: type, x: "period", y: ["active_customers"]), Self.periodsWithPartialLast())
        let dashed = chart.svg.withClass("chart-line").filter { $0.attributes["stroke-dasharray"] != nil }
        #expect(dashed.count == 1)
        #expect(SVGGeometry.pathPoints(dashed[0].attributes["d"]!).count == 2)
        let solid = chart.svg.withClass("chart-line").filter { $0.attributes["stroke-dasharray"] == nil }
        #expect(solid.map { SVGGeometry.pathPoints($0.attributes["d"]!).count } == [11])
        #expect(chart.svg.withClass("chart-point").last?.attributes["fill"] == "none", "a hollow last dot")
    }

    @Test func stackedBarsMarkThePartialStack() throws {
        let chart = try Rendered(ChartSpec(type: .stackedBar, x: "period", y: ["active_customers", "new_customers"]), Self.periodsWithPartialLast())
        #expect(chart.svg.withClass("chart-partial").count == 2)
    }

    @Test func aDonutOfAPartialPeriodSaysSo() throws {
        let chart = try Rendered(ChartSpec(type: .donut, x: "period", y: ["active_customers", "new_customers"]), Self.periodsWithPartialLast())
        #expect(chart.svg.descendants("desc").first?.text.contains("2024-12 (partial)") == true)
    }

    @Test func areasStackTheirSeries() throws {
        let table = DataTable(
            columns: [.init("period"), .init("a", unit: .count), .init("b", unit: .count)],
            rows: [[.text("2024-01"), .number(10), .number(5)], [.text("2024-02"), .number(20), .number(10)]]
        )
        let chart = try Rendered(ChartSpec(type: .area, x: "period", y: ["a", "b"]), table)
        let lines = chart.svg.withClass("chart-line").map { SVGGeometry.pathPoints($0.attributes["d"]!) }
        #expect(lines.count == 2)
        // The second line runs at a + b: above the first, by b's share of the scale.
        let zero = try #require(chart.baseline.flatMap { $0.number("y1") })
        let first = lines[0].map(\.1), second = lines[1].map(\.1)
        for (a, top) in zip(first, second) { #expect(top < a) }
        let scale = (zero - first[1]) / 20
        #expect(abs((zero - second[1]) - 30 * scale) < 0.1)
        #expect(chart.svg.descendants("desc").first?.text.contains("stacked") == true)
    }

    @Test func monthLabelsReadAsMonthsAndTheLastIsAlwaysShown() throws {
        #expect(PeriodLabel.human("2025-01") == "Jan 2025")
        #expect(PeriodLabel.human("2026-W10") == "W10 2026")
        #expect(PeriodLabel.human("2026-Q1") == "Q1 2026")
        #expect(PeriodLabel.human("2026-03-07") == "7 Mar 2026")
        #expect(PeriodLabel.human("web") == nil)
        #expect(PeriodLabel.humanize(["2025-01", "web"]) == ["2025-01", "web"])
        for count in [13, 25, 37] {
            let chart = try Rendered(ChartSpec(type: .line, x: "period", y: ["revenue"]), Fixtures.periods(count))
            #expect(chart.categoryLabels.last?.text == PeriodLabel.human(Fixtures.period(count - 1)), "\(count) periods")
        }
    }

    @Test(arguments: [ChartType.line, .bar, .area])
    func noCategoryLabelRunsUnderTheValueAxis(type: ChartType) throws {
        let chart = try Rendered(ChartSpec(type: type, x: "period", y: ["revenue"]), Fixtures.periods(13))
        let valueLabels = chart.svg.withClass("chart-axis-value").flatMap { $0.descendants("text") }
        let axisRight = valueLabels.compactMap { $0.number("x") }.max() ?? 0
        let first = try #require(chart.categoryLabels.first)
        let left = first.x - TextMetrics.width(first.text, fontSize: ChartStyle.fontSize) / 2
        #expect(left > axisRight, "first x label starts at \(left), the value labels end at \(axisRight)")
    }

    @Test func valueLabelsShareOnePrecision() {
        let labels = FigureFormatter.formatAligned([1_161_817, 953_000, 447_137, nil], unit: .money, currencyCode: "GBP")
        #expect(labels == ["£1.16M", "£0.95M", "£0.45M", "—"])
        #expect(FigureFormatter.formatAligned([0.28, 0.273], unit: .ratio) == ["28.0%", "27.3%"])
        #expect(FigureFormatter.formatAligned([950, 12], unit: .count) == ["950", "12"])
    }

    @Test func aSparklineIsColouredByTheTrendItDraws() throws {
        // A rising year whose last month dips by 1: rising, not bad news.
        let history: [Double?] = [10, 12, 15, 17, 20, 23, 26, 28, 31, 33, 36, 35]
        let tile = MetricTile(label: "NPS", value: 35, unit: .score, period: "2025-12", previousValue: 36, previousPeriod: "2025-11", history: history)
        #expect(tile.trend == .bad)
        #expect(tile.historyTrend == .good)
        let html = tile.render()
        #expect(html.contains("−1 pt "), "the change of a score carries its unit")
        #expect(!html.contains("var(--chart-bad"), "the sparkline is not coloured bad")
        let falling = MetricTile(label: "NPS", value: 10, unit: .score, history: history.reversed())
        #expect(falling.historyTrend == .bad)
    }

    @Test func aTileOnAPartialPeriodSaysSoAndDoesNotJudgeTheChange() throws {
        let tile = MetricTile(
            label: "Retention", value: 0.223, unit: .ratio, period: "2011-12", previousValue: 0.456, previousPeriod: "2011-11",
            history: [0.4, 0.45, 0.223], partialCoverage: "9 of 31 days")
        #expect(tile.trend == nil)
        let html = tile.render()
        #expect(html.contains("Dec 2011 · <span class=\"metric-partial\">partial: 9 of 31 days</span>"))
        #expect(html.contains("metric-change metric-flat metric-change-partial"))
        #expect(html.contains("vs Nov 2011 (a full period)"))
        #expect(!html.contains("metric-bad") && !html.contains("deterioration"))
        #expect(html.contains("stroke-dasharray"), "the sparkline's last step is dashed")
    }

    @Test func aTileWithoutASparklineSaysWhatItIs() {
        let tile = MetricTile(label: "Customers", value: 4338, unit: .count, definition: KnownFigures.definition(of: "customers"))
        #expect(tile.render().contains("<p class=\"metric-definition\">Distinct customers with at least one order</p>"))
        let withHistory = MetricTile(label: "Customers", value: 4, unit: .count, history: [1, 2, 4], definition: "x")
        #expect(!withHistory.render().contains("metric-definition"))
    }

    @Test func theCohortHeatmapLeavesTheAlwaysFullColumnOffItsScale() throws {
        let chart = try Rendered(ChartSpec(type: .heatmap), Fixtures.cohorts(12))
        let unscaled = chart.svg.withClass("chart-cell-unscaled")
        #expect(unscaled.count == 12)
        #expect(unscaled.allSatisfy { $0.descendants("rect").first?.attributes["fill"] == "none" })
        #expect(chart.svg.withClass("chart-key-note").first?.text.contains("not on scale") == true)
        // The darkest colour goes to the highest cell outside +0.
        let fills = chart.svg.withClass("chart-cell").filter { !($0.attributes["class"] ?? "").contains("unscaled") }
            .compactMap { $0.descendants("rect").first?.attributes["fill"] }
        #expect(fills.contains("#08306B"))
        // The narrow drawing keeps the numbers of the informative cells.
        let narrow = try #require(chart.svgs.first { ($0.attributes["class"] ?? "").contains("chart-svg-narrow") })
        let cellTexts = narrow.withClass("chart-cell").filter { !($0.attributes["class"] ?? "").contains("unscaled") }.flatMap { $0.descendants("text") }
        #expect(!cellTexts.isEmpty)
    }
}
