import Foundation
import LoysiteTesting
import Testing

/// Alerts of site.yml through the real binary: the CI use of `build --strict` and `check --strict`.
@Suite struct AlertCommandTests {
    /// January: 2 promoters, 1 detractor of 4 (NPS 25); February: 1 promoter, 2 detractors of 4 (NPS −25).
    func files(alerts: String) -> [String: String] {
        [
            "content/site.yml": "title: Loyalty\nalerts:\n\(alerts)",
            "content/data/nps-responses.yml": "kind: responses\n",
            "content/data/nps-responses.csv": "date,score\n2026-01-03,10\n2026-01-04,9\n2026-01-05,8\n2026-01-06,3\n2026-02-01,10\n2026-02-02,8\n2026-02-03,2\n2026-02-04,6\n",
            "content/glossary/net-promoter-score.md": TemporarySite.term("Net Promoter Score"),
        ]
    }

    @Test func aFiredAlertWarnsShowsOnTheDashboardAndIsInMetricsJSON() throws {
        let site = try TemporarySite(files(alerts: "  - {data: nps-responses, value: nps, period: last, below: 0}\n  - {data: nps-responses, value: nps, period: last, drop_more_than: 40}\n  - {data: nps-responses, value: responses, above: 100}\n"))
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "warnings only: \(run.stderr)")
        #expect(run.errorLines == [
            "content/site.yml:3:5: warning: alert: nps of nps-responses (2026-02, partial: 4 of 28 days) is -25, below 0",
            "content/site.yml:4:5: warning: alert: nps of nps-responses fell by 50 from 2026-01 (25) to 2026-02, partial: 4 of 28 days (-25), more than 40",
        ])
        let home = try #require(site.read("site/index.html"))
        #expect(home.contains("<li class=\"alert\">nps of nps-responses (2026-02, partial: 4 of 28 days) is -25, below 0</li>"))
        #expect(home.contains("<li class=\"alert\">nps of nps-responses fell by 50 from 2026-01 (25) to 2026-02, partial: 4 of 28 days (-25), more than 40</li>"))
        let text = try #require(site.read("site/metrics.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let alerts = try #require(json["alerts"] as? [[String: Any]])
        #expect(alerts.count == 2)
        #expect(alerts.first?["data"] as? String == "nps-responses")
        #expect(alerts.first?["value"] as? String == "nps")
        #expect(alerts.first?["period"] as? String == "2026-02")
        #expect((alerts.first?["figure"] as? NSNumber)?.doubleValue == -25)
        #expect(alerts.first?["threshold"] as? String == "below")
        #expect((alerts.first?["threshold_value"] as? NSNumber)?.doubleValue == 0)
        #expect(alerts.last?["threshold"] as? String == "drop_more_than")
        #expect(text.range(of: "\"datasets\"")!.lowerBound < text.range(of: "\"alerts\"")!.lowerBound)
        // `metrics --json` prints the same document.
        let metrics = try LoysiteBinary.run(["metrics", "--json", "--root", site.root.path])
        #expect(metrics.stdout == text)
    }

    /// The data ends on 4 February: the last month is partial, January is not, and a
    /// whole-dataset figure has no period to be partial.
    @Test func eachFiredAlertSaysWhetherItsPeriodIsPartial() throws {
        let site = try TemporarySite(files(alerts: "  - {data: nps-responses, value: nps, period: last, below: 0}\n  - {data: nps-responses, value: nps, period: 2026-01, below: 30}\n  - {data: nps-responses, value: nps, below: 10}\n"))
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "warnings only: \(run.stderr)")
        let text = try #require(site.read("site/metrics.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let alerts = try #require(json["alerts"] as? [[String: Any]])
        #expect(alerts.map { $0["period"] as? String } == ["2026-02", "2026-01", nil])
        #expect(alerts.map { ($0["partial"] as? NSNumber)?.boolValue } == [true, false, false])
        // The period's own entry agrees with the alert's.
        let datasets = try #require(json["datasets"] as? [String: Any])
        let periods = try #require((datasets["nps-responses"] as? [String: Any])?["periods"] as? [[String: Any]])
        #expect(periods.map { ($0["partial"] as? NSNumber)?.boolValue } == [false, true])
    }

    @Test func strictFailsOnAFiredAlertForBuildAndCheck() throws {
        let site = try TemporarySite(files(alerts: "  - {data: nps-responses, value: nps, period: last, below: 30}\n"))
        defer { site.remove() }
        let build = try LoysiteBinary.run(["build", "--strict", "--root", site.root.path])
        #expect(build.status == 1)
        #expect(build.errorLines.first == "content/site.yml:3:5: warning: alert: nps of nps-responses (2026-02, partial: 4 of 28 days) is -25, below 30")
        #expect(build.errorLines.last == "build failed: 0 errors, 1 warning (--strict); the output folder was left as it was")
        #expect(!site.exists("site"))
        let check = try LoysiteBinary.run(["check", "--strict", "--root", site.root.path])
        #expect(check.status == 1)
        #expect(check.errorLines.first == build.errorLines.first)
        // Not fired: passes, and metrics.json has an empty list.
        try site.write("content/site.yml", "title: Loyalty\nalerts:\n  - {data: nps-responses, value: nps, period: 2026-01, below: 20}\n")
        #expect(try LoysiteBinary.run(["build", "--strict", "--quiet", "--root", site.root.path]).status == 0)
        #expect(site.read("site/metrics.json")?.contains("\"alerts\": []") == true)
        #expect(site.read("site/index.html")?.contains("class=\"alerts\"") == false)
    }

    @Test func anUnknownDatasetOrFigureIsAnError() throws {
        let site = try TemporarySite(files(alerts: "  - {data: nps-respones, value: nps, below: 30}\n  - {data: nps-responses, value: npss, below: 30}\n"))
        defer { site.remove() }
        let run = try LoysiteBinary.run(["check", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.errorLines.first == "content/site.yml:3:5: error: alert names no dataset 'nps-respones'; did you mean 'nps-responses'?")
        #expect(run.errorLines.dropFirst().first?.hasPrefix("content/site.yml:4:5: error: alert on 'npss' of nps-responses: unknown figure 'npss'") == true)
        #expect(run.errorLines.last == "check failed: 2 errors")
    }
}
