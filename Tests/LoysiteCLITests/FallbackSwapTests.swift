import Foundation
import LoysiteTesting
import Testing

/// The two-rename swap (file systems without RENAME_EXCHANGE), forced through the debug
/// binary's `LOYSITE_TEST_SWAP_FAULT`, killed with SIGKILL between its two renames —
/// the one instant at which no output folder exists. The next build, failed or not,
/// must find the old site or the new one complete.
@Suite struct FallbackSwapTests {
    static let files = [
        "content/glossary/a.md": TemporarySite.term("Alpha", body: "First version."),
        "content/glossary/b.md": TemporarySite.term("Beta", body: "Mentions [[Alpha]]."),
    ]

    func leftovers(_ site: TemporarySite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".site.loysite-") && $0 != ".site.loysite-spare" }
    }

    @Test func aBuildKilledBetweenTheRenamesIsRecoveredByTheNextBuildEvenAFailedOne() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let output = site.root.appendingPathComponent("site")
        let first = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"], environment: ["LOYSITE_TEST_SWAP_FAULT": "two-renames"])
        #expect(first.status == 0, "\(first.stderr)")
        let old = InterruptedBuildTests.snapshot(output)
        #expect(old["glossary/a/index.html"].map { String(decoding: $0, as: UTF8.self).contains("First version.") } == true)

        try site.write("content/glossary/a.md", TemporarySite.term("Alpha", body: "Second version."))
        let killed = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"], environment: ["LOYSITE_TEST_SWAP_FAULT": "kill-between-renames"])
        #expect(killed.status == SIGKILL || killed.status == 128 + SIGKILL, "the build died between its renames: \(killed.status) \(killed.stderr)")
        #expect(!site.exists("site"), "the instant the fallback leaves no output")
        #expect(try leftovers(site).contains { $0.hasPrefix(".site.loysite-old-") })

        // A build that fails (a broken page) still puts the old site back first.
        try site.write("content/glossary/c.md", "---\ntitle: [unclosed\n---\n")
        let failed = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"])
        #expect(failed.status == 1)
        #expect(InterruptedBuildTests.snapshot(output) == old, "the old site is back, byte for byte")
        #expect(try leftovers(site).isEmpty)

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/glossary/c.md"))
        let fixed = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"], environment: ["LOYSITE_TEST_SWAP_FAULT": "two-renames"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let new = InterruptedBuildTests.snapshot(output)
        #expect(new.count == old.count)
        #expect(new["glossary/a/index.html"].map { String(decoding: $0, as: UTF8.self).contains("Second version.") } == true)
        #expect(try leftovers(site).isEmpty)
    }

    @Test func aSuccessfulBuildAfterTheKillSwapsInTheNewSite() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        #expect(try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"]).status == 0)
        try site.write("content/glossary/a.md", TemporarySite.term("Alpha", body: "Second version."))
        _ = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"], environment: ["LOYSITE_TEST_SWAP_FAULT": "kill-between-renames"])
        #expect(!site.exists("site"))
        let next = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(site.read("site/glossary/a/index.html")?.contains("Second version.") == true)
        #expect(try leftovers(site).isEmpty)
    }
}
