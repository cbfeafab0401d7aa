import LoysiteSupport
import Testing
@testable import LoysiteCharts

/// The data table under a chart: named after its chart, decimals lined up per column.
@Suite struct DataTableDisclosureTests {
    @Test func decimalsArePaddedToTheLongestInTheColumn() {
        #expect(DecimalAlignment.aligned(["28%", "27.3%", "—", "4.25%"]) == ["28.00%", "27.30%", "—", "4.25%"])
        #expect(DecimalAlignment.aligned(["$1,234", "$12.5"]) == ["$1,234.0", "$12.5"])
        #expect(DecimalAlignment.aligned(["12", "7"]) == ["12", "7"], "no decimals anywhere: unchanged")
        #expect(DecimalAlignment.aligned(["44% (partial)", "3.5%"]) == ["44.0% (partial)", "3.5%"])
        #expect(DecimalAlignment.aligned(["1.2k", "950"]) == ["1.2k", "950.0"])
    }

    @Test func theDisclosureNamesItsChartAndItsNumbersLineUp() throws {
        let table = Fixtures.simple([0.28, 0.273, 0.3], unit: .ratio, labels: ["a", "b", "c"])
        let chart = try Rendered(ChartSpec(type: .bar, title: "Share by group", x: "label", y: ["value"]), table)
        #expect(chart.html.contains("<summary>Data: Share by group</summary>"))
        #expect(chart.html.contains("<td class=\"num\">28.0%</td>"), "\(chart.html)")
        #expect(chart.html.contains("<td class=\"num\">27.3%</td>"))
        let untitled = try Rendered(ChartSpec(type: .bar, x: "label", y: ["value"]), table)
        #expect(untitled.html.contains("<summary>Data table</summary>"), "\(untitled.html)")
    }
}
