import Foundation
import LoysiteBuild
import LoysiteTesting
import Testing

/// Pages are checked for broken template links with a stand-in for their body, then the
/// body is put in: whatever a template does with `content`, the page is what rendering
/// it with its body gives, and a broken link of the template is still found.
@Suite struct BodySpliceTests {
    static let files: [String: String] = [
        "content/site.yml": "title: Lexicon\n",
        "content/glossary/nps.md": TemporarySite.term("NPS", "", body: "Promoters & detractors, see [[Churn]]."),
        "content/glossary/churn.md": TemporarySite.term("Churn", "", body: ""),
    ]

    func page(_ template: String) throws -> (html: String, warnings: [String]) {
        var files = Self.files
        files["templates/term.mustache"] = template
        let site = try TemporarySite(files)
        defer { site.remove() }
        let result = SiteBuilder.build(BuildOptions(root: site.root))
        let html = try String(contentsOf: site.root.appendingPathComponent("site/glossary/nps/index.html"), encoding: .utf8)
        return (html, result.diagnostics.all.filter { $0.severity == .warning }.map(\.message))
    }

    @Test func theBodyIsWhereverTheTemplatePutsIt() throws {
        let twice = try page("<main>{{{content}}}</main><aside>{{{content}}}</aside>")
        let body = "<p>Promoters &amp; detractors, see <a href=\"../churn/\">Churn</a>.</p>\n"
        #expect(twice.html.hasPrefix("<main>" + body + "</main><aside>" + body + "</aside>"), "\(twice.html)")
        // Escaped, the stand-in is not found whole: the page is rendered with its body.
        let escaped = try page("<main>{{content}}</main>")
        #expect(escaped.html.hasPrefix("<main>&lt;p&gt;Promoters &amp;amp; detractors"), "\(escaped.html)")
        #expect(!escaped.html.contains("loysite-body"))
        let dropped = try page("<main>{{page.title}}</main>")
        #expect(dropped.html.hasPrefix("<main>NPS</main>"))
    }

    @Test func theTemplatesOwnBrokenLinksAreStillFound() throws {
        let broken = try page("<a href=\"../gone/\">x</a>{{{content}}}")
        #expect(broken.warnings.contains { $0.contains("'../gone/'") }, "\(broken.warnings)")
        #expect(!broken.warnings.contains { $0.contains("../churn/") })
    }
}
