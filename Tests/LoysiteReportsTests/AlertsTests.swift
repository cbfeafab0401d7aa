import Foundation
@testable import LoysiteReports
import LoysiteContent
import LoysiteMetrics
import LoysiteSupport
import Testing

/// Alerts on hand-made figures: NPS 40 in 2026-01, 20 in 2026-02 (30 overall).
@Suite struct AlertsTests {
    let site = SourceLocation(file: "content/site.yml", line: 9, column: 5)

    var nps: Dataset {
        var metrics = ResponsesMetrics(period: .month)
        metrics.rows = 20
        metrics.overall = NPSTally(promoters: 11, passives: 4, detractors: 5)
        metrics.firstPeriodIndex = Period.month.index(ofKey: "2026-01")!
        metrics.periods = [
            .init(name: "2026-01", tally: NPSTally(promoters: 6, passives: 2, detractors: 2)),
            .init(name: "2026-02", tally: NPSTally(promoters: 5, passives: 2, detractors: 3)),
        ]
        return Dataset(name: "nps-responses", path: "content/data/nps-responses.csv", kind: .responses, period: .month,
                       rows: 20, skippedRows: 0, columns: ["date", "score"], figures: .responses(metrics))
    }

    func alert(_ value: String = "nps", data: String = "nps-responses", period: String? = "last", below: Double? = nil, above: Double? = nil, drop: Double? = nil) -> SiteConfig.Alert {
        SiteConfig.Alert(data: data, value: value, period: period, below: below, above: above, dropMoreThan: drop, location: site)
    }

    @Test func belowFiresUnderTheThresholdOnly() {
        let fired = Alerts.evaluate([alert(below: 30)], datasets: [nps])
        #expect(fired.diagnostics == [.warning("alert: nps of nps-responses (2026-02) is 20, below 30", at: site)])
        #expect(fired.fired.map(\.kind) == [.below])
        #expect(fired.fired.first?.figure.value == 20)
        #expect(Alerts.evaluate([alert(below: 20)], datasets: [nps]).diagnostics.isEmpty, "20 is not below 20")
        #expect(Alerts.evaluate([alert(period: "2026-01", below: 30)], datasets: [nps]).diagnostics.isEmpty, "January's 40 is fine")
    }

