import Foundation
import LoysiteBuild
import LoysiteSupport
import LoysiteTesting
import Testing

/// `SiteLayout` names what the build writes itself: these tests build real sites and hold
/// its lists to what lands in the output folder, so a site-wide file added to the build
/// but not to the layout (which pages would then be free to overwrite) fails here.
@Suite struct SiteLayoutTests {
    /// Builds `files` into `site/` and returns every file written, relative to it.
    func builtFiles(_ files: [String: String]) throws -> (site: TemporarySite, files: [String]) {
        let site = try TemporarySite(files)
        let result = SiteBuilder.build(BuildOptions(root: site.root))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return (site, site.files(under: SiteLayout.defaultOutputFolder))
    }

    @Test func aSiteWithoutPagesIsExactlyTheSiteFilesAndTheAssets() throws {
        let (site, files) = try builtFiles([:])
        defer { site.remove() }
        let assets = files.filter { $0.hasPrefix(SiteLayout.Output.assetsFolder) }
        #expect(!assets.isEmpty)
        #expect(files.filter { !$0.hasPrefix(SiteLayout.Output.assetsFolder) } == SiteLayout.Output.siteFiles.sorted())
    }

    @Test func theReservedPagePathsAreTheTopLevelNamesTheBuildWrites() throws {
        // Pages of every kind, so the folders they add show up too.
        let (site, files) = try builtFiles([
            "content/glossary/churn.md": TemporarySite.term("Churn"),
            "content/reports/q1.md": "---\ntitle: Q1\ndate: 2026-01-15\n---\nText.\n",
            "content/pages/about.md": "---\ntitle: About\n---\nText.\n",
        ])
        defer { site.remove() }
        let topLevel = Set(files.map { String($0.prefix { $0 != "/" }) + "/" })
        // What the pages themselves take: the free page's own folder.
        let fromPages: Set<String> = ["about/"]
        #expect(topLevel.subtracting(fromPages).union(["", "404/"]) == SiteLayout.Output.reservedPagePaths)
    }

    @Test func aFreePageAtEveryReservedPathIsRefused() throws {
        let names = SiteLayout.Output.reservedPagePaths.filter { !$0.isEmpty }.map { String($0.dropLast()) }.sorted()
        var pageFiles: [String: String] = [:]
        for name in names { pageFiles["content/pages/\(name).md"] = "---\ntitle: Page \(name)\nslug: \(name)\n---\nText.\n" }
        let site = try TemporarySite(pageFiles)
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(root: site.root))
        // A name with a dot (`metrics.json`) is no slug and is refused as such; every
        // other one for its URL.
        let files = Set(result.diagnostics.errors.map(\.location.file))
        #expect(files == Set(names.map { "content/pages/\($0).md" }), "\(result.diagnostics)")
        let refusedForURL = result.diagnostics.errors.filter { $0.message.contains("is used by loysite itself") }.map(\.location.file)
        #expect(refusedForURL.sorted() == names.filter { !$0.contains(".") }.map { "content/pages/\($0).md" }, "\(result.diagnostics)")
        #expect(!site.exists(SiteLayout.defaultOutputFolder))
    }
}
