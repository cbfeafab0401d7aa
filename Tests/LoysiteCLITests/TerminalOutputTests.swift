import Foundation
import LoysiteTesting
import Testing

/// What the binary prints to a terminal or a CI log stays one line per message and free
/// of control characters, whatever the file names and data hold (`TerminalText`).
@Suite struct TerminalOutputTests {
    /// No byte a terminal would act on: C0 controls other than the line feed, DEL, ESC.
    func expectNoControlCharacters(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        #expect(bad.isEmpty, "control characters \(bad.map { String($0.value, radix: 16) }) in:\n\(text)", sourceLocation: sourceLocation)
    }

    @Test func aFileNameWithALineBreakCannotForgeADiagnostic() throws {
        let name = "x\nfake.md:1:1: error: injected.md"
        let site = try TemporarySite([
            "content/glossary/ok.md": TemporarySite.term("Fine"),
            "content/glossary/\(name)": "---\ntitle: [unclosed\n---\nBody.\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 1)
        let lines = run.errorLines
        #expect(!lines.contains { $0.hasPrefix("fake.md") }, "\(run.stderr)")
        let diagnostic = try #require(lines.first { $0.contains("injected.md") }, "\(run.stderr)")
        #expect(diagnostic.hasPrefix("content/glossary/x\\nfake.md:1:1: error: injected.md:"), "\(diagnostic)")
        expectNoControlCharacters(run.stderr)
    }

    @Test func controlCharactersInMessagesAndPathsAreEscapedVisibly() throws {
        let site = try TemporarySite([
            "content/glossary/ok.md": TemporarySite.term("Fine", "related: [\"a\\e[2Jb\\rc\"]\n"),
            "content/glossary/bell\u{7}.md": "---\ntitle: [unclosed\n---\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["check", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/glossary/bell\\u{7}.md:"), "\(run.stderr)")
        #expect(run.stderr.contains("a\\u{1B}[2Jb\\rc"), "\(run.stderr)")
        expectNoControlCharacters(run.stderr)
    }

    @Test func metricsEscapesColumnNamesFromTheData() throws {
        let site = try TemporarySite([
            "content/data/trend.csv": "month,\u{1B}[31mred\u{1B}[0m\n2026-01,1\n2026-02,2\n",
            "content/data/trend.yml": "kind: series\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["metrics", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\\u{1B}[31mred\\u{1B}[0m"), "\(run.stdout)")
        expectNoControlCharacters(run.stdout)
        expectNoControlCharacters(run.stderr)
    }

    @Test func aLineBreakInAColumnNameStaysOnItsLine() throws {
        let site = try TemporarySite([
            "content/data/trend.csv": "month,\"a\nfake.csv:1:1: error: forged\"\n2026-01,1\n",
            "content/data/trend.yml": "kind: series\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["metrics", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("a\\nfake.csv:1:1: error: forged"), "\(run.stdout)")
        #expect(!run.stdout.split(separator: "\n").contains { $0.hasPrefix("fake.csv") })
    }

    @Test func aBadBaseURLIsAUsageError() throws {
        let site = try TemporarySite(["content/glossary/ok.md": TemporarySite.term("Fine")])
        defer { site.remove() }
        for bad in ["example.org", "ftp://example.org/", "https://", "not a url"] {
            let run = try LoysiteBinary.run(["build", "--root", site.root.path, "--base-url", bad])
            #expect(run.status == 64, "\(bad): \(run.stderr)")
            #expect(run.stderr.contains("--base-url must be an absolute http or https URL"), "\(run.stderr)")
            #expect(!site.exists("site"), "nothing is built")
        }
        let good = try LoysiteBinary.run(["build", "--root", site.root.path, "--base-url", "https://example.org/docs", "--quiet"])
        #expect(good.status == 0, "\(good.stderr)")
    }
}
