import Foundation
import LoysiteTesting
import Testing

/// The repository's own site (content/: the glossary and the demo dashboard), built by
/// the real binary, is valid everywhere: every page passes `tidy -errors -q` with no
/// output, every SVG, the sitemap and the feed parse as XML, metrics.json and
/// search-index.json as JSON, and no page holds executable markup.
@Suite struct DemoSiteValidityTests {
    @Test func everyOutputOfTheDemoSiteIsValid() throws {
        let output = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try LoysiteBinary.run(["build", "--root", SiteValidator.packageRoot.path, "--output", output.path, "--strict", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String]) ?? []
        #expect(files.filter { $0.hasSuffix(".html") }.count > 40)
        for required in ["sitemap.xml", "feed.xml", "metrics.json", "search-index.json"] {
            #expect(files.contains(required), "\(required) missing")
        }
        let check = try SiteValidator.check(output)
        #expect(check.status == 0, "scripts/check-site.sh failed")
        #expect(check.output.isEmpty, "\(check.output.prefix(2000))")
        #expect(SiteValidator.scriptProblems(in: output) == [])
    }
}
