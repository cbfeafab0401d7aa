import Foundation
import LoysiteContent
import LoysiteTesting
import Testing

/// A rebuild told that a page file appeared or went puts it into (or takes it out of)
/// the last list (`ContentLoader.pageFiles(_:changing:root:)`) instead of listing every
/// page file again; whenever it answers, the answer is what listing again gives.
@Suite struct PageFileListingTests {
    static let candidates = [
        "content/glossary/a.md", "content/glossary/m.md", "content/glossary/zz.md", "content/glossary/sub/b.md", "content/glossary/sub/deeper/c.md",
        "content/glossary/_hidden.md", "content/glossary/.dot/d.md", "content/glossary/notes.txt", "content/glossary/index.md",
        "content/glossary/sub/index.md", "content/glossary/Caps.md", "content/glossary/é.md",
        "content/reports/q1.md", "content/reports/2026/q2.md", "content/pages/about.md", "content/pages/_draft.md", "content/other/x.md",
    ]

    @Test func randomAddsAndRemovalsListAsListingAgainDoes() throws {
        let site = try TemporarySite(["content/site.yml": "title: T\n", "content/glossary/k.md": "---\ntitle: K\n---\n"])
        defer { site.remove() }
        var random = SeededNumbers(seed: 20261207)
        var list = ContentLoader.pageFiles(root: site.root)
        var answered = 0
        for _ in 0..<400 {
            let path = Self.candidates[random.below(Self.candidates.count)]
            let url = site.root.appendingPathComponent(path)
            switch random.below(5) {
            case 0:
                // A symbolic link where a page could be: the listing does not follow it.
                try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? FileManager.default.removeItem(at: url)
                try? FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: site.root.appendingPathComponent("content/glossary/k.md").path)
            case 1, 2:
                try? FileManager.default.removeItem(at: url)
                try? site.write(path, "---\ntitle: \(path)\n---\n")
            default:
                try? FileManager.default.removeItem(at: url)
                // Its folder too when that is left empty (a watcher names each file that goes).
                if random.below(4) == 0 { rmdir(url.deletingLastPathComponent().path) }
            }
            let listed = ContentLoader.pageFiles(root: site.root)
            if let updated = ContentLoader.pageFiles(list, changing: path, root: site.root) {
                #expect(updated == listed, "after a change of \(path): \(updated.map(\.relativePath)) instead of \(listed.map(\.relativePath))")
                answered += 1
            }
            list = listed
        }
        #expect(answered > 100, "most changes are answered without listing: \(answered)")
    }
}
