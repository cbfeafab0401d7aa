import Foundation
import LoysiteTesting
import Testing

/// A site's own `templates/` folder through the real binary: its mistakes are reported
/// like any other, all at once at `templates/<name>.mustache:LINE:COLUMN`, and what it
/// writes is rendered by the Mustache rules.
@Suite struct TemplateOverrideTests {
    let content: [String: String] = [
        "content/glossary/net-promoter-score.md": TemporarySite.term("<b>Net</b> & \"Promoter\" 'Score'", body: "A definition."),
    ]

    @Test func everyTemplateMistakeIsAnErrorAtItsPlaceAndNothingIsWritten() throws {
        var files = content
        files["templates/term.mustache"] = "{{<base}}\n{{$content}}\n<h1>{{page.title}}</h1>\n  {{#term.related}}<a>{{title}}</a>{{/term.relatd}}\n{{/content}}\n{{/base}}\n"
        files["templates/header.mustache"] = "<header>\n  {{site.title\n</header>\n"
        files["templates/footer.mustache"] = "<footer>{{=<%%>=}}</footer>\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        try site.write("site/metrics.json", "{}")
        try site.write("site/index.html", "previous build")
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.errorLines.dropLast() == [
            "templates/footer.mustache:1:9: error: '<%%>' does not set delimiters: write two delimiters separated by a space, as in {{=<% %>=}}",
            "templates/header.mustache:2:3: error: this tag is never closed: no '}}' follows it",
            "templates/term.mustache:4:36: error: {{/term.relatd}} closes nothing: no section, parent or block named 'term.relatd' is open here",
            "templates/term.mustache:5:1: error: {{/content}} does not match {{#term.related}} opened on line 4; close that one first",
        ], "\(run.stderr)")
        #expect(run.errorLines.last?.hasPrefix("build failed: 4 errors") == true, "\(run.stderr)")
        #expect(site.read("site/index.html") == "previous build")
    }

    @Test func checkReportsTheSameMistakes() throws {
        var files = content
        files["templates/page.mustache"] = "{{<base}}{{$content}}{{content}}{{/base}}\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["check", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.errorLines.first == "templates/page.mustache:1:33: error: {{/base}} does not match {{$content}} opened on line 1; close that one first", "\(run.stderr)")
    }

    @Test func aTemplateThatIncludesItselfWithoutEndIsAnError() throws {
        var files = content
        files["templates/header.mustache"] = "<header>\n{{> nav}}\n</header>\n"
        files["templates/nav.mustache"] = "<nav>{{#site.nav}}<a>{{title}}</a>{{/site.nav}}{{> header}}</nav>\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.errorLines.dropLast() == [
            "templates/header.mustache:2:1: error: {{>nav}} leads back to this template with no section around the tags on the way: rendering it would never end",
            "templates/nav.mustache:1:48: error: {{>header}} leads back to this template with no section around the tags on the way: rendering it would never end",
        ], "\(run.stderr)")
        // Inside a section it is a recursive partial, which is fine.
        try site.write("templates/nav.mustache", "<nav>{{#page.parent}}{{> header}}{{/page.parent}}</nav>\n")
        #expect(try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"]).status == 0)
    }

    @Test func aPartialNamingNoTemplateIsAWarning() throws {
        var files = content
        files["templates/footer.mustache"] = "<footer>\n{{#site.nav}}{{> lnk}}{{/site.nav}}\n</footer>\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"])
        #expect(run.status == 0)
        #expect(run.errorLines == ["templates/footer.mustache:2:14: warning: {{>lnk}} names no template, so it renders as nothing (templates: 404, base, footer, glossary, header, home, page, report, reports, term)"], "\(run.stderr)")
        #expect(try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet", "--strict"]).status == 1)
    }

    @Test func overridesRenderByTheMustacheRules() throws {
        var files = content
        files["templates/term.mustache"] = """
            {{<base}}
            {{$content}}
                <article>
                  {{> term-body}}
                </article>
            {{/content}}
            {{/base}}

            """
        files["templates/term-body.mustache"] = "<h1>{{page.title}}</h1>\n{{=<% %>=}}\n<p data-raw=\"<%& page.title %>\">{{not a tag}}</p>\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try #require(site.read("site/glossary/net-promoter-score/index.html"))
        // The block loses the indentation it was written with (base puts it at column 0),
        // the standalone partial's lines are indented by the spaces before its tag, the
        // title is escaped except where the template asks for it verbatim.
        let title = "&lt;b&gt;Net&lt;/b&gt; &amp; &quot;Promoter&quot; &#39;Score&#39;"
        #expect(page.contains("\n<main id=\"main\">\n<article>\n  <h1>\(title)</h1>\n  <p data-raw=\"<b>Net</b> & \"Promoter\" 'Score'\">{{not a tag}}</p>\n</article>\n\n</main>\n"), "\(page)")
    }
}
