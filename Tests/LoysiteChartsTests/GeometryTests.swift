import Foundation
import LoysiteSupport
import Testing
@testable import LoysiteCharts

@Suite struct GeometryTests {
    @Test func barHeightsAreProportionalAndStartAtZero() throws {
        let chart = try Rendered(ChartSpec(type: .bar, x: "label", y: ["value"]), Fixtures.simple([10, 20, 40, 35]))
        let zero = try #require(chart.baseline?.number("y1"))
        #expect(chart.bars.count == 4)
        let heights = chart.bars.map { $0.number("height")! }
        for (bar, value) in zip(chart.bars, [10.0, 20, 40, 35]) {
            // Each bar ends on the baseline, and its height per unit is the same for all.
            #expect(abs(bar.number("y")! + bar.number("height")! - zero) < 0.02)
            #expect(abs(bar.number("height")! / value - heights[0] / 10) < 0.01)
        }
        #expect(heights[2] > heights[3] && heights[3] > heights[1])
    }

    @Test func negativeBarsHangBelowTheBaseline() throws {
        let chart = try Rendered(ChartSpec(type: .bar, x: "label", y: ["value"]), Fixtures.simple([-20, 10, 30]))
        let zero = try #require(chart.baseline?.number("y1"))
        let (down, up) = (chart.bars[0], chart.bars[1])
        #expect(abs(down.number("y")! - zero) < 0.02)
        #expect(abs(up.number("y")! + up.number("height")! - zero) < 0.02)
        #expect(abs(down.number("height")! - 2 * up.number("height")!) < 0.02)
        // The axis reaches below zero and labels the negative tick with a minus sign.
        let ticks = chart.svg.withClass("chart-axis-value").flatMap { $0.descendants("text") }.map(\.ownText)
        #expect(ticks.contains { $0.hasPrefix("−") })
    }

    @Test func ticksOnAChartAreNice() throws {
        let chart = try Rendered(ChartSpec(type: .bar, x: "label", y: ["value"]), Fixtures.simple([0, 50, 97]))
        let ticks = chart.svg.withClass("chart-axis-value").flatMap { $0.descendants("text") }.map(\.ownText)
        #expect(ticks == ["0", "20", "40", "60", "80", "100"])
    }

    @Test func percentAndMoneyAxes() throws {
        let retention = try Rendered(ChartSpec(type: .line, x: "period", y: ["retention_rate"]), Fixtures.periods())
        let percentTicks = retention.svg.withClass("chart-axis-value").flatMap { $0.descendants("text") }.map(\.ownText)
        #expect(!percentTicks.isEmpty && percentTicks.allSatisfy { $0.hasSuffix("%") })
        let revenue = try Rendered(
            ChartSpec(type: .bar, x: "period", y: ["revenue"]), Fixtures.periods(),
            options: ChartOptions(currencyCode: "EUR", idPrefix: "r")
        )
        let moneyTicks = revenue.svg.withClass("chart-axis-value").flatMap { $0.descendants("text") }.map(\.ownText)
        #expect(moneyTicks.dropFirst().allSatisfy { $0.hasPrefix("€") && $0.hasSuffix("k") })
    }

    /// 36 monthly labels on a 640-wide chart: thinned so that no two label boxes
    /// overlap, every drawn box inside the drawing.
    @Test(arguments: [ChartType.line, .bar, .area, .stackedBar])
    func periodLabelsAreThinnedWithoutOverlap(type: ChartType) throws {
        let chart = try Rendered(ChartSpec(type: type, x: "period", y: ["active_customers", "new_customers"]), Fixtures.periods(36))
        #expect(chart.geometry.width == 640)
        let labels = chart.categoryLabels
        #expect(labels.count > 4 && labels.count < 36, "\(labels.count) labels drawn")
        let boxes = labels.map { label -> (Double, Double) in
            let width = TextMetrics.width(label.text, fontSize: ChartStyle.fontSize)
            return (label.x - width / 2, label.x + width / 2)
        }
        for (left, right) in zip(boxes, boxes.dropFirst()) {
            #expect(left.1 <= right.0, "labels overlap: \(left) and \(right)")
        }
        #expect(boxes.allSatisfy { $0.0 >= 0 && $0.1 <= 640 })
        // Labels are the periods as people read them, in order, the latest always shown.
        #expect(labels.last?.text == PeriodLabel.human(Fixtures.period(35)))
    }

