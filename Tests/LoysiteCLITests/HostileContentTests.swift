import Foundation
import LoysiteTesting
import Testing

/// Content written to break out of its context — `<script>`, quotes, `</text>`, `]]>`,
/// `&`, control characters — in every field that reaches a page, an attribute, JSON-LD,
/// an SVG chart, the sitemap or the feed. In safe mode no page may hold executable
/// markup the content did not ask for in unsafe mode, and every output stays valid.
@Suite struct HostileContentTests {
    static let evil = "<script>alert(1)</script> \"q\" 'a' </text> ]]> & </script><img src=x onerror=alert(2)>"
    /// As a YAML double-quoted scalar, with control characters (BEL, ESC, DEL) escaped.
    static let evilYAML = "\"" + evil.replacingOccurrences(of: "\"", with: "\\\"") + " \\a\\e\\x7F\""

    static var files: [String: String] {
        let csvEvil = "\"" + evil.replacingOccurrences(of: "\"", with: "\"\"") + "\u{1}\u{7}\""
        return [
            "content/site.yml": "title: \(evilYAML)\ndescription: \(evilYAML)\nnav:\n  - {title: \(evilYAML), url: /glossary/}\n",
            "content/glossary/evil.md": """
            ---
            title: \(evilYAML)
            slug: evil
            aliases: [\(evilYAML)]
            summary: \(evilYAML)
            category: [\(evilYAML)]
            related: [plain]
            extra: \(evilYAML)
            ---
            Raw <script>alert(3)</script> and <iframe src="x"></iframe> and <b onclick="alert(4)">bold</b>.

            [a link](javascript:alert(5)) [another](JaVaScRiPt:alert(6)) ![img](javascript:alert(7))
            <a href="javascript:alert(8)">raw link</a>

            ```chart
            type: bar
            data: segments
            x: segment
            y: value
            title: \(evilYAML)
            ```
            """,
            "content/glossary/plain.md": TemporarySite.term("Plain", body: "Mentions [[evil]] by slug."),
            "content/reports/report.md": """
            ---
            title: \(evilYAML)
            date: 2026-03-01
            summary: \(evilYAML)
            ---
            ```chart
            type: donut
            data: segments
            x: segment
            y: value
            ```

            ```chart
            type: heatmap
            data: segments
            x: segment
            y: [value, other]
            ```

            ```metric
            data: segments
            value: value
            label: \(evilYAML)
            ```
            """,
            "content/data/segments.csv": "segment,value,other\n\(csvEvil),3,4\n\"a]]></text><foreignObject>\",5,6\n\"x\ny\",1,2\n",
        ]
    }

    @Test func safeModeOutputHoldsNoScriptAndStaysValid() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let output = site.root.appendingPathComponent("site")
        #expect(SiteValidator.scriptProblems(in: output) == [])
        let check = try SiteValidator.check(output)
        #expect(check.status == 0 && check.output.isEmpty, "\(check.output)")

        // The text itself survives, escaped, where it is shown.
        let term = try #require(site.read("site/glossary/evil/index.html"))
        #expect(term.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot;"))
        #expect(!term.contains("\u{7}") && !term.contains("\u{1B}"), "control characters are dropped")
        // JSON-LD holds the title exactly, as data.
        let jsonLD = try #require(ExecutableMarkup.jsonLDBodies(in: term).first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(jsonLD.utf8)) as? [String: Any])
        #expect((object["name"] as? String)?.hasPrefix(Self.evil) == true)
        // The search index and metrics are valid JSON holding the same text.
        let search = try #require(site.read("site/search-index.json"))
        #expect(search.contains("\\u003cscript\\u003e"))
    }

    @Test func unsafeModeKeepsWhatTheContentAskedFor() throws {
        var files = Self.files
        files["content/site.yml"] = "unsafe: true\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        #expect(try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"]).status == 0)
        let problems = SiteValidator.scriptProblems(in: site.root.appendingPathComponent("site"))
        // Only the term's own raw HTML and links, nothing from titles, data or the theme.
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.hasPrefix("glossary/evil/index.html:") }, "\(problems)")
    }

    @Test func theScannerFindsWhatBrowsersWouldRun() {
        let executable = [
            "<script>x()</script>", "<SCRIPT src=x></SCRIPT>", "<img src=x onerror=alert(1)>", "<a href=\"java\tscript:x\">",
            "<a href='&#106;avascript:x'>", "<a href=JAVASCRIPT&colon;x>", "<svg><foreignObject></foreignObject></svg>",
            "<iframe src=x>", "<object data=x>", "<embed src=x>", "<svg><a xlink:href=\"javascript:x\"></a></svg>",
            "<body onload=x>", "<a href=\"data:text/html,<script>\">", "<svg><set attributeName=\"href\" values=\"/a;javascript:x\"/></svg>",
            // Only the theme's own empty script tags from this site's assets/ pass.
            "<script src=\"../assets/search.js\">x()</script>", "<script src=\"//evil.example/assets/search.js\"></script>",
            "<script src=\"https://evil.example/assets/search.js\"></script>", "<script src=\"../assets/other.js\"></script>",
            "<script src=\"../search.js\"></script>",
        ]
        for html in executable { #expect(!ExecutableMarkup.findings(in: html).isEmpty, "\(html)") }
        let inert = [
            "&lt;script&gt;alert(1)&lt;/script&gt;", "<p>onerror=alert(1)</p>", "<a href=\"/javascript/\">", "<code>&lt;iframe&gt;</code>",
            "<script type=\"application/ld+json\">{\"a\": \"\\u003c/script\\u003e\"}</script>", "<a title=\"javascript: a language\" href=\"/js/\">",
            "<!-- <script> -->", "<text>a ]]&gt; b</text>", "<a href=\"u%7Bt;javascript:alert(1)\">relative</a>",
            "<script src=\"../../assets/search.js\" defer></script>", "<script src=\"/docs/assets/search.js\" defer></script>",
        ]
        for html in inert { #expect(ExecutableMarkup.findings(in: html).isEmpty, "\(html)") }
        #expect(ExecutableMarkup.jsonLDBodies(in: "<script type=\"application/ld+json\">{}</script><p>") == ["{}"])
    }
}
