import Foundation
import Testing
@testable import LoysiteCharts

/// One text size for chart labels in every layout (issue 16): the drawings are laid out
/// at `ChartStyle.drawingWidths`, and `charts.css` shows each from its width up and
/// sets its text so it renders at 12 CSS px. The two must agree; the browser test
/// (Tests/browser/test_chart_text.py) measures the result in Chromium.
@Suite struct ChartTextSizeTests {
    static let css = (try? String(contentsOf: PreviewPage.stylesheet, encoding: .utf8)) ?? ""

    /// The `--chart-c` steps: (container min-width, value), in order.
    static var steps: [(from: Double, value: Double)] {
        let pattern = /@container \(min-width: ([0-9.]+)px\) \{ \.chart-svg \{ --chart-c: ([0-9.]+); \} \}/
        return css.matches(of: pattern).map { (Double($0.output.1)!, Double($0.output.2)!) }
    }

    @Test func theStylesheetNamesEveryDrawingWidthAndItsBreakpoint() throws {
        for (role, width) in ChartStyle.drawingWidths {
            #expect(Self.css.contains(".chart-svg-\(role.rawValue) { --chart-w: \(Int(width)); }"), "\(role)")
            if role != .phone {
                // Below its width a drawing gives way to the next narrower one.
                #expect(Self.css.contains("@container (max-width: \(Int(width) - 1).98px) {"), "\(role)")
            }
        }
    }

    @Test func everyFigureWidthGetsTwelvePixelLabelsThatFitTheirRoom() throws {
        let steps = Self.steps
        #expect(steps.count > 20)
        #expect(steps.map(\.from) == steps.map(\.from).sorted())
        let widths = ChartStyle.drawingWidths.map(\.width).sorted()
        for container in stride(from: widths[0], through: 1800, by: 1) {
            let step = try #require(steps.last { $0.from <= container })
            let drawing = try #require(widths.last { $0 <= container })
            // Shown `container` px wide, a drawing `drawing` units wide draws text set to
            // 12 × drawing / c units at 12 × container / c px.
            let pixels = 12 * container / step.value
            #expect(abs(pixels - 12) <= 0.5, "\(container) px: \(pixels)")
            // Never larger, in viewBox units, than the 12 the layout made room for.
            #expect(12 * drawing / step.value <= 12.0001, "\(container) px: \(12 * drawing / step.value) units")
        }
    }

    @Test func aCohortTriangleTooWideForAPhoneScrollsAndKeepsItsNumbers() throws {
        let chart = try Rendered(ChartSpec(type: .heatmap, title: "Retention"), Fixtures.cohorts(24), options: ChartOptions(idPrefix: "h"))
        let scrollers = chart.figure.children.filter { $0.name == "div" }
        // The phone and narrow drawings widen to the same size: one drawing serves both.
        #expect(scrollers.map { $0.attributes["class"] ?? "" } == ["chart-scroll chart-svg-phone chart-svg-narrow"])
        for scroller in scrollers {
            #expect(scroller.attributes["tabindex"] == "0")
            #expect(scroller.attributes["aria-label"] == "Retention (scrolls sideways)")
            let svg = try #require(scroller.children.first { $0.name == "svg" })
            #expect(svg.attributes["class"] == "chart-svg chart-svg-fixed")
            // Shown at its own size, and wider than any figure it is shown in.
            let width = try #require(svg.attributes["width"].flatMap(Double.init))
            #expect(width == SVGGeometry(svg).width)
            let roles = (scroller.attributes["class"] ?? "").split(separator: " ").map { $0.replacingOccurrences(of: "chart-svg-", with: "") }
            let widest = ChartStyle.drawingWidths.filter { roles.contains($0.role.rawValue) }.map(\.width).max() ?? 0
            let next = ChartStyle.drawingWidths.map(\.width).filter { $0 > widest }.min() ?? 0
            #expect(widest > 0 && width > next, "\(roles)")
            // Every informative cell keeps its figure, at 10 units (10 px) or more.
            let texts = svg.withClass("chart-cell").filter { !($0.attributes["class"] ?? "").contains("unscaled") }.flatMap { $0.descendants("text") }
            #expect(texts.count == 24 * 25 / 2 - 24)
            #expect(texts.allSatisfy { Double($0.inherited("font-size") ?? "0")! >= ChartStyle.smallestCellFontSize })
        }
        // The hint says so, shown with its drawing (and for the same widths).
        let hints = chart.figure.children.filter { ($0.attributes["class"] ?? "").hasPrefix("chart-scroll-hint") }
        #expect(hints.count == 1 && hints.allSatisfy { $0.text.contains("Scroll sideways") })
        #expect(hints.first?.attributes["class"] == "chart-scroll-hint chart-svg-phone chart-svg-narrow")
        // The medium and wide drawings have room: they scale with their figure, unwrapped.
        #expect(chart.svg.attributes["class"] == "chart-svg chart-svg-wide" && chart.svg.attributes["width"] == "100%")
        // A grid that fits a phone does not scroll.
        let small = try Rendered(ChartSpec(type: .heatmap), Fixtures.cohorts(6))
        #expect(small.figure.children.allSatisfy { $0.name != "div" })
        // Nor does one too wide to scroll sensibly: its figures are in tooltips and the table.
        let huge = try Rendered(ChartSpec(type: .heatmap), Fixtures.cohorts(60))
        #expect(huge.figure.children.allSatisfy { $0.name != "div" })
    }
}