    @Test func fewLabelsAreAllShown() throws {
        let chart = try Rendered(ChartSpec(type: .line, x: "period", y: ["active_customers"]), Fixtures.periods(6))
        #expect(chart.categoryLabels.map(\.text) == ["Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "May 2024", "Jun 2024"])
    }

    @Test func longCategoryLabelsTurnBarsHorizontalAndTruncateWithATooltip() throws {
        let long = "An extraordinarily long customer segment name that cannot fit anywhere"
        let table = Fixtures.simple([30, 12, 7], labels: ["Web shop customers", long, "Mobile app (iOS and Android)"])
        let chart = try Rendered(ChartSpec(type: .bar, x: "label", y: ["value"]), table)
        // Horizontal: equal thickness, lengths proportional to values, from the baseline x.
        let zero = try #require(chart.baseline?.number("x1"))
        let bars = chart.bars
        #expect(Set(bars.map { $0.attributes["height"]! }).count == 1)
        #expect(bars.allSatisfy { abs($0.number("x")! - zero) < 0.02 })
        #expect(abs(bars[0].number("width")! / bars[2].number("width")! - 30.0 / 7) < 0.01)
        // The long label is cut with an ellipsis; its full text is in a <title>.
        let labelNodes = chart.svg.withClass("chart-axis-category").flatMap { $0.descendants("text") }
        let cut = try #require(labelNodes.first { $0.ownText.hasSuffix("…") })
        #expect(cut.descendants("title").first?.text == long)
        #expect(TextMetrics.width(cut.ownText, fontSize: ChartStyle.fontSize) <= 640 * 0.32)
        // Period keys stay on a vertical time axis.
        let periods = try Rendered(ChartSpec(type: .bar, x: "period", y: ["active_customers"]), Fixtures.periods(24))
        #expect(Set(periods.bars.map { $0.attributes["width"]! }).count == 1)
        #expect(Set(periods.bars.map { $0.attributes["height"]! }).count > 1)
        // And the block can force either way.
        let forced = try Rendered(ChartSpec(type: .bar, x: "period", y: ["active_customers"], horizontal: true), Fixtures.periods(5))
        #expect(Set(forced.bars.map { $0.attributes["height"]! }).count == 1)
    }

    @Test func groupedBarsSitSideBySide() throws {
        let chart = try Rendered(ChartSpec(type: .bar, x: "period", y: ["a", "b"]), Fixtures.twoSeries([(5, 8), (6, 3)]))
        let first = chart.svg.withClass("chart-series-1").flatMap { $0.descendants("rect") }
        let second = chart.svg.withClass("chart-series-2").flatMap { $0.descendants("rect") }
        #expect(first.count == 2 && second.count == 2)
        for (a, b) in zip(first, second) {
            #expect(a.number("x")! + a.number("width")! <= b.number("x")! + 0.01)
        }
        #expect(chart.svg.withClass("chart-legend").first?.descendants("text").map(\.ownText) == ["A", "B"])
    }

    @Test func stackedPercentBarsFillTheWholeAxis() throws {
        let chart = try Rendered(
            ChartSpec(type: .stackedBar, x: "period", y: ["promoters", "passives", "detractors"], percent: true),
            Fixtures.nps(6)
        )
        let zero = try #require(chart.baseline?.number("y1"))
        let ticks = chart.svg.withClass("chart-axis-value").flatMap { $0.descendants("text") }
        #expect(ticks.last?.ownText == "100%")
        let top = try #require(ticks.last?.number("y"))
        // Per period, the segments stack from the baseline to the 100% line without gaps.
        var byX: [String: [Node]] = [:]
        for bar in chart.bars { byX[bar.attributes["x"]!, default: []].append(bar) }
        #expect(byX.count == 6)
        for (_, segments) in byX {
            let total = segments.reduce(0) { $0 + $1.number("height")! }
            #expect(abs(total - (zero - top)) < 0.05)
        }
        // Semantic colours for the NPS split.
        #expect(chart.svg.withClass("chart-series-1").first?.descendants("rect").first?.attributes["fill"] == "var(--chart-good, #009E73)")
        #expect(chart.svg.withClass("chart-series-3").first?.descendants("rect").first?.attributes["fill"] == "var(--chart-bad, #D55E00)")
    }

