import Foundation
import LoysiteSupport
import Testing
@testable import LoysiteCharts

/// Every chart type on awkward data: the output must parse as XML, hold no NaN or
/// infinity, keep every coordinate inside its viewBox, and render the same twice.
@Suite struct RobustnessTests {
    enum Shape: String, CaseIterable {
        case normal, singlePoint, allEqual, negative, withNulls, allNull, noRows, allZero, huge, tiny
    }

    static func table(_ shape: Shape) -> DataTable {
        switch shape {
        case .normal: return Fixtures.twoSeries([(12, 30), (18, 25), (9, 41), (22, 38), (30, 35)])
        case .singlePoint: return Fixtures.twoSeries([(7, 3)])
        case .allEqual: return Fixtures.twoSeries(Array(repeating: (5, 5), count: 6))
        case .negative: return Fixtures.twoSeries([(-12, 4), (-3, -8), (10, -1), (-25, 6)])
        case .withNulls: return Fixtures.twoSeries([(nil, 3), (4, nil), (nil, nil), (6, 7), (2, nil), (nil, 9)])
        case .allNull: return Fixtures.twoSeries([(nil, nil), (nil, nil)])
        case .noRows: return Fixtures.twoSeries([])
        case .allZero: return Fixtures.twoSeries([(0, 0), (0, 0), (0, 0)])
        case .huge: return Fixtures.twoSeries([(1e14, 3e14), (2e15, 1e13)])
        case .tiny: return Fixtures.twoSeries([(1e-9, 3e-9), (2e-9, 0)])
        }
    }

    static func specs(for type: ChartType) -> [ChartSpec] {
        switch type {
        case .sparkline, .donut: return [ChartSpec(type: type, x: "period", y: ["a"])]
        case .heatmap: return [ChartSpec(type: type, x: "period", y: ["a", "b"])]
        default: return [ChartSpec(type: type, x: "period", y: ["a"]), ChartSpec(type: type, x: "period", y: ["a", "b"])]
        }
    }

    @Test(arguments: ChartType.allCases, Shape.allCases)
    func everyTypeSurvivesAwkwardData(type: ChartType, shape: Shape) throws {
        for spec in Self.specs(for: type) {
            if type == .donut && shape == .negative {
                #expect(throws: ChartError.self) { try ChartRenderer.render(spec, table: Self.table(shape)) }
                continue
            }
            let chart = try Rendered(spec, Self.table(shape))
            expectClean(chart, "\(type.rawValue)/\(shape.rawValue) y=\(spec.y)")
            let again = try ChartRenderer.render(spec, table: Self.table(shape), options: ChartOptions(idPrefix: "chart-1"))
            #expect(again == chart.html, "output differs between two renders")
            if shape == .noRows || shape == .allNull || (shape == .allZero && type == .donut) {
                #expect(chart.svg.withClass("chart-empty").first?.ownText == "No data")
                #expect(chart.figure.descendants("details").isEmpty)
            } else {
                #expect(chart.svg.withClass("chart-empty").isEmpty)
            }
        }
    }

    @Test(arguments: ChartType.allCases)
    func derivedTablesRenderCleanly(type: ChartType) throws {
        let cases: [(ChartSpec, DataTable)] = [
            (ChartSpec(type: type, x: "period", y: type == .sparkline || type == .donut ? ["revenue"] : ["retention_rate", "churn_rate"]), Fixtures.periods(13)),
            (ChartSpec(type: type, x: "segment", y: type == .sparkline || type == .donut ? ["responses"] : ["promoters", "passives", "detractors"]), Fixtures.segments()),
            (ChartSpec(type: type, x: "cohort", y: type == .sparkline || type == .donut ? ["1"] : ["0", "1", "2"]), Fixtures.cohorts(12)),
        ]
        for (spec, table) in cases {
            let chart = try Rendered(spec, table)
            expectClean(chart, "\(type.rawValue) \(spec.y)")
        }
    }

    @Test func manyRowsAndColumnsStayInside() throws {
        expectClean(try Rendered(ChartSpec(type: .heatmap), Fixtures.cohorts(36)), "36-cohort heatmap")
        expectClean(try Rendered(ChartSpec(type: .line, x: "period", y: ["revenue"]), Fixtures.periods(120)), "120 periods")
        let names = (0..<40).map { "Segment number \($0) with a long name" }
        expectClean(try Rendered(ChartSpec(type: .bar, x: "label", y: ["value"]), Fixtures.simple((0..<40).map(Double.init), labels: names)), "40 bars")
        expectClean(try Rendered(ChartSpec(type: .donut, x: "label", y: ["value"]), Fixtures.simple((1...30).map(Double.init), labels: names.map { String($0.prefix(20)) })), "30 slices")
        let manySeries = DataTable(
            columns: [.init("p")] + (0..<12).map { .init("s\($0)", unit: .count) },
            rows: (0..<5).map { row in [.text("r\(row)")] + (0..<12).map { .number(Double($0 * row)) } }
        )
        expectClean(try Rendered(ChartSpec(type: .line), manySeries), "12 series")
    }

    @Test func aNarrowOrWideDrawingStaysInside() throws {
        for width in [240.0, 320, 1200, .nan, -5] {
            let options = ChartOptions(idPrefix: "w", width: width)
            for type in ChartType.allCases where type != .sparkline {
                let spec = type == .donut
                    ? ChartSpec(type: type, x: "segment", y: ["responses"])
                    : type == .heatmap ? ChartSpec(type: type) : ChartSpec(type: type, x: "period", y: ["promoters", "detractors"])
                let table = type == .donut ? Fixtures.segments() : type == .heatmap ? Fixtures.cohorts(6) : Fixtures.nps(12)
                expectClean(try Rendered(spec, table, options: options), "\(type.rawValue) at width \(width)")
            }
        }
    }

    @Test func textCellsThatAreNumbersAreRead() throws {
        let table = DataTable(columns: [.init("month"), .init("sales")], rows: [[.text("Jan"), .text("12.5")], [.text("Feb"), .text(" 14 ")], [.text("Mar"), .text("")]])
        let chart = try Rendered(ChartSpec(type: .bar), table)
        #expect(chart.bars.count == 2)
    }

    func expectClean(_ chart: Rendered, _ context: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let lower = chart.html.lowercased()
        for bad in ["nan", "inf", "undefined"] {
            let pattern = try! NSRegularExpression(pattern: "\\b\(bad)\\b")
            let found = pattern.firstMatch(in: lower, range: NSRange(lower.startIndex..., in: lower)) != nil
            #expect(!found, "\(context): output contains \(bad)", sourceLocation: sourceLocation)
        }
        for svg in chart.svgs {
            let geometry = SVGGeometry(svg)
            let variant = svg.attributes["class"] ?? ""
            #expect(geometry.width > 0 && geometry.height > 0, "\(context) \(variant): viewBox", sourceLocation: sourceLocation)
            let problems = geometry.outOfBounds()
            #expect(problems.isEmpty, "\(context) \(variant): outside the viewBox: \(problems.prefix(5))", sourceLocation: sourceLocation)
        }
        // Numbers in coordinates have at most two decimals.
        for node in chart.svgs.flatMap(\.all) {
            for key in ["x", "y", "width", "height", "cx", "cy", "x1", "y1", "x2", "y2"] {
                if let text = node.attributes[key], let dot = text.firstIndex(of: ".") {
                    #expect(text.distance(from: dot, to: text.endIndex) <= 3, "\(context): \(key)=\(text)", sourceLocation: sourceLocation)
                }
            }
        }
    }
}
