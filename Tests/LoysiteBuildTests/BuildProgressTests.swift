import Foundation
@testable import LoysiteBuild
import LoysiteTesting
import Testing

/// The progress line's source: the step running (not the last one finished) and, for
/// the steps that go page by page, how many pages of how many are done.
@Suite struct BuildProgressTests {
    @Test func namesTheRunningStepAndCountsItsPages() {
        let progress = BuildProgress()
        #expect(progress.snapshot == ("loading", 0, 0))
        progress.finished("link")
        #expect(progress.snapshot.step == "rendering")
        progress.counting(10_024)
        for _ in 0..<4_210 { progress.advance() }
        #expect(progress.snapshot == ("rendering", 4_210, 10_024))
        progress.finished("render")
        #expect(progress.snapshot == ("writing", 0, 0))
    }

    @Test func aBuildEndsOnItsLastStep() throws {
        let site = try TemporarySite([
            "content/glossary/a.md": TemporarySite.term("A"), "content/glossary/b.md": TemporarySite.term("B"),
        ])
        defer { site.remove() }
        var options = BuildOptions(root: site.root)
        let progress = BuildProgress()
        options.progress = progress
        let result = SiteBuilder.build(options)
        #expect(!result.diagnostics.hasErrors)
        #expect(progress.snapshot == ("writing", 0, 0), "the last step is the one left running")
        #expect(result.pageCount == 6)
    }
}