    @Test func stackingPutsNegativesBelowZero() {
        let data = CategoryData(
            categoryLabel: "x", categories: ["a"],
            series: [
                ChartSeries(column: "p", label: "P", unit: .count, values: [5], color: "red"),
                ChartSeries(column: "n", label: "N", unit: .count, values: [-3], color: "blue"),
                ChartSeries(column: "q", label: "Q", unit: .count, values: [2], color: "green"),
            ],
            unit: .count
        )
        let segments = StackedBarChart.segments(data, percent: false)
        #expect(segments.map(\.from) == [0, 0, 5])
        #expect(segments.map(\.to) == [5, -3, 7])
    }

    @Test func linesBreakAtMissingValues() throws {
        let table = Fixtures.simple([1, 2, nil, 4, 5, nil, 7], unit: .count)
        let chart = try Rendered(ChartSpec(type: .line, x: "label", y: ["value"]), table)
        let lines = chart.svg.withClass("chart-line")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { SVGGeometry.pathPoints($0.attributes["d"]!).count == 2 })
        // Every present value has a point, the lone last one included.
        #expect(chart.svg.withClass("chart-point").count == 5)
        #expect(chart.svg.withClass("chart-point").last?.descendants("title").first?.text == "Jul 2024 · Value: 7")
        // The area version fills each run down to the baseline.
        let area = try Rendered(ChartSpec(type: .area, x: "label", y: ["value"]), table)
        #expect(area.svg.withClass("chart-area").count == 2)
    }

    @Test func heatmapHasOneCellPerCohortAndAvailablePeriod() throws {
        let chart = try Rendered(ChartSpec(type: .heatmap, title: "Cohort retention"), Fixtures.cohorts(4), options: ChartOptions(idPrefix: "c", period: "month"))
        let cells = chart.svg.withClass("chart-cell")
        #expect(cells.count == 4 + 3 + 2 + 1)
        let texts = cells.map { $0.descendants("text").first?.ownText ?? "" }
        #expect(texts.filter { $0 == "100%" }.count == 4)
        // Cohort 2024-01 at +1 retained 0.55 − 0.09 = 46%.
        let tooltips = cells.map { $0.descendants("title").first?.text ?? "" }
        let index = try #require(tooltips.firstIndex(of: "2024-01 · +1: 46%"))
        #expect(texts[index] == "46%")
        // Column labels, sizes beside the rows, the period title, a key.
        let header = chart.svg.withClass("chart-axis-category").flatMap { $0.descendants("text") }.map(\.ownText)
        #expect(header.contains("+0") && header.contains("+3") && header.contains("Months since first order"))
        let rows = chart.svg.withClass("chart-axis-rows").flatMap { $0.descendants("text") }.map(\.ownText)
        #expect(rows.contains("2024-01") && rows.contains("150"))
        #expect(chart.svg.descendants("linearGradient").first?.attributes["id"] == "c-ramp")
    }

    @Test func heatmapCellTextIsAllOrNothing() throws {
        // 24 periods: cells too narrow for "55%" show "55", and the title says so. The
        // always-100% +0 column (off the colour scale, outlined) does not count: its
        // "100" is left out when it does not fit, all of them alike.
        let dense = try Rendered(ChartSpec(type: .heatmap), Fixtures.cohorts(32), options: ChartOptions(responsive: false))
        let scaled = dense.svg.withClass("chart-cell").filter { !($0.attributes["class"] ?? "").contains("chart-cell-unscaled") }
        let texts = scaled.map { $0.descendants("text").first?.ownText }
        #expect(texts.count == 32 * 33 / 2 - 32)
        #expect(texts.allSatisfy { $0 != nil && !$0!.contains("%") })
        let firstColumn = dense.svg.withClass("chart-cell-unscaled").map { $0.descendants("text").isEmpty }
        #expect(Set(firstColumn).count == 1)
        #expect(dense.svg.withClass("chart-axis-category").flatMap { $0.descendants("text") }.contains { $0.ownText.hasSuffix("values in %") })
        // 60 periods: no cell has room, so none has text; every tooltip is still there.
        let denser = try Rendered(ChartSpec(type: .heatmap), Fixtures.cohorts(60), options: ChartOptions(responsive: false))
        let cells = denser.svg.withClass("chart-cell")
        #expect(cells.count == 60 * 61 / 2)
        #expect(cells.allSatisfy { $0.descendants("text").isEmpty && $0.descendants("title").count == 1 })
    }

    @Test func heatmapTextContrastsWithEveryCell() throws {
        let chart = try Rendered(ChartSpec(type: .heatmap), Fixtures.cohorts(8))
        // The +0 column is outlined in the page's own colours (currentColor on the page), not filled.
        let unscaled = chart.svg.withClass("chart-cell-unscaled")
        #expect(unscaled.allSatisfy { $0.descendants("text").first?.attributes["fill"] == "currentColor" })
        for cell in chart.svg.withClass("chart-cell") where !unscaled.contains(where: { $0 === cell }) {
            let fill = try #require(cell.descendants("rect").first?.attributes["fill"])
            guard let textColor = cell.descendants("text").first?.attributes["fill"] else { continue }
            let ratio = contrast(fill, textColor)
            #expect(ratio >= 4.5, "text \(textColor) on \(fill): \(ratio)")
        }
    }

    @Test func donutAnglesSumToAFullTurn() throws {
        let angles = DonutChart.angles([1, 1, 2])
        #expect(angles.map(\.start) == [0, 90, 180])
        #expect(angles.map(\.end) == [90, 180, 360])
        let odd = DonutChart.angles([3, 7, 11, 13, 0.5])
        #expect(odd.last?.end == 360)
        for (a, b) in zip(odd, odd.dropFirst()) { #expect(a.end == b.start) }
        let sum = odd.reduce(0) { $0 + ($1.end - $1.start) }
        #expect(abs(sum - 360) < 1e-9)

        let chart = try Rendered(ChartSpec(type: .donut, x: "segment", y: ["responses"]), Fixtures.segments())
        #expect(chart.svg.withClass("chart-slice").count == 5)
        let total = Fixtures.segments().values(of: "responses")!.compactMap(\.number).reduce(0, +)
        #expect(chart.svg.withClass("chart-total").first?.descendants("text").first?.ownText == FigureFormatter.format(total, unit: .count, style: .compact))
        // A single part is a whole ring.
        let whole = try Rendered(ChartSpec(type: .donut, x: "label", y: ["value"]), Fixtures.simple([42]))
        #expect(whole.svg.withClass("chart-slice").count == 1)
    }

    @Test func donutOfSeveralColumnsTakesTheLastRow() throws {
        let chart = try Rendered(ChartSpec(type: .donut, x: "period", y: ["promoters", "passives", "detractors"]), Fixtures.nps(6))
        let legend = chart.svg.withClass("chart-legend").flatMap { $0.descendants("text") }.map(\.ownText)
        #expect(legend.contains("Promoters") && legend.contains("Detractors"))
        // 2024-06: promoters 70, passives 38, detractors 15.
        #expect(legend.contains("70") && legend.contains("56.9%"))
        let chosen = try Rendered(ChartSpec(type: .donut, x: "period", y: ["promoters", "passives", "detractors"], row: "2024-01"), Fixtures.nps(6))
        #expect(chosen.svg.withClass("chart-legend").flatMap { $0.descendants("text") }.map(\.ownText).contains("42.1%"))
    }

    @Test func sparklineEndsInADotOnTheLastValue() throws {
        let chart = try Rendered(ChartSpec(type: .sparkline, x: "label", y: ["value"]), Fixtures.simple([3, 5, 4, 8, 6]))
        #expect(chart.svg.descendants("line").isEmpty)
        let dot = try #require(chart.svg.withClass("chart-point").last)
        let points = SVGGeometry.pathPoints(try #require(chart.svg.withClass("chart-line").first?.attributes["d"]))
        #expect(points.count == 5)
        #expect(abs(points.last!.0 - dot.number("cx")!) < 0.01 && abs(points.last!.1 - dot.number("cy")!) < 0.01)
        #expect(chart.svg.descendants("text").last?.ownText == "6")
    }
}

/// WCAG contrast between two `#RRGGBB` colours.
func contrast(_ a: String, _ b: String) -> Double {
    func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let value = { (i: Int) in Double(Int(String(digits[i...i + 1]), radix: 16)!) }
        return SequentialColorScale.luminance(value(0), value(2), value(4))
    }
    let (x, y) = (luminance(a), luminance(b))
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)
}
