import Foundation
import LoysiteBuild
import LoysiteTesting
import Testing

/// Builds `examples/online-retail/` — a report over the real 541,909-row UCI export —
/// with the export copied in from `../shared/data/` (a link leading out of the root
/// would be refused).
@Suite struct RealExportReportTests {
    static let packageRoot = Repository.root
    static let export = Repository.sharedData("online-retail/online-retail.csv")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: export.path), "the real export is not beside the repository"))
    func theExampleReportBuildsFromTheRealExport() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let example = Self.packageRoot.appendingPathComponent("examples/online-retail/content")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: example, to: site.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Self.export, to: site.root.appendingPathComponent("content/data/online-retail.csv"))
        let result = SiteBuilder.build(BuildOptions(root: site.root, strict: true))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let report = try #require(site.read("site/reports/online-retail/index.html"))
        // Figures an independent computation gives for the export (see DatasetsRealExportTests).
        #expect(report.contains("data-value=\"4338\""), "customers")
        #expect(report.contains("£481"), "average order value, in the site's currency")
        #expect(report.components(separatedBy: "<figure class=\"chart").count - 1 == 4)
        // Thirteen monthly cohorts, 2010-12 to 2011-12: 13 + 12 + … + 1 cells.
        #expect(report.contains("2010-12") && report.contains("2011-12"))
        let text = try #require(site.read("site/metrics.json"))
        let metrics = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let figures = try #require((metrics["datasets"] as? [String: Any])?["online-retail"] as? [String: Any])
        #expect(figures["rows"] as? Int == 541909)
        #expect(figures["rows_without_customer"] as? Int == 135080)
        #expect(figures["customers"] as? Int == 4338)
        #expect(!(site.read("site/index.html") ?? "").contains("Browse the glossary"), "no glossary, no glossary section")
    }
}
