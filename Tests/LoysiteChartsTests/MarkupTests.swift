import Foundation
import LoysiteSupport
import Testing
@testable import LoysiteCharts

@Suite struct MarkupTests {
    @Test func figureIsAccessible() throws {
        let chart = try Rendered(
            ChartSpec(type: .line, title: "Month-on-month retention", x: "period", y: ["retention_rate"]),
            Fixtures.periods(12), options: ChartOptions(idPrefix: "chart-3")
        )
        #expect(chart.figure.attributes["class"] == "chart chart-line")
        #expect(chart.figure.attributes["id"] == "chart-3")
        #expect(chart.figure.children.first?.name == "figcaption")
        #expect(chart.figure.children.first?.text == "Month-on-month retention")
        let svg = chart.svg
        #expect(svg.attributes["role"] == "img")
        #expect(svg.attributes["width"] == "100%")
        #expect(svg.attributes["height"] == nil)
        #expect(svg.attributes["viewBox"] == "0 0 640 320")
        #expect(svg.attributes["aria-label"] == "Month-on-month retention")
        #expect(svg.children.first?.name == "title")
        #expect(svg.children.first?.text == "Month-on-month retention")
        #expect(svg.attributes["aria-describedby"] == "chart-3-desc")
        let desc = try #require(svg.children.first { $0.attributes["id"] == "chart-3-desc" })
        #expect(desc.name == "desc")
        // The description gives the count, the first and last values and the range.
        #expect(desc.text.contains("12 points"))
        #expect(desc.text.contains("first 49.7% (2024-02)"))
        #expect(desc.text.contains("last 49.7% (2024-12)"))
        #expect(desc.text.contains("lowest 38% (2024-11)") && desc.text.contains("highest 53% (2024-08)"))
        #expect(desc.text.contains("1 missing"))
        // The numbers as a table in <details> after the SVG.
        let details = try #require(chart.figure.children.last)
        #expect(details.name == "details")
        #expect(details.descendants("summary").first?.text == "Data: Month-on-month retention")
        let rows = details.descendants("tbody").first?.descendants("tr") ?? []
        #expect(rows.count == 12)
        #expect(rows.first?.descendants("td").first?.text == "—")
        #expect(details.descendants("th").first?.text == "Period")
        #expect(details.descendants("th").dropFirst().first?.text == "Retention rate")
    }

    @Test func everyColumnWidthGetsItsOwnDrawing() throws {
        let chart = try Rendered(ChartSpec(type: .bar, x: "period", y: ["revenue"]), Fixtures.periods(12), options: ChartOptions(idPrefix: "p"))
        #expect(chart.svgs.map { $0.attributes["class"] ?? "" } == ["chart-svg chart-svg-wide", "chart-svg chart-svg-phone", "chart-svg chart-svg-narrow", "chart-svg chart-svg-medium"])
        #expect(chart.svgs.map { SVGGeometry($0).width } == [640, 280, 380, 500])
        // Every drawing lays its labels out at 12 viewBox units (charts.css holds them
        // at 12 CSS pixels): no label sets a size of its own.
        for svg in chart.svgs {
            #expect(svg.descendants("g").first?.attributes["font-size"] == "12")
            #expect(svg.descendants("g").dropFirst().allSatisfy { $0.attributes["font-size"] == nil })
            #expect(svg.descendants("text").allSatisfy { $0.attributes["font-size"] == nil })
        }
        #expect(chart.svgs[1].attributes["aria-describedby"] == "p-p-desc")
        #expect(chart.svgs[1].descendants("desc").first?.text == chart.svgs[0].descendants("desc").first?.text)
        #expect(chart.figure.descendants("details").count == 1)
        // The phone drawing thins its labels further rather than letting them collide.
        let labels = { (svg: Node) in svg.withClass("chart-axis-category").flatMap { $0.descendants("text") }.count }
        #expect(labels(chart.svgs[1]) < labels(chart.svgs[0]))
        // The options' width is for a chart drawn once.
        let wider = try Rendered(ChartSpec(type: .bar, x: "period", y: ["revenue"]), Fixtures.periods(12), options: ChartOptions(width: 900))
        #expect(wider.svgs.map { SVGGeometry($0).width } == [640, 280, 380, 500])
        // Not responsive, or a sparkline: one drawing.
        let single = try Rendered(ChartSpec(type: .bar, x: "period", y: ["revenue"]), Fixtures.periods(3), options: ChartOptions(responsive: false))
        #expect(single.svgs.count == 1 && single.svg.attributes["class"] == "chart-svg")
        let spark = try Rendered(ChartSpec(type: .sparkline, x: "period", y: ["revenue"]), Fixtures.periods(3))
        #expect(spark.svgs.count == 1)
    }

