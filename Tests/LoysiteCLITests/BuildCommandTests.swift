import Foundation
import LoysiteTesting
import Testing

/// The real `loysite` binary on real folders.
@Suite struct BuildCommandTests {
    let good: [String: String] = [
        "content/glossary/net-promoter-score.md": TemporarySite.term("Net Promoter Score", "aliases: [NPS]\n"),
        "content/glossary/churn-rate.md": TemporarySite.term("Churn rate", body: "Unlike [[NPS]]."),
    ]

    @Test func buildsASiteAndSaysWhatItDid() throws {
        let site = try TemporarySite(good)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Built 6 pages (15 files) in "), "6 pages, sitemap, feed, search index as JSON and as a script, metrics.json, 2 stylesheets, the search script, the favicon")
        #expect(run.stderr.isEmpty)
        #expect(site.exists("site/glossary/churn-rate/index.html"))
    }

    @Test func buildsTheCurrentDirectoryIntoAnotherOutput() throws {
        let site = try TemporarySite(good)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--output", "public", "--quiet"], in: site.root)
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(site.exists("public/index.html"))
    }

    @Test func reportsEveryErrorAtItsPlaceAndExitsOne() throws {
        var files = good
        files["content/glossary/bad-yaml.md"] = "---\ntitle: Fine\nsummary: \"unclosed\n---\n"
        files["content/glossary/no-title.md"] = "---\naliases: [x]\n---\nBody\n"
        files["content/glossary/links.md"] = "---\ntitle: Links\nrelated: [nowhere]\n---\nSee [[Nothing]].\n"
        files["content/glossary/dupe.md"] = TemporarySite.term("Dupe")
        files["content/glossary/sub/dupe.md"] = TemporarySite.term("Dupe again")
        files["content/glossary/slug.md"] = TemporarySite.term("Slug", "slug: Bad Slug\n")
        files["content/site.yml"] = "title: X\nunknown_key: 1\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 1)
        let lines = run.errorLines
        #expect(lines.contains { $0.hasPrefix("content/glossary/bad-yaml.md:") && $0.contains(": error: invalid YAML") })
        #expect(lines.contains("content/glossary/no-title.md:1:1: error: missing 'title' in front matter"))
        #expect(lines.contains("content/glossary/links.md:3:11: error: related entry 'nowhere' matches no page's title, alias or slug"))
        #expect(lines.contains("content/glossary/links.md:5:5: error: wikilink [[Nothing]] matches no page's title, alias or slug"))
        #expect(lines.contains("content/glossary/dupe.md:2:8: error: two pages have the URL /glossary/dupe/: content/glossary/dupe.md and content/glossary/sub/dupe.md"))
        #expect(lines.contains { $0.hasPrefix("content/glossary/slug.md:3:7: error: invalid slug 'Bad Slug'") })
        #expect(lines.contains { $0.hasPrefix("content/site.yml:2:1: warning: unknown key 'unknown_key'") })
        #expect(lines.last?.hasPrefix("build failed: 7 errors, 1 warning") == true, "\(lines)")
        #expect(!site.exists("site"))
    }

