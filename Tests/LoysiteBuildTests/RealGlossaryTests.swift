import Foundation
import LoysiteBuild
import LoysiteTesting
import Testing

/// Builds glossaries nobody on the team wrote: the project's own content and the CNCF
/// glossary from `../shared/data/glossary-corpus/`, written for Hugo.
@Suite struct RealGlossaryTests {
    static let packageRoot = Repository.root
    static let corpus = Repository.sharedData("glossary-corpus/cncf-glossary")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path), "the shared glossary corpus is not beside the repository"))
    func cncfGlossaryBuildsOnePagePerPublishedTerm() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try FileManager.default.copyItem(at: Self.corpus, to: site.root.appendingPathComponent("content/glossary"))
        let result = SiteBuilder.build(BuildOptions(root: site.root))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        // Only the Hugo shortcodes are worth a warning; every site link resolved.
        #expect(result.diagnostics.warnings.allSatisfy { $0.message.hasPrefix("Hugo shortcode") }, "\(result.diagnostics)")
        let sources = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".md") }
        let drafts = try sources.filter { try String(contentsOf: Self.corpus.appendingPathComponent($0), encoding: .utf8).contains("\ndraft: true") }
        let pages = site.files(under: "site/glossary").filter { $0.hasSuffix("/index.html") }
        #expect(sources.count == 89)
        #expect(pages.count == sources.count - drafts.count)
        // Capitalised keys (`Title:`) were read; Hugo-style links now point at the terms.
        let serverless = try #require(site.read("site/glossary/serverless/index.html"))
        #expect(serverless.contains("<h1>Serverless</h1>"))
        #expect(serverless.contains("<a href=\"../abstraction/\">abstracts</a>"))
        #expect(!serverless.contains("{{%"))
        // CRLF files read like the others.
        #expect(site.read("site/glossary/transport-layer-security/index.html")?.contains("\r") == false)
    }

    @Test func theProjectsOwnSiteBuildsWithoutWarnings() throws {
        let output = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("loysite-own-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = SiteBuilder.build(BuildOptions(root: Self.packageRoot, output: output, strict: true))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.wrote)
        let terms = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("glossary").path).filter { !$0.hasSuffix(".html") }
        #expect(terms.count >= 40)
    }

    @Test func builtInThemeMatchesTemplatesFolder() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.packageRoot.appendingPathComponent("scripts/embed-theme.py").path, "--check"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "templates/ changed without `python3 scripts/embed-theme.py`")
    }
}
