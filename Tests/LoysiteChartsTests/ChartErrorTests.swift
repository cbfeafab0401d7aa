import LoysiteSupport
import Testing
@testable import LoysiteCharts

@Suite struct ChartErrorTests {
    func error(_ spec: ChartSpec, _ table: DataTable) -> ChartError? {
        do {
            _ = try ChartRenderer.render(spec, table: table)
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownColumnsListWhatExists() throws {
        let failure = try #require(error(ChartSpec(type: .line, x: "period", y: ["retension_rate"]), Fixtures.periods()))
        #expect(failure.kind == .unknownColumn)
        #expect(failure.description.contains("unknown column \"retension_rate\" for y"))
        #expect(failure.description.contains("did you mean \"retention_rate\"?"))
        #expect(failure.description.contains("period, active_customers, new_customers, retention_rate, churn_rate, revenue"))
        let x = try #require(error(ChartSpec(type: .bar, x: "month", y: ["revenue"]), Fixtures.periods()))
        #expect(x.description.hasPrefix("unknown column \"month\" for x"))
        // Even an empty table catches a misspelt column when it has a header.
        #expect(error(ChartSpec(type: .bar, x: "period", y: ["revnue"]), DataTable(columns: Fixtures.periods().columns, rows: [])) != nil)
    }

    @Test func textColumnsCannotBeValues() throws {
        let failure = try #require(error(ChartSpec(type: .bar, y: ["segment"]), Fixtures.segments()))
        #expect(failure.kind == .notNumeric)
        #expect(failure.description.contains("\"segment\" is not numeric"))
        #expect(failure.description.contains("Web shop customers"))
    }

    @Test func mixedUnitsNeedAChoice() throws {
        let failure = try #require(error(ChartSpec(type: .line), Fixtures.periods()))
        #expect(failure.kind == .mixedUnits)
        #expect(failure.description.contains("count: active_customers, new_customers"))
        #expect(failure.description.contains("ratio: retention_rate, churn_rate"))
        #expect(failure.description.contains("money: revenue"))
        #expect(failure.description.contains("mixed_units: true"))
        let given = try #require(error(ChartSpec(type: .bar, y: ["nps", "responses"]), Fixtures.nps()))
        #expect(given.kind == .mixedUnits && given.description.hasPrefix("the y columns have different units"))
        // Opting in draws them on one plain axis.
        #expect(error(ChartSpec(type: .bar, y: ["nps", "responses"], mixedUnits: true), Fixtures.nps()) == nil)
    }

    @Test func defaultsPickTheObviousColumns() throws {
        let chart = try Rendered(ChartSpec(type: .line, y: ["revenue"]), Fixtures.periods())
        #expect(chart.figure.descendants("th").first?.text == "Period")
        let ratios = try Rendered(ChartSpec(type: .line), DataTable(
            columns: [.init("period"), .init("retention_rate", unit: .ratio), .init("churn_rate", unit: .ratio), .init("customer_id", unit: .plain)],
            rows: [[.text("2026-01"), .number(0.4), .number(0.6), .number(17)]]
        ))
        #expect(ratios.svg.withClass("chart-series").count == 2)
        // The heatmap takes the ratio columns of the cohort table and its size column.
        let heatmap = try Rendered(ChartSpec(type: .heatmap), Fixtures.cohorts(3))
        #expect(heatmap.figure.descendants("thead").first?.descendants("th").map(\.text) == ["Cohort", "Size", "+0", "+1", "+2"])
    }

    @Test func optionsThatDoNotApplyAreErrors() {
        #expect(error(ChartSpec(type: .line, x: "period", y: ["revenue"], percent: true), Fixtures.periods())?.kind == .invalidOption)
        #expect(error(ChartSpec(type: .line, x: "period", y: ["revenue"], horizontal: true), Fixtures.periods())?.kind == .invalidOption)
        #expect(error(ChartSpec(type: .line, x: "period", y: ["revenue"], colors: ["url(#x)"]), Fixtures.periods())?.kind == .invalidOption)
        #expect(error(ChartSpec(type: .line, x: "period", y: ["revenue"], height: .nan), Fixtures.periods())?.kind == .invalidOption)
        #expect(error(ChartSpec(type: .bar, x: "period", y: ["revenue"], size: "size"), Fixtures.periods())?.kind == .invalidOption)
        #expect(error(ChartSpec(type: .sparkline, x: "period", y: ["promoters", "passives"]), Fixtures.nps())?.kind == .invalidOption)
        #expect(error(ChartSpec(type: .donut, x: "period", y: ["promoters", "passives"], row: "2031-01"), Fixtures.nps())?.kind == .unknownColumn)
    }

    @Test func donutsRefuseNegativeParts() throws {
        let failure = try #require(error(ChartSpec(type: .donut, x: "segment", y: ["nps"]), Fixtures.segments()))
        #expect(failure.kind == .unsupportedData)
        #expect(failure.description.contains("Web shop customers"))
    }

    @Test func heatmapNeedsNumbers() throws {
        let table = DataTable(columns: [.init("name"), .init("note")], rows: [[.text("a"), .text("b")]])
        #expect(error(ChartSpec(type: .heatmap), table)?.kind == .missingData)
    }
}
