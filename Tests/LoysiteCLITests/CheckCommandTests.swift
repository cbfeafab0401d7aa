import Foundation
import LoysiteTesting
import Testing

/// `loysite check`: what build validates, writing nothing, with the same lines and exit codes.
@Suite struct CheckCommandTests {
    let good: [String: String] = [
        "content/glossary/net-promoter-score.md": TemporarySite.term("Net Promoter Score", "aliases: [NPS]\n"),
        "content/glossary/churn-rate.md": TemporarySite.term("Churn rate", body: "Unlike [[NPS]]."),
    ]

    @Test func aGoodSitePassesAndNothingIsWritten() throws {
        let site = try TemporarySite(good)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["check", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Checked 6 pages (15 files) in "))
        #expect(run.stdout.hasSuffix(" s: no problems\n"))
        #expect(run.stderr.isEmpty)
        #expect(site.files(under: "").allSatisfy { $0.hasPrefix("content/") }, "\(site.files(under: ""))")
    }

    @Test func reportsTheSameErrorLinesAsBuild() throws {
        var files = good
        files["content/glossary/links.md"] = "---\ntitle: Links\nrelated: [nowhere]\n---\nSee [[Nothing]].\n"
        files["content/site.yml"] = "title: X\nunknown_key: 1\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let check = try LoysiteBinary.run(["check", "--root", site.root.path])
        let build = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(check.status == 1)
        #expect(build.status == 1)
        #expect(check.errorLines.dropLast() == build.errorLines.dropLast())
        #expect(check.errorLines.contains("content/glossary/links.md:5:5: error: wikilink [[Nothing]] matches no page's title, alias or slug"))
        #expect(check.errorLines.last == "check failed: 2 errors, 1 warning")
        #expect(build.errorLines.last == "build failed: 2 errors, 1 warning; the output folder was left as it was")
        #expect(check.stdout.isEmpty)
        #expect(!site.exists("site"))
    }

    @Test func warningsFailOnlyWithStrict() throws {
        var files = good
        files["content/site.yml"] = "colour: blue\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let relaxed = try LoysiteBinary.run(["check", "--root", site.root.path])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.hasSuffix(" s: 1 warning\n"))
        #expect(relaxed.errorLines.first?.hasPrefix("content/site.yml:1:1: warning: unknown key 'colour'") == true)
        let strict = try LoysiteBinary.run(["check", "--root", site.root.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.errorLines.last == "check failed: 0 errors, 1 warning (--strict)")
    }

    @Test func quietPrintsOnlyProblemsAndLogsGetNoProgressCodes() throws {
        let site = try TemporarySite(good)
        defer { site.remove() }
        let quiet = try LoysiteBinary.run(["check", "--quiet", "--root", site.root.path])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
        #expect(quiet.stderr.isEmpty)
        // Standard output is a file here, not a terminal: no progress line, no escape codes.
        for arguments in [["check"], ["build"]] {
            let run = try LoysiteBinary.run(arguments + ["--root", site.root.path])
            #expect(run.status == 0)
            #expect(!run.stdout.contains("\r") && !run.stdout.contains("\u{1B}"))
            #expect(run.stdout.split(separator: "\n").count == 1)
        }
    }

    @Test func checksTheCurrentFolderByDefault() throws {
        let site = try TemporarySite(good)
        defer { site.remove() }
        #expect(try LoysiteBinary.run(["check"], in: site.root).status == 0)
        let empty = try TemporarySite()
        defer { empty.remove() }
        try FileManager.default.removeItem(at: empty.root.appendingPathComponent("content"))
        let missing = try LoysiteBinary.run(["check"], in: empty.root)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no content/ folder"))
    }
}
