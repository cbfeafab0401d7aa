import Foundation
import LoysiteBuild
import LoysiteTesting
import Testing

/// The default dashboard shows lifetime value and the Customer Loyalty Index when a
/// dataset has them, and leaves them out where the figures could not be computed.
@Suite struct DashboardCustomerValueTests {
    static let cdnow = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/cdnow/cdnow-sample.csv").standardizedFileURL

    static let survey = [
        "content/data/survey.csv": "date,score,repurchase,upsell\n2026-01-03,9,8,7\n2026-02-09,6,5,3\n",
        "content/data/survey.yml": "kind: responses\n",
    ]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: cdnow.path), "the CDNOW sample is missing; skipped"))
    func clvAndCliTilesWhenTheFitsExist() throws {
        var files = Self.survey
        files["content/data/cdnow.yml"] = "kind: orders\ncolumns: {customer: customer_id}\nzero_amount: order\nclv: {calibration_end: 1997-09-30}\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        try site.write("content/data/cdnow.csv", data: try Data(contentsOf: Self.cdnow))
        let result = SiteBuilder.build(BuildOptions(root: site.root))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let home = try #require(site.read("site/index.html"))
        #expect(home.contains("Customer lifetime value (next 52 weeks)"))
        #expect(home.contains("Customers still active (P alive)"))
        #expect(home.contains("Share of future value by customer decile"))
        #expect(home.contains("Customer Loyalty Index"))
    }

    @Test func noClvTileWithoutAFit() throws {
        var files = Self.survey
        files["content/data/orders.csv"] = "customer_id,date,amount\na,2026-01-05,10\nb,2026-01-06,20\n"
        files["content/data/orders.yml"] = "kind: orders\nclv:\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(root: site.root))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(result.diagnostics.warnings.contains { $0.message.contains("the BG/NBD model cannot be fitted") })
        let home = try #require(site.read("site/index.html"))
        #expect(!home.contains("Customer lifetime value (next"))
        #expect(!home.contains("P alive"))
        #expect(home.contains("Customer Loyalty Index"))
    }
}
