import Foundation
import LoysiteTesting
import Testing

/// `loysite metrics` through the real binary.
@Suite struct MetricsCommandTests {
    let files: [String: String] = [
        "content/data/orders.csv": "order_id,customer_id,date,amount\n1,a,2026-01-05,10.00\n2,b,2026-01-06,20.00\n3,a,2026-02-01,30.00\n4,b,2026-02-02,-20.00\n",
        "content/data/orders.yml": "kind: orders\ncolumns: {customer: customer_id, order: order_id}\n",
    ]

    @Test func printsAReadableSummary() throws {
        let site = try TemporarySite(files)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["metrics", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("orders — content/data/orders.csv (orders, by month)"))
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("revenue 60.00 USD"))
        #expect(lines.contains("return orders 1"))
        #expect(lines.contains("returns amount -20.00 USD"))
    }

    @Test func jsonIsWhatTheBuildWrites() throws {
        let site = try TemporarySite(files)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["metrics", "--root", site.root.path, "--json"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let orders = try #require((json["datasets"] as? [String: Any])?["orders"] as? [String: Any])
        #expect(orders["customers"] as? Int == 2)
        #expect(orders["orders"] as? Int == 3)
        #expect((orders["revenue"] as? NSNumber)?.doubleValue == 60)
        #expect((orders["repeat_purchase_rate"] as? NSNumber)?.doubleValue == 0.5)
        #expect(try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"]).status == 0)
        #expect(site.read("site/metrics.json") == run.stdout)
    }

    @Test func badRowsAreErrorsAtTheirPlaceAndPrintNoFigures() throws {
        var files = self.files
        files["content/data/orders.csv"] = "order_id,customer_id,date,amount\n1,a,2026-01-05,10.00\n2,b,\"2026-13-06\",20.00\n3,a,2026-02-01,1,000.00\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["metrics", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.count == 2, "\(run.errorLines)")
        #expect(run.errorLines.allSatisfy { $0.hasPrefix("content/data/orders.csv:") && $0.contains(": error: ") })
        #expect(run.errorLines.first?.hasPrefix("content/data/orders.csv:3:") == true)
        #expect(run.errorLines.last?.hasPrefix("content/data/orders.csv:4:") == true)
    }
}