    @Test func coloursAreThemeVariablesAndTextIsCurrentColor() throws {
        let chart = try Rendered(ChartSpec(type: .line, x: "period", y: ["a", "b"]), Fixtures.twoSeries([(1, 2), (3, 4)]))
        let strokes = chart.svg.withClass("chart-line").compactMap { $0.attributes["stroke"] }
        #expect(strokes == ["var(--chart-1, #0072B2)", "var(--chart-2, #E69F00)"])
        #expect(chart.svg.children.first { $0.name == "g" }?.attributes["fill"] == "currentColor")
        for text in chart.svg.descendants("text") {
            let fill = text.inherited("fill")
            #expect(fill == "currentColor", "text '\(text.ownText)' has fill \(fill ?? "none")")
        }
        // Colours a block gives win over the palette.
        let custom = try Rendered(ChartSpec(type: .line, x: "period", y: ["a", "b"], colors: ["#123456"]), Fixtures.twoSeries([(1, 2), (3, 4)]))
        #expect(custom.svg.withClass("chart-line").compactMap { $0.attributes["stroke"] } == ["#123456", "var(--chart-2, #E69F00)"])
    }

    @Test func hostileLabelsAndTitlesAreEscaped() throws {
        let hostile = [
            "<script>alert(1)</script>", "</text><text>x", "]]> & <![CDATA[", "Tom & \"Jerry\" 'quoted'",
            "bell\u{07}and\u{01}form\u{0C}feed\u{7F}", "<!-- comment -->", "a\nb",
        ]
        let table = DataTable(
            columns: [.init("name"), .init("a<b>&\"c\"", unit: .count)],
            rows: hostile.enumerated().map { [.text($1), .number(Double($0 + 1))] }
        )
        let title = "<script>alert('t')</script> & ]]>"
        for type in ChartType.allCases {
            let chart = try Rendered(ChartSpec(type: type, title: title, x: "name", y: ["a<b>&\"c\""]), table)
            #expect(!chart.html.contains("<script"))
            #expect(!chart.html.contains("</text><text>x"))
            #expect(!chart.html.contains("\u{07}") && !chart.html.contains("\u{01}") && !chart.html.contains("\u{7F}"))
            #expect(chart.figure.descendants("figcaption").first?.text == title)
            #expect(chart.svg.descendants("title").first?.text == title)
            // Labels come back intact (less the control characters XML cannot hold).
            let allText = chart.figure.fullText
            #expect(allText.contains("]]> & <![CDATA["), "\(type)")
            #expect(allText.contains("Tom & \"Jerry\" 'quoted'") || allText.contains("Tom & \"Jerry\"…"), "\(type)")
        }
        let shell = try Rendered(ChartSpec(type: .bar, x: "name", y: ["a<b>&\"c\""]), table)
        #expect(shell.figure.descendants("th").contains { $0.text == "bellandformfeed" })
    }

    @Test func idsComeFromThePrefixAndDoNotClash() throws {
        let first = try Rendered(ChartSpec(type: .heatmap), Fixtures.cohorts(4), options: ChartOptions(idPrefix: "chart-1"))
        let second = try Rendered(ChartSpec(type: .heatmap), Fixtures.cohorts(4), options: ChartOptions(idPrefix: "chart-2"))
        let ids = { (chart: Rendered) in Set(chart.figure.all.compactMap { $0.attributes["id"] }) }
        #expect(ids(first).isDisjoint(with: ids(second)))
        #expect(ids(first).allSatisfy { $0.hasPrefix("chart-1") })
        // A prefix that is not a valid id is made into one.
        let odd = try Rendered(ChartSpec(type: .bar, x: "label", y: ["value"]), Fixtures.simple([1]), options: ChartOptions(idPrefix: "3 <x>"))
        #expect(odd.figure.attributes["id"] == "chart-3--x-")
    }

    @Test func outputIsByteIdenticalAcrossRenders() throws {
        let specs: [(ChartSpec, DataTable)] = [
            (ChartSpec(type: .line, x: "period", y: ["retention_rate", "churn_rate"]), Fixtures.periods(24)),
            (ChartSpec(type: .heatmap), Fixtures.cohorts(10)),
            (ChartSpec(type: .donut, x: "segment", y: ["responses"]), Fixtures.segments()),
            (ChartSpec(type: .stackedBar, x: "period", y: ["promoters", "passives", "detractors"], percent: true), Fixtures.nps()),
        ]
        for (spec, table) in specs {
            let options = ChartOptions(currencyCode: "EUR", idPrefix: "chart-9", period: "month")
            let a = try ChartRenderer.render(spec, table: table, options: options)
            let b = try ChartRenderer.render(spec, table: table, options: options)
            #expect(a == b)
            #expect(!a.isEmpty)
        }
    }

    @Test func noBlankLinesInTheFragment() throws {
        let html = try ChartRenderer.render(ChartSpec(type: .heatmap), table: Fixtures.cohorts(5))
        #expect(!html.contains("\n\n"))
    }
}
