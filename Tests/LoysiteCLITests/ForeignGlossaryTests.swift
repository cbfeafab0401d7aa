import Foundation
import LoysiteTesting
import Testing

/// Glossary folders written for Hugo, Jekyll, Zola and MDN (fixtures written here in
/// each generator's style), built by the real binary: nothing of their template syntax
/// is printed, every internal link and image of the output resolves, and what could
/// not be carried over is a warning at its line and column (SPEC §1 "Content written
/// for other generators").
@Suite struct ForeignGlossaryTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

    /// A Hugo glossary in the style of the Kubernetes one: TOML and YAML front matter,
    /// `glossary_tooltip`, `<!--more-->`, a page bundle with an image, URL aliases, a
    /// section `_index.md`, `ref` links and a shortcode loysite does not know.
    static let hugo: [String: String] = [
        "content/glossary/_index.md": "---\ntitle: Standardized Glossary\nlayout: glossary\n---\nTerms used across the {{< glossary_tooltip text=\"cluster\" term_id=\"cluster\" >}} docs.\n",
        "content/glossary/cluster.md": """
        +++
        title = "Cluster"
        id = "k8s-cluster"
        short_description = "A set of {{< glossary_tooltip text=\\"nodes\\" term_id=\\"node\\" >}} that run containerized applications."
        aka = ["K8s cluster"]
        aliases = ["/docs/concepts/cluster/"]
        tags = ["fundamental"]
        +++
        A cluster has at least one worker {{< glossary_tooltip text="node" term_id="node" >}}.
        <!--more-->
        The control plane manages the nodes. See [the node page]({{< ref "node" >}}).

        {{< note >}}
        Clusters can span **zones**.
        {{< /note >}}

        ```yaml
        note: "{{< glossary_tooltip term_id='node' >}}"
        ```

        """,
        "content/glossary/node/index.md": """
        ---
        title: Node
        aliases: [/docs/concepts/node/, worker]
        short_description: >
          A worker machine in a cluster.
        ---
        A node runs pods in a {{< glossary_tooltip term_id="k8s-cluster" >}}.

        ![Node diagram](node-diagram.svg)

        {{< figure src="node-photo.png" alt="A rack of nodes" >}}

        Back to the [cluster](../cluster/).

        """,
        "content/glossary/node/node-diagram.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n",
    ]

    /// The output's HTML files, and the internal `href`/`src` values of each that name no
    /// file of the output.
    static func brokenLinks(in site: TemporarySite) -> [String] {
        var broken: [String] = []
        for file in site.files(under: "site") where file.hasSuffix(".html") {
            let html = site.read(file) ?? ""
            let folder = (file as NSString).deletingLastPathComponent
            for attribute in ["href=\"", "src=\""] {
                var rest = html[...]
                while let start = rest.range(of: " " + attribute) {
                    let value = rest[start.upperBound...].prefix { $0 != "\"" }
                    rest = rest[start.upperBound...]
                    var target = String(value)
                    if target.hasPrefix("#") || target.contains(":") || target.hasPrefix("//") || target.isEmpty { continue }
                    if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
                    let path = target.hasPrefix("/") ? "site" + target : folder + "/" + target
                    let resolved = URL(fileURLWithPath: site.root.appendingPathComponent(path).path).standardizedFileURL.path
                    var isFolder: ObjCBool = false
                    let exists = FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder)
                    if !exists || (isFolder.boolValue && !FileManager.default.fileExists(atPath: resolved + "/index.html")) {
                        broken.append("\(file): \(value)")
                    }
                }
            }
        }
        return broken
    }

    /// Text of other generators' syntax left in any HTML page of the output.
    static func literalSyntax(in site: TemporarySite) -> [String] {
        site.files(under: "site").filter { $0.hasSuffix(".html") }.flatMap { file -> [String] in
            // Code blocks keep what they show, as written: only the rest must be clean.
            let html = (site.read(file) ?? "").replacingOccurrences(of: #"<pre><code[^>]*>[\s\S]*?</code></pre>"#, with: "", options: .regularExpression)
            return ["{{", "{%", "%}", "}}", "{:", "&lt;!--more", "loysite-ref:"].filter { html.contains($0) }.map { "\(file): \($0)" }
        }
    }

    @Test func aHugoGlossaryBuildsWithNothingBroken() throws {
        let site = try TemporarySite(Self.hugo)
        defer { site.remove() }
        try site.write("content/glossary/node/node-photo.png", data: Self.png)
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines == [
            "content/glossary/cluster.md:13:1: warning: Hugo shortcode 'note' is not supported by loysite; it was left out of the page",
        ])
        #expect(Self.literalSyntax(in: site).isEmpty, "\(Self.literalSyntax(in: site))")
        #expect(Self.brokenLinks(in: site).isEmpty, "\(Self.brokenLinks(in: site))")

        // `node/index.md` is the term `node`, its files are beside its page.
        let node = try #require(site.read("site/glossary/node/index.html"))
        #expect(node.contains("<img src=\"node-diagram.svg\" alt=\"Node diagram\" />"))
        #expect(node.contains("<img src=\"node-photo.png\" alt=\"A rack of nodes\" />"))
        #expect(site.read("site/glossary/node/node-diagram.svg")?.hasPrefix("<svg") == true)
        #expect(node.contains("<a href=\"../cluster/\">cluster</a>"))
        // `term_id` names a term by its `id:`; without `text` the link shows its title.
        #expect(node.contains("A node runs pods in a <a href=\"../cluster/\">Cluster</a>."))
        // Old URLs are redirects, never names.
        #expect(!node.contains("/docs/concepts/node/"))
        #expect(node.contains("Also known as <strong>worker</strong>"))
        let redirect = try #require(site.read("site/docs/concepts/node/index.html"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"/glossary/node/\">"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../../glossary/node/\">"))
        #expect(site.exists("site/docs/concepts/cluster/index.html"))
        #expect(site.read("site/search-index.json")?.contains("/docs/concepts") == false)

        // Shortcodes became links; the pair's inner Markdown stayed; code stayed as written.
        let cluster = try #require(site.read("site/glossary/cluster/index.html"))
        #expect(cluster.contains("A cluster has at least one worker <a href=\"../node/\">node</a>."))
        #expect(cluster.contains("See <a href=\"../node/\">the node page</a>."))
        #expect(cluster.contains("Clusters can span <strong>zones</strong>."))
        #expect(cluster.contains("note: &quot;{{&lt; glossary_tooltip term_id='node' &gt;}}&quot;"))
        #expect(cluster.contains("Also known as <strong>K8s cluster</strong>"))

        // The A–Z page: summaries from short_description, the section's own text.
        let index = try #require(site.read("site/glossary/index.html"))
        #expect(index.contains("<p>A set of nodes that run containerized applications.</p>"))
        #expect(index.contains("<p>A worker machine in a cluster.</p>"))
        #expect(index.contains("<div class=\"prose glossary-intro\"><p>Terms used across the <a href=\"cluster/\">cluster</a> docs.</p>"))
        #expect(!site.exists("site/glossary/index/index.html"))
        #expect(!site.exists("site/glossary/_index/index.html"))
    }

    @Test func theMoreDividerEndsTheSummary() throws {
        let site = try TemporarySite([
            "content/glossary/pod.md": "+++\ntitle = \"Pod\"\n+++\nThe smallest unit.\n\nIt holds containers.\n<!--more-->\nDetails follow.\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        let index = try #require(site.read("site/glossary/index.html"))
        #expect(index.contains("<p>The smallest unit. It holds containers.</p>"))
        #expect(site.read("site/glossary/pod/index.html")?.contains("<p>Details follow.</p>") == true)
    }

    /// A Jekyll glossary: Liquid tags and output, kramdown attribute lists, links to
    /// `.html` output names, `{% link %}`, `{{ site.baseurl }}`, `redirect_from`, images
    /// beside the term files.
    @Test func aJekyllGlossaryBuildsWithNothingBroken() throws {
        let site = try TemporarySite([
            "content/glossary/event.md": """
            ---
            layout: term
            title: Event
            description: Something that happened to a customer.
            redirect_from:
              - /glossary/events.html
            ---
            An event, like a [purchase](purchase.html) ([again](/glossary/purchase.html)).
            {: .glossary}

            {% include callout.html content="Events are immutable." %}

            ![Timeline](images/timeline.png)

            """,
            "content/glossary/purchase.md": """
            ---
            title: Purchase
            ---
            A purchase is an [event]({{ site.baseurl }}/glossary/event/) and a [[events|recorded event]].
            See {% link _glossary/event.md %} and [the event]({% link _glossary/event.md %}).
            {% raw %}Raw {{ braces }} stay.{% endraw %} Shown by {{ page.author }}.

            """,
        ])
        defer { site.remove() }
        try site.write("content/glossary/images/timeline.png", data: Self.png)
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines == [
            "content/glossary/event.md:9:1: warning: kramdown attribute list '{: .glossary}' is not supported by loysite; it was left out of the page",
            "content/glossary/event.md:11:1: warning: Liquid tag '{% include %}' is not supported by loysite; it was left out of the page",
            "content/glossary/purchase.md:6:54: warning: Liquid output '{{ page.author }}' is not supported by loysite; it was left out of the page",
        ])
        #expect(Self.brokenLinks(in: site).isEmpty, "\(Self.brokenLinks(in: site))")
        let event = try #require(site.read("site/glossary/event/index.html"))
        #expect(event.contains("An event, like a <a href=\"../purchase/\">purchase</a> (<a href=\"../purchase/\">again</a>)."))
        #expect(event.contains("<img src=\"../images/timeline.png\" alt=\"Timeline\" />"))
        #expect(site.exists("site/glossary/images/timeline.png"))
        #expect(site.exists("site/glossary/events/index.html"))
        // The exact file `redirect_from` named keeps working too, sending on from its folder.
        let oldFile = try #require(site.read("site/glossary/events.html"))
        #expect(oldFile.contains("<meta http-equiv=\"refresh\" content=\"0; url=event/\">"))
        let purchase = try #require(site.read("site/glossary/purchase/index.html"))
        #expect(purchase.contains("<a href=\"../event/\">event</a>"))
        #expect(purchase.contains("<a href=\"../event/\" title=\"Event\">recorded event</a>"))
        #expect(purchase.contains("<a href=\"../event/\">the event</a>"))
        #expect(purchase.contains("See <a href=\"../event/\">Event</a> and"))
        // `{% raw %}` shows what it holds, as Jekyll does.
        #expect(purchase.contains("Raw {{ braces }} stay."))
        #expect(site.read("site/glossary/index.html")?.contains("<p>Something that happened to a customer.</p>") == true)
    }

    /// MDN glossary pages: `{{Glossary("…")}}` macros become links, others are warned about.
    @Test func mdnMacrosBecomeLinksOrWarnings() throws {
        let site = try TemporarySite([
            "content/glossary/http.md": "---\ntitle: HTTP\nslug: http\n---\n{{GlossarySidebar}}\n\nThe protocol of the web, carried over {{Glossary(\"TCP\", \"a TCP connection\")}}; see {{HTTPHeader(\"Accept\")}}.\n",
            "content/glossary/tcp.md": "---\ntitle: TCP\n---\nA transport protocol under {{Glossary(\"HTTP\")}}.\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines == [
            "content/glossary/http.md:5:1: warning: MDN macro 'GlossarySidebar' is not supported by loysite; it was left out of the page",
            "content/glossary/http.md:7:84: warning: MDN macro 'HTTPHeader' is not supported by loysite; only its first argument 'Accept' was kept, as code",
        ])
        let http = try #require(site.read("site/glossary/http/index.html"))
        #expect(http.contains("carried over <a href=\"../tcp/\">a TCP connection</a>; see <code>Accept</code>."))
        #expect(site.read("site/glossary/tcp/index.html")?.contains("under <a href=\"../http/\">HTTP</a>.") == true)
        #expect(Self.literalSyntax(in: site).isEmpty, "\(Self.literalSyntax(in: site))")
    }

    /// Jekyll's `permalink` and Hugo's `url` set where the old site published a page;
    /// loysite publishes it at its own URL and redirects from the old one, and says so
    /// where the old URL is a pattern or another site's address.
    @Test func permalinksAndURLsBecomeRedirects() throws {
        let site = try TemporarySite([
            "content/glossary/event.md": "---\ntitle: Event\npermalink: /glossary/events/\n---\nSomething that happened.\n",
            "content/glossary/purchase.md": "---\ntitle: Purchase\npermalink: /glossary/purchase.html\n---\nA bought thing, an [[Event]].\n",
            "content/glossary/own.md": "---\ntitle: Own\npermalink: glossary/own\n---\nAt its own URL already.\n",
            "content/glossary/points.md": "+++\ntitle = \"Points\"\nurl = \"/loyalty/points/\"\n+++\nUnits a member earns.\n",
            "content/glossary/tier.md": "---\ntitle: Tier\npermalink: /:categories/:title/\n---\nA level.\n",
            "content/glossary/badge.md": "---\ntitle: Badge\nurl: \"https://example.com/badge/\"\n---\nA mark.\n",
            "content/glossary/style.md": "---\ntitle: Style\npermalink: pretty\nurl: [not, a, url]\n---\nA look.\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines == [
            "content/glossary/badge.md:3:6: warning: 'https://example.com/badge/' is an address on another site: loysite publishes this page at /glossary/badge/ and writes no redirect for it",
            "content/glossary/style.md:3:12: warning: 'pretty' is a pattern, not a URL: loysite publishes this page at /glossary/style/ and writes no redirect for it",
            "content/glossary/tier.md:3:12: warning: '/:categories/:title/' is a pattern, not a URL: loysite publishes this page at /glossary/tier/ and writes no redirect for it",
        ])
        #expect(Self.brokenLinks(in: site).isEmpty, "\(Self.brokenLinks(in: site))")
        #expect(site.read("site/glossary/events/index.html")?.contains("<meta http-equiv=\"refresh\" content=\"0; url=../event/\">") == true)
        #expect(site.read("site/glossary/purchase.html")?.contains("<meta http-equiv=\"refresh\" content=\"0; url=purchase/\">") == true)
        #expect(site.read("site/loyalty/points/index.html")?.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../glossary/points/\">") == true)
        #expect(site.exists("site/glossary/own/index.html"))
        // Nothing else was written for them: no redirect at a page's own URL or at a pattern.
        let written = site.files(under: "site").filter { $0.hasSuffix(".html") && !$0.hasPrefix("glossary/") && !$0.hasPrefix("reports/") }
        #expect(written == ["404.html", "index.html", "loyalty/points/index.html"])
    }

    /// A Zola section: `_index.md` with TOML front matter, terms with `aliases`.
    @Test func aZolaSectionBuilds() throws {
        let site = try TemporarySite([
            "content/glossary/_index.md": "+++\ntitle = \"Glossary\"\nsort_by = \"title\"\n+++\nLoyalty words.\n",
            "content/glossary/points.md": "+++\ntitle = \"Points\"\ndescription = \"Units a member earns.\"\naliases = [\"/old/points/\"]\n[extra]\nicon = \"star\"\n+++\nPoints buy rewards.\n\n{{ youtube(id=\"abc\") }}\n\n{% note(kind=\"tip\") %}Keep *them*.{% end %}\n\n{{< highlight toml >}}\npoints = 3\n{{< /highlight >}}\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines == [
            "content/glossary/points.md:10:1: warning: Zola shortcode 'youtube' is not supported by loysite; it was left out of the page",
            "content/glossary/points.md:12:1: warning: Zola shortcode 'note' is not supported by loysite; it was left out of the page",
        ])
        let points = try #require(site.read("site/glossary/points/index.html"))
        #expect(points.contains("<p>Keep <em>them</em>.</p>"))
        // Hugo's highlight shortcode on lines of its own is a fenced code block.
        #expect(points.contains("<pre><code class=\"language-toml\">points = 3\n</code></pre>"))
        #expect(Self.literalSyntax(in: site).isEmpty, "\(Self.literalSyntax(in: site))")
        #expect(site.read("site/glossary/index.html")?.contains("<div class=\"prose glossary-intro\"><p>Loyalty words.</p>") == true)
        #expect(site.read("site/old/points/index.html")?.contains("url=../../glossary/points/") == true)
        #expect(Self.brokenLinks(in: site).isEmpty, "\(Self.brokenLinks(in: site))")
    }

    /// An MkDocs glossary: links to `.md` files, an admonition (whose indented text
    /// CommonMark would show as code), an abbreviation and a snippet include.
    @Test func anMkDocsGlossaryBuilds() throws {
        let site = try TemporarySite([
            "content/glossary/api.md": "---\ntitle: API\n---\nAn interface. See [the SDK](sdk.md).\n\n!!! note \"Remember\"\n    An API has a *contract*.\n\nBack.\n\n*[SDK]: Software Development Kit\n--8<-- \"includes/abbreviations.md\"\n",
            "content/glossary/sdk.md": TemporarySite.term("SDK"),
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines == [
            "content/glossary/api.md:6:1: warning: MkDocs admonition '!!! note' is not supported by loysite; its title was left out and its text kept as plain paragraphs",
            "content/glossary/api.md:11:1: warning: Markdown abbreviation '*[SDK]' is not supported by loysite; it was left out of the page",
            "content/glossary/api.md:12:1: warning: MkDocs snippet '--8<-- \"includes/abbreviations.md\"' is not supported by loysite; it was left out of the page",
        ])
        let api = try #require(site.read("site/glossary/api/index.html"))
        #expect(api.contains("See <a href=\"../sdk/\">the SDK</a>."))
        #expect(api.contains("<p>An API has a <em>contract</em>.</p>"))
        #expect(!api.contains("<pre>"))
        #expect(!api.contains("!!!") && !api.contains("--8&lt;--") && !api.contains("*[SDK]"))
    }

    @Test func mistakesInForeignFrontMatterAreErrorsAtTheirPlace() throws {
        let site = try TemporarySite([
            "content/glossary/a.md": "+++\ntitle = \"A\"\ncategory = [\"x\",\n+++\nBody.\n",
            "content/glossary/b.md": "{\n  \"title\": \"B\"\n  \"aliases\": [\"x\"]\n}\nBody.\n",
            "content/glossary/c.md": "---\ntitle: C\naliases: [/glossary/d/]\n---\nBody.\n",
            "content/glossary/d.md": TemporarySite.term("D"),
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["check", "--root", site.root.path])
        #expect(run.status == 1)
        let lines = run.errorLines
        #expect(lines.contains("content/glossary/a.md:3:18: error: invalid TOML: Error while parsing array: encountered end-of-file"), "\(lines)")
        #expect(lines.contains("content/glossary/b.md:3:3: error: invalid JSON: Invalid value."), "\(lines)")
        #expect(lines.contains("content/glossary/c.md:3:11: error: alias '/glossary/d/' would take the URL of content/glossary/d.md; a redirect cannot replace a page"), "\(lines)")
    }

    @Test func smartPunctuationCanBeTurnedOff() throws {
        let files = ["content/glossary/flag.md": TemporarySite.term("Flag", body: "Run it with \"--once\" -- or not.")]
        let site = try TemporarySite(files)
        defer { site.remove() }
        _ = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(site.read("site/glossary/flag/index.html")?.contains("Run it with “–once” – or not.") == true)
        try site.write("content/site.yml", "smart: false\n")
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("site/glossary/flag/index.html")?.contains("Run it with &quot;--once&quot; -- or not.") == true)
    }

    @Test func aBrokenLinkIsReportedAtItsSourceAndFailsWithStrict() throws {
        let site = try TemporarySite(["content/glossary/a.md": TemporarySite.term("A", body: "See ![chart](chart.png) and [b](b.html).")])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0)
        #expect(run.errorLines == [
            "content/glossary/a.md:4:5: warning: image 'chart.png' is not a file of the site",
            "content/glossary/a.md:4:29: warning: link to 'b.html' matches no page or file of the site",
        ])
        let strict = try LoysiteBinary.run(["build", "--strict", "--root", site.root.path, "--output", site.root.appendingPathComponent("strict").path])
        #expect(strict.status == 1)
        #expect(!site.exists("strict"))
    }

    /// The glossary's own text is shown on the A–Z page: its broken link is said once, at
    /// its source, not again as a link of the theme's.
    @Test func aBrokenLinkInTheGlossaryTextIsReportedOnce() throws {
        let site = try TemporarySite([
            "content/glossary/_index.md": "---\ntitle: Glossary\n---\nSee [the old list](/nowhere/) and [points](points.html).\n",
            "content/glossary/points.md": TemporarySite.term("Points", body: "Units."),
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines == ["content/glossary/_index.md:4:5: warning: link to '/nowhere/' matches no page of the site"])
        #expect(site.read("site/glossary/index.html")?.contains("<a href=\"points/\">points</a>") == true)
    }

    @Test func newRefusesAURLTheBuildReserves() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let run = try LoysiteBinary.run(["new", "page", "Glossary", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.errorLines == ["error: the URL /glossary/ of this page is used by loysite itself; choose another slug"])
        #expect(!site.exists("content/pages/glossary.md"))
    }
}
