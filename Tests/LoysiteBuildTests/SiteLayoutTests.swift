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

    /// A redirect may spell any path, dots included: one at a site-wide file's name
    /// (`/search-index.js`) would need that file to be a folder, and used to fail the
    /// write with no location.
    @Test func aRedirectAtEveryReservedPathIsRefusedAtItsLine() throws {
        // `/index.html` names the home page itself, refused as no folder at all.
        let names = SiteLayout.Output.reservedPagePaths.filter { !$0.isEmpty && $0 != "index.html/" }.map { String($0.dropLast()) }.sorted()
        let aliases = names.map { "/" + $0 }.joined(separator: ", ")
        let site = try TemporarySite(["content/glossary/churn.md": TemporarySite.term("Churn", "aliases: [\(aliases)]\n")])
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(root: site.root))
        let refused = result.diagnostics.errors.filter { $0.message.hasSuffix("is a URL loysite writes itself; a redirect cannot replace it") }
        #expect(refused.count == names.count, "\(result.diagnostics)")
        #expect(refused.allSatisfy { $0.location.file == "content/glossary/churn.md" && $0.location.line == 3 })
        #expect(result.diagnostics.errors.count == names.count, "nothing else fails: \(result.diagnostics)")
    }
}