    @Test func aFailedBuildLeavesTheOldSiteExactlyAsItWas() throws {
        let site = try TemporarySite(good)
        defer { site.remove() }
        #expect(try LoysiteBinary.run(["build", "--root", site.root.path]).status == 0)
        try site.write("site/marker.txt", "kept")
        let before = site.files(under: "site").map { ($0, site.read("site/" + $0)) }
        try site.write("content/glossary/broken.md", "---\ntitle: [\n---\n")
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 1)
        let after = site.files(under: "site").map { ($0, site.read("site/" + $0)) }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(before.map(\.1) == after.map(\.1))
        #expect(site.read("site/marker.txt") == "kept")
    }

    @Test func warningsPassUnlessStrict() throws {
        var files = good
        files["content/site.yml"] = "colour: blue\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let relaxed = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(relaxed.status == 0)
        #expect(relaxed.errorLines.first?.hasPrefix("content/site.yml:1:1: warning: unknown key 'colour'") == true)
        let strict = try LoysiteBinary.run(["build", "--root", site.root.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.errorLines.last == "build failed: 0 errors, 1 warning (--strict); the output folder was left as it was")
    }

    @Test func usageErrorsExitSixtyFour() throws {
        #expect(try LoysiteBinary.run(["build", "--no-such-flag"]).status == 64)
        #expect(try LoysiteBinary.run(["frobnicate"]).status == 64)
        #expect(try LoysiteBinary.run(["build", "--root"]).status == 64)
    }

    @Test func helpExplainsEachOptionAndVersionPrints() throws {
        let help = try LoysiteBinary.run(["build", "--help"])
        #expect(help.status == 0)
        for option in ["--root", "--output", "--base-url", "--drafts", "--strict"] {
            #expect(help.stdout.contains(option), "\(option) missing from help")
        }
        #expect(help.stdout.contains("Include pages marked draft: true."))
        let version = try LoysiteBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func baseURLOptionSetsCanonicalLinks() throws {
        let site = try TemporarySite(good)
        defer { site.remove() }
        #expect(try LoysiteBinary.run(["build", "--root", site.root.path, "--base-url", "https://loyalty.example.com"]).status == 0)
        #expect(site.read("site/glossary/churn-rate/index.html")?.contains("<link rel=\"canonical\" href=\"https://loyalty.example.com/glossary/churn-rate/\">") == true)
        let bad = try LoysiteBinary.run(["build", "--root", site.root.path, "--base-url", "not a url"])
        #expect(bad.status == 64, "a usage error (issue 17)")
    }

    @Test func worksOnARootWithOnlyContent() throws {
        let site = try TemporarySite(good)
        defer { site.remove() }
        #expect(!site.exists("templates"))
        #expect(try LoysiteBinary.run(["build", "--root", site.root.path]).status == 0)
        #expect(site.read("site/assets/style.css")?.contains("prefers-color-scheme: dark") == true)
    }
}

/// `--output` folders a build must not replace, refused through the real binary.
@Suite struct OutputFolderRefusalTests {
    @Test func aForeignFolderIsRefusedAndLeftAlone() throws {
        let site = try TemporarySite(["content/glossary/nps.md": TemporarySite.term("NPS"), "public/index.html": "<p>made by hand</p>"])
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        let run = try LoysiteBinary.run(["build", "--root", site.root.path, "--output", output.path])
        #expect(run.status == 1)
        #expect(run.errorLines.first == "\(output.path): error: refusing to write the site to \(output.path): it is not empty and holds no metrics.json written by loysite, so it is not an earlier build; the build replaces the whole folder (empty or remove it first); choose another --output")
        #expect(site.files(under: "public") == ["index.html"])
        #expect(site.read("public/index.html") == "<p>made by hand</p>")
    }

    @Test func theHomeFolderAndASymlinkAreRefused() throws {
        let site = try TemporarySite(["content/glossary/nps.md": TemporarySite.term("NPS")])
        defer { site.remove() }
        // A stand-in home folder holding an earlier build, so only the home rule can refuse
        // it (and a regression replaces a temporary folder, not the real home).
        let home = site.root.appendingPathComponent("home").path
        try site.write("home/metrics.json", "{\"generated_by\": \"loysite 0.1.0\"}\n")
        let run = try LoysiteBinary.run(["build", "--root", site.root.path, "--output", home], environment: ["HOME": home])
        #expect(run.status == 1)
        #expect(run.errorLines.first?.hasSuffix("it is your home folder; choose another --output") == true, "\(run.errorLines)")
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("link"), withDestinationURL: site.root.appendingPathComponent("real"))
        let linked = try LoysiteBinary.run(["build", "--root", site.root.path, "--output", site.root.appendingPathComponent("link").path])
        #expect(linked.status == 1)
        #expect(linked.errorLines.first?.contains("it is a symbolic link") == true, "\(linked.errorLines)")
        #expect(try LoysiteBinary.run(["build", "--root", site.root.path, "--output", site.root.appendingPathComponent("real").path, "--quiet"]).status == 0, "its target is fine")
    }
}
