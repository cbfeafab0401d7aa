import LoysiteSupport
import Testing
@testable import LoysiteCharts

@Suite struct MetricTileTests {
    func parse(_ html: String) throws -> Node {
        try #require(try XMLCheck.parse(html).children.first)
    }

    @Test func aRiseInChurnIsBad() throws {
        let tile = MetricTile(
            label: "Churn rate", value: 0.062, unit: .ratio, period: "2026-03",
            previousValue: 0.055, previousPeriod: "2026-02", target: 0.05, higherIsBetter: false,
            history: [0.07, 0.061, 0.055, 0.062]
        )
        #expect(tile.trend == .bad)
        #expect(tile.meetsTarget == false)
        let node = try parse(tile.render(options: ChartOptions(idPrefix: "metric-1")))
        #expect(node.attributes["class"] == "metric-tile")
        #expect(node.withClass("metric-value").first?.fullText == "6.2%")
        let change = try #require(node.withClass("metric-change").first)
        #expect(change.attributes["class"] == "metric-change metric-bad")
        #expect(change.fullText.hasPrefix("▲ +0.7 pts vs Feb 2026"))
        #expect(change.fullText.contains("a deterioration"))
        #expect(node.withClass("metric-target").first?.fullText == "Target 5% · missed")
        #expect(node.withClass("metric-target").first?.attributes["class"] == "metric-target metric-missed")
        let spark = try #require(node.descendants("svg").first)
        #expect(spark.attributes["aria-label"]?.contains("from 7% to 6.2%") == true)
        #expect(spark.descendants("title").first?.text.contains("from 7% to 6.2%") == true)
    }

    @Test func aRiseInNPSIsGoodAndMeetsItsTarget() throws {
        let tile = MetricTile(label: "Net Promoter Score", value: 42, unit: .score, previousValue: 37, target: 40)
        let node = try parse(tile.render())
        #expect(node.withClass("metric-change").first?.attributes["class"] == "metric-change metric-good")
        #expect(node.withClass("metric-change").first?.fullText.hasPrefix("▲ +5 pts vs previous period") == true)
        #expect(node.withClass("metric-target").first?.fullText == "Target 40 · met")
        #expect(node.descendants("svg").isEmpty)
    }

    @Test func aFallInRevenueShowsBothAmountAndShare() throws {
        let tile = MetricTile(label: "Revenue", value: 9_000, unit: .money, previousValue: 12_000)
        let node = try parse(tile.render(options: ChartOptions(currencyCode: "GBP")))
        #expect(node.withClass("metric-value").first?.fullText == "£9k")
        let change = try #require(node.withClass("metric-change").first)
        #expect(change.fullText.hasPrefix("▼ −£3k (−25%)"))
        #expect(change.attributes["class"] == "metric-change metric-bad")
    }

    @Test func noChangeIsFlatAndMissingFiguresSaySo() throws {
        let flat = try parse(MetricTile(label: "Customers", value: 10, unit: .count, previousValue: 10).render())
        #expect(flat.withClass("metric-change").first?.attributes["class"] == "metric-change metric-flat")
        let missing = try parse(MetricTile(label: "Retention", value: nil, unit: .ratio, previousValue: 0.4, target: 0.5).render())
        #expect(missing.withClass("metric-value").first?.fullText == "—")
        #expect(missing.withClass("metric-change").isEmpty)
        #expect(missing.withClass("metric-target").first?.fullText == "Target 50%")
    }

    @Test func labelsAreEscapedAndLinked() throws {
        let tile = MetricTile(label: "<b>Churn</b> & \"co\"", value: 1, unit: .count, href: "/glossary/churn/?a=1&b=\"2\"")
        let html = tile.render()
        #expect(!html.contains("<b>"))
        let node = try parse(html)
        let link = try #require(node.descendants("a").first)
        #expect(link.text == "<b>Churn</b> & \"co\"")
        #expect(link.attributes["href"] == "/glossary/churn/?a=1&b=\"2\"")
    }

    @Test func gridsGiveEachTileItsOwnID() throws {
        let tiles = [
            MetricTile(label: "A", value: 1, unit: .count, history: [1, 2, 3]),
            MetricTile(label: "B", value: 2, unit: .count, history: [3, nil, 2]),
        ]
        let grid = try parse(MetricTile.renderGrid(tiles, options: ChartOptions(idPrefix: "home")))
        #expect(grid.attributes["class"] == "metric-grid")
        let ids = grid.all.compactMap { $0.attributes["id"] }
        #expect(ids == ["home-1", "home-2"])
        #expect(MetricTile.renderGrid(tiles) == MetricTile.renderGrid(tiles))
    }
}

@Suite struct KnownFiguresTests {
    @Test func directionsAndUnits() {
        #expect(KnownFigures.higherIsBetter("churn_rate") == false)
        #expect(KnownFigures.higherIsBetter("nps") == true)
        #expect(KnownFigures.higherIsBetter("something_else") == true)
        #expect(KnownFigures.unit(for: "revenue") == .money)
        #expect(KnownFigures.unit(for: "retention_rate") == .ratio)
        #expect(KnownFigures.unit(for: "nps") == .score)
        #expect(KnownFigures.unit(for: "unknown") == nil)
    }
}
