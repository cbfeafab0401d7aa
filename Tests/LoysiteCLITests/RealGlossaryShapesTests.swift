import Foundation
import LoysiteTesting
import Testing

/// Shapes found in real glossaries (MDN's, Kubernetes', statecharts.dev's) that the
/// build once got wrong, each reproduced by a small fixture written here and built by
/// the real binary.
@Suite struct RealGlossaryShapesTests {
    /// Every MDN glossary page has `slug: Glossary/<Name>` (its MDN path, not a slug);
    /// each was an "invalid slug" error, so MDN's glossary did not build at all.
    @Test func mdnSlugPathsNameTheirTerms() throws {
        let site = try TemporarySite([
            "content/glossary/accessibility_tree/index.md": "---\ntitle: Accessibility tree\nslug: Glossary/Accessibility_tree\npage-type: glossary-definition\n---\nA tree of {{Glossary(\"HTTP_2\", \"objects\")}}, see {{Glossary(\"Block/CSS\")}}.\n",
            "content/glossary/block/css/index.md": "---\ntitle: Block (CSS)\nslug: Glossary/Block/CSS\n---\nA box. Not the [tree](/en-US/docs/Glossary/Accessibility_tree), nor [HTTP/2](/en-US/docs/Glossary/HTTP_2).\n",
            "content/glossary/css/index.md": "---\ntitle: CSS\nslug: Glossary/CSS\n---\nStyle sheets, in a [block](/en-US/docs/Glossary/Block/CSS).\n",
            "content/glossary/http_2/index.md": "---\ntitle: HTTP/2\nslug: Glossary/HTTP_2\n---\nA protocol.\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines.isEmpty, "\(run.errorLines)")
        // `block/css/index.md` and `css/index.md` would share the slug `css` by folder name.
        #expect(site.exists("site/glossary/block-css/index.html"))
        #expect(site.exists("site/glossary/css/index.html"))
        let tree = try #require(site.read("site/glossary/accessibility-tree/index.html"))
        // `Glossary("HTTP_2")` names the page whose MDN slug is Glossary/HTTP_2; without
        // its second argument the link shows the first, as MDN does.
        #expect(tree.contains("A tree of <a href=\"../http-2/\">objects</a>, see <a href=\"../block-css/\">Block/CSS</a>."))
        let block = try #require(site.read("site/glossary/block-css/index.html"))
        #expect(block.contains("Not the <a href=\"../accessibility-tree/\">tree</a>, nor <a href=\"../http-2/\">HTTP/2</a>."), "\(block)")
        #expect(site.read("site/glossary/css/index.html")?.contains("in a <a href=\"../block-css/\">block</a>.") == true)
    }

    /// A slug with a `/` that is not an MDN glossary path is still an error.
    @Test func aSlugWithASlashOutsideMDNsGlossaryIsStillAnError() throws {
        let site = try TemporarySite(["content/glossary/a.md": "---\ntitle: A\nslug: Web/A\n---\nBody.\n"])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["check", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.errorLines.first == "content/glossary/a.md:3:7: error: invalid slug 'Web/A': a slug is lower-case letters, digits and '-' only; did you mean 'web-a'?")
    }

    /// MDN writes macros with spaces inside the braces too; they were taken for Zola
    /// shortcodes (`{{ glossary("x") }}` lost its link, with a warning naming Zola).
    @Test func mdnMacrosWithSpacesInsideTheBracesAreMDNs() throws {
        let site = try TemporarySite([
            "content/glossary/grid.md": "---\ntitle: Grid\n---\nAs {{ glossary(\"replaced elements\") }} do.\n\n{{ EmbedLiveSample(\"example\", \"100%\") }}\n\n{{ youtube(id=\"abc\") }}\n\nUse {{domxref(\"Window/fetch\", \"fetch()\")}}.\n",
            "content/glossary/replaced-elements.md": TemporarySite.term("Replaced elements"),
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines == [
            "content/glossary/grid.md:6:1: warning: MDN macro 'EmbedLiveSample' is not supported by loysite; only its first argument 'example' was kept, as code",
            "content/glossary/grid.md:8:1: warning: Zola shortcode 'youtube' is not supported by loysite; it was left out of the page",
            "content/glossary/grid.md:10:5: warning: MDN macro 'domxref' is not supported by loysite; only its text 'fetch()' was kept, as code",
        ])
        // An xref macro shows its second argument, the text MDN shows, not the API path.
        #expect(site.read("site/glossary/grid/index.html")?.contains("Use <code>fetch()</code>.") == true)
        #expect(site.read("site/glossary/grid/index.html")?.contains("As <a href=\"../replaced-elements/\">replaced elements</a> do.") == true)
    }

    /// statecharts.dev's glossary (Jekyll) writes `aka` as entries with a title, a url
    /// and a one-liner; each was an error ("this item is a mapping").
    @Test func akaEntriesWithATitleAreNames() throws {
        let site = try TemporarySite([
            "content/glossary/compound-state.md": """
            ---
            title: Compound state
            oneliner: A state that has one or more substates
            aka:
              - title: Composite state
                url: compound-state.html
                oneliner: In UML, the term composite state is used for Compound State.
              - Or state
            ---
            A compound state holds [states](state.html){:.glossary}.

            """,
            "content/glossary/state.md": TemporarySite.term("State", body: "See [[composite state]]."),
            "content/glossary/bad.md": "---\ntitle: Bad\naka:\n  - url: bad.html\n---\nBody.\n",
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.errorLines.contains("content/glossary/bad.md:4:5: error: 'aka' entries that are mappings need a 'title' (the other name); this one has none"), "\(run.errorLines)")
        #expect(!run.errorLines.contains { $0.contains("compound-state.md") && $0.contains("error") }, "\(run.errorLines)")

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/glossary/bad.md"))
        let fixed = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let page = try #require(site.read("site/glossary/compound-state/index.html"))
        #expect(page.contains("Also known as <strong>Composite state, Or state</strong>"), "\(page)")
        #expect(site.read("site/glossary/state/index.html")?.contains("<a href=\"../compound-state/\" title=\"Compound state\">composite state</a>") == true)
        #expect(site.read("site/search-index.json")?.contains("\"aliases\":[\"Composite state\",\"Or state\"]") == true)
    }

    /// Kubernetes' `short_description` holds shortcodes; the A–Z page carried them over
    /// but the term's own page printed `{{< glossary_tooltip … >}}` in its lede.
    @Test func theTermPagesLedeShowsTheSummaryAsCarriedOver() throws {
        let site = try TemporarySite([
            "content/glossary/pdb.md": "---\ntitle: Pod Disruption Budget\nshort_description: >\n An object that limits the number of {{< glossary_tooltip text=\"Pods\" term_id=\"pod\" >}} down at once.\n---\nBody.\n",
            "content/glossary/pod.md": TemporarySite.term("Pod"),
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try #require(site.read("site/glossary/pdb/index.html"))
        #expect(page.contains("<p class=\"lede\">An object that limits the number of Pods down at once.</p>"), "\(page)")
        #expect(!page.contains("glossary_tooltip"))
    }

    /// Jekyll's `.markdown` terms were dropped without a word, and a Docusaurus `.mdx`
    /// term was published as it was written (its source, imports and all).
    @Test func markdownUnderAnotherExtensionIsAWarningAndNeverPublished() throws {
        let site = try TemporarySite([
            "content/glossary/points.markdown": TemporarySite.term("Points"),
            "content/glossary/tiers/badge.mdx": "---\ntitle: Badge\n---\nimport Term from '@site/src/Term';\n\nA <Term id=\"tier\">tier</Term> badge.\n",
            "content/glossary/tier.md": TemporarySite.term("Tier"),
        ])
        defer { site.remove() }
        let run = try LoysiteBinary.run(["build", "--root", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.errorLines == [
            "content/glossary/points.markdown:1:1: warning: '.markdown' file is not read as a term: loysite reads terms from '.md' files only; rename it to 'points.md'; it was left out of the site",
            "content/glossary/tiers/badge.mdx:1:1: warning: '.mdx' file is not read as a term: loysite reads terms from '.md' files only; rename it to 'badge.md' (MDX: its imports and components would not carry over either); it was left out of the site",
        ])
        #expect(!site.exists("site/glossary/tiers/badge.mdx"))
        #expect(!site.files(under: "site").contains { $0.hasSuffix(".markdown") || $0.hasSuffix(".mdx") })
        #expect(site.exists("site/glossary/tier/index.html"))
        let strict = try LoysiteBinary.run(["build", "--strict", "--root", site.root.path, "--output", site.root.appendingPathComponent("strict").path])
        #expect(strict.status == 1)
    }
}
