import Foundation
import LoysiteTesting
import Testing

/// Lifetime value, RFM and the Customer Loyalty Index through the real binary: the
/// CDNOW sample in `loysite build` (metrics.json, chart and metric blocks) and
/// `loysite metrics`, and bad loyalty-index answers as exact errors.
@Suite struct CustomerValueCommandTests {
    static let cdnow = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/cdnow/cdnow-sample.csv").standardizedFileURL
    static let cdnowExists = FileManager.default.fileExists(atPath: cdnow.path)

    static let report = """
        ---
        title: Lifetime value
        ---
        ```metric
        - {data: cdnow, value: clv_mean, label: CLV}
        - {data: cdnow, value: p_alive_mean, label: Still active}
        ```

        ```chart
        type: bar
        data: cdnow
        metric: clv-deciles
        x: decile
        y: clv_share
        title: Share of value by decile
        ```

        ```chart
        type: heatmap
        data: cdnow
        metric: rfm
        x: recency
        title: RFM
        ```
        """

    func cdnowSite() throws -> TemporarySite {
        let site = try TemporarySite([
            "content/data/cdnow.yml": "kind: orders\ncolumns: {customer: customer_id, date: date, amount: amount}\nzero_amount: order\nclv: {calibration_end: 1997-09-30, unit: week}\n",
            "content/reports/value.md": Self.report,
        ])
        try site.write("content/data/cdnow.csv", data: try Data(contentsOf: Self.cdnow))
        return site
    }

    @Test(.enabled(if: cdnowExists, "../shared/data/cdnow/cdnow-sample.csv is missing; skipped"))
    func buildWritesTheClvAndRfmObjectsAndDrawsThem() throws {
        let site = try cdnowSite()
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet", "--strict"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data((site.read("site/metrics.json") ?? "").utf8)) as? [String: Any])
        let cdnow = try #require((json["datasets"] as? [String: Any])?["cdnow"] as? [String: Any])
        let clv = try #require(cdnow["clv"] as? [String: Any])
        #expect(clv["calibration_end"] as? String == "1997-09-30")
        #expect(clv["unit"] as? String == "week" && clv["horizon"] as? Int == 52)
        #expect(clv["customers"] as? Int == 2357)
        #expect(clv["repeat_customers"] as? Int == 946 && clv["spend_customers"] as? Int == 946)
        let bgnbd = try #require(clv["bgnbd"] as? [String: Double])
        let published: [(String, Double, Double)] = [("r", 0.243, 0.0005), ("alpha", 4.414, 0.0005), ("a", 0.793, 0.0005), ("b", 2.426, 0.0005), ("log_likelihood", -9582.4292, 0.001)]
        for (name, value, tolerance) in published {
            let fitted = try #require(bgnbd[name])
            #expect(abs(fitted - value) < tolerance, "\(name)")
        }
        let spend = try #require(clv["gamma_gamma"] as? [String: Double])
        for (name, value) in [("p", 6.25), ("q", 3.74), ("gamma", 15.44)] {
            let fitted = try #require(spend[name])
            #expect(abs(fitted - value) < 0.005, "\(name)")
        }
        #expect(abs((clv["clv_total"] as? Double ?? 0) - 75707.92) < 1)
        #expect((clv["deciles"] as? [[String: Any]])?.count == 10)
        let rfm = try #require(cdnow["rfm"] as? [[String: Any]])
        #expect(rfm.count == 25)
        #expect(rfm.map { $0["customers"] as? Int ?? 0 }.reduce(0, +) == 2357)
        #expect(rfm.first?["r"] as? Int == 1 && rfm.first?["f"] as? Int == 1)
        #expect(rfm.last?["r"] as? Int == 5 && rfm.last?["f"] as? Int == 5)
        let page = try #require(site.read("site/reports/value/index.html"))
        #expect(page.components(separatedBy: "<svg").count - 1 >= 2)
        #expect(page.contains("Share of value by decile") && page.contains("RFM"))
        #expect(page.contains("32.12"))
    }

    @Test(.enabled(if: cdnowExists, "../shared/data/cdnow/cdnow-sample.csv is missing; skipped"))
    func metricsPrintsTheFitsDecilesAndGrid() throws {
        let site = try cdnowSite()
        defer { site.remove() }
        let run = try LoysiteBinary.run(["metrics", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("BG/NBD r 0.2426, alpha 4.4136, a 0.7929, b 2.4259, LL -9582.4292"))
        #expect(lines.contains("R5 0 0 126 110 229"))
        #expect(lines.contains { $0.hasPrefix("1 236 181.95 56.7%") })
    }

    @Test func badLoyaltyAnswersAreExactErrorsAndTheBuildFails() throws {
        let site = try TemporarySite([
            "content/data/survey.csv": "score,repurchase,upsell\n9,8,7\n8,12,\n10,,-1\n",
            "content/data/survey.yml": "kind: responses\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.errorLines == [
            "content/data/survey.csv:3:3: error: column 'repurchase': answer '12' is not an integer from 0 to 10 (leave the cell empty for an unanswered question)",
            "content/data/survey.csv:4:5: error: column 'upsell': answer '-1' is not an integer from 0 to 10 (leave the cell empty for an unanswered question)",
            "build failed: 2 errors; the output folder was left as it was",
        ])
        #expect(!site.exists("site/index.html"))
    }

    @Test func loyaltyIndexInMetricsJson() throws {
        let site = try TemporarySite([
            "content/data/survey.csv": "date,score,repurchase,upsell\n2026-01-03,9,8,7\n2026-01-09,6,,3\n2026-02-01,10,10,\n",
            "content/data/survey.yml": "kind: responses\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["metrics", "--root", site.root.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let survey = try #require((json["datasets"] as? [String: Any])?["survey"] as? [String: Any])
        #expect((survey["cli_recommend"] as? Double).map { abs($0 - 25.0 / 3) < 1e-12 } == true)
        #expect(survey["cli_repurchase"] as? Double == 9)
        #expect(survey["cli_upsell"] as? Double == 5)
        let periods = try #require(survey["periods"] as? [[String: Any]])
        let january: Double = (7.5 + 8 + 5) / 3
        #expect(periods.first?["cli"] as? Double == january)
        #expect(periods.last?["cli"] is NSNull)
    }
}