    @Test func anAlertOnAPartialPeriodSaysHowMuchOfItTheDataCovers() {
        var dataset = nps
        guard case .responses(var metrics) = dataset.figures else { Issue.record("not a responses dataset"); return }
        metrics.observationEnd = Period.day.index(ofKey: "2026-02-09")
        dataset.figures = .responses(metrics)
        let fired = Alerts.evaluate([alert(below: 30), alert(drop: 5)], datasets: [dataset])
        #expect(fired.diagnostics.map(\.message) == [
            "alert: nps of nps-responses (2026-02, partial: 9 of 28 days) is 20, below 30",
            "alert: nps of nps-responses fell by 20 from 2026-01 (40) to 2026-02, partial: 9 of 28 days (20), more than 5",
        ])
    }

    @Test func aboveFiresOverTheThreshold() {
        let fired = Alerts.evaluate([alert(period: nil, above: 25.5)], datasets: [nps])
        #expect(fired.diagnostics.map(\.message) == ["alert: nps of nps-responses is 30, above 25.5"])
        #expect(Alerts.evaluate([alert(period: nil, above: 30)], datasets: [nps]).fired.isEmpty)
    }

    @Test func dropComparesWithThePreviousPeriod() {
        let fired = Alerts.evaluate([alert(drop: 5)], datasets: [nps])
        #expect(fired.diagnostics.map(\.message) == ["alert: nps of nps-responses fell by 20 from 2026-01 (40) to 2026-02 (20), more than 5"])
        #expect(Alerts.evaluate([alert(drop: 20)], datasets: [nps]).fired.isEmpty, "a drop of exactly 20 is not more than 20")
        // The first period has nothing to compare with: said, not silently passed.
        let first = Alerts.evaluate([alert(period: "2026-01", drop: 5)], datasets: [nps])
        #expect(first.fired.isEmpty)
        #expect(first.diagnostics.map(\.message) == ["alert not checked: nps of nps-responses (2026-01) has no previous period to compare with"])
        #expect(first.diagnostics.first?.severity == .warning)
    }

    @Test func everyCrossedThresholdOfOneAlertFires() {
        let fired = Alerts.evaluate([alert(below: 30, above: 10, drop: 5)], datasets: [nps])
        #expect(fired.fired.map(\.kind) == [.below, .above, .dropMoreThan])
        #expect(fired.diagnostics.count == 3)
        #expect(fired.diagnostics.allSatisfy { $0.location == site && $0.severity == .warning })
    }

    @Test func unknownDatasetsFiguresAndPeriodsAreErrors() {
        let typo = Alerts.evaluate([alert(data: "nps-response", below: 30)], datasets: [nps])
        #expect(typo.diagnostics == [.error("alert names no dataset 'nps-response'; did you mean 'nps-responses'?", at: site)])
        let unknown = Alerts.evaluate([alert(data: "sales", below: 30)], datasets: [nps])
        #expect(unknown.diagnostics.map(\.message) == ["alert names no dataset 'sales'; datasets: nps-responses"])
        let none = Alerts.evaluate([alert(data: "sales", below: 30)], datasets: [])
        #expect(none.diagnostics.map(\.message) == ["alert names no dataset 'sales'; content/data/ has no datasets"])
        let figure = Alerts.evaluate([alert("nsp", below: 30)], datasets: [nps])
        #expect(figure.diagnostics.first?.severity == .error)
        #expect(figure.diagnostics.first?.message.hasPrefix("alert on 'nsp' of nps-responses: unknown figure 'nsp'; known figures: rows,") == true)
        let period = Alerts.evaluate([alert(period: "2025-07", below: 30)], datasets: [nps])
        #expect(period.diagnostics.first?.severity == .error)
        #expect(period.diagnostics.first?.message.contains("no month '2025-07' in the data") == true)
        let dropOverall = Alerts.evaluate([alert("responses", period: nil, drop: 5)], datasets: [nps])
        #expect(dropOverall.diagnostics.first?.severity == .error)
        #expect(dropOverall.diagnostics.first?.message.contains("add 'period: last'") == true)
        #expect(typo.fired.isEmpty && figure.fired.isEmpty && period.fired.isEmpty)
    }

    @Test func aFigureThatCannotBeComputedIsAWarning() {
        var empty = nps
        var metrics = ResponsesMetrics(period: .month)
        metrics.rows = 0
        empty.figures = .responses(metrics)
        let result = Alerts.evaluate([alert(period: nil, below: 30)], datasets: [empty])
        #expect(result.diagnostics == [.warning("alert not checked: nps of nps-responses cannot be computed from the data", at: site)])
    }

    @Test func metricsJSONListsFiredAlertsAfterTheDatasets() {
        let evaluation = Alerts.evaluate([alert(below: 30), alert(drop: 5)], datasets: [nps])
        let json = MetricsDocument.json(datasets: [nps], alerts: evaluation.json, version: "9.9.9").serialized()
        let alerts = #"\#"alerts":[{"data":"nps-responses","value":"nps","period":"2026-02","partial":false,"figure":20,"threshold":"below","threshold_value":30,"message":"nps of nps-responses (2026-02) is 20, below 30"},{"data":"nps-responses","value":"nps","period":"2026-02","partial":false,"figure":20,"threshold":"drop_more_than","threshold_value":5,"previous_period":"2026-01","previous_figure":40,"message":"nps of nps-responses fell by 20 from 2026-01 (40) to 2026-02 (20), more than 5"}]}"#
        #expect(json.hasSuffix("}}," + alerts), "\(json)")
        #expect(Alerts.evaluate([], datasets: [nps]).json == .array([]))
    }

    @Test func anAlertOnAPartialPeriodIsMarkedPartialInMetricsJSON() throws {
        var dataset = nps
        guard case .responses(var metrics) = dataset.figures else { Issue.record("not responses"); return }
        // The data ends on 10 February: February is 10 of 28 days, January is whole.
        metrics.observationEnd = CivilDate.dayNumber(year: 2026, month: 2, day: 10)
        dataset.figures = .responses(metrics)
        let evaluation = Alerts.evaluate([alert(below: 30), alert(period: "2026-01", below: 50), alert(period: nil, below: 40)], datasets: [dataset])
        #expect(evaluation.fired.map(\.message) == [
            "nps of nps-responses (2026-02, partial: 10 of 28 days) is 20, below 30",
            "nps of nps-responses (2026-01) is 40, below 50",
            "nps of nps-responses is 30, below 40",
        ])
        guard case .array(let entries) = evaluation.json else { Issue.record("not an array"); return }
        #expect(entries.map { $0.serialized() }.map { $0.contains(#""partial":true"#) } == [true, false, false])
        #expect(entries.allSatisfy { $0.serialized().contains(#""partial":"#) })
    }

    @Test func numbersReadAsPeopleWriteThem() {
        #expect(Alerts.format(30) == "30")
        #expect(Alerts.format(-5) == "-5")
        #expect(Alerts.format(24.5) == "24.5")
        #expect(Alerts.format(33.333333) == "33.33")
        #expect(Alerts.format(0.31254) == "0.3125")
        #expect(Alerts.format(0.4) == "0.4")
        #expect(Alerts.format(1.1, Figure(name: "revenue", unit: .money, value: 1.1, exactValue: "1.10")) == "1.10")
    }
}
