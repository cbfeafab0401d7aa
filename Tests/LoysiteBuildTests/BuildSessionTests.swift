import Foundation
import LoysiteBuild
import LoysiteTesting
import Testing

/// A rebuild in a session writes exactly what a full build of the same content writes,
/// whatever the edit, and leaves files it did not have to change alone.
@Suite struct BuildSessionTests {
    static let files: [String: String] = [
        "content/site.yml": "title: Lexicon\nbase_url: https://example.org/\n",
        "content/glossary/churn-rate.md": TemporarySite.term("Churn rate", "aliases: [Attrition]\nsummary: Customers lost.\nrelated: [retention-rate]\n", body: "The mirror of [[retention rate]]."),
        "content/glossary/retention-rate.md": TemporarySite.term("Retention rate", "category: Metrics\n", body: "Customers kept; see churn rate and the NPS."),
        "content/glossary/nps.md": TemporarySite.term("Net Promoter Score", "aliases: [NPS]\n", body: "Promoters minus detractors.\n\nMore on [[churn-rate|churn]]."),
        "content/glossary/loyalty.md": TemporarySite.term("Loyalty", "", body: "Why customers stay. The retention rate shows it."),
        "content/glossary/zeta.md": TemporarySite.term("Zeta", "", body: "Last in A–Z order."),
        "content/reports/q1.md": "---\ntitle: Q1\ndate: 2026-03-01\n---\nChurn rate fell. See [[Loyalty]].\n",
        "content/pages/about.md": "---\ntitle: About\n---\nAbout this site.\n",
        "content/index.md": "Welcome.\n\n```metric\ndata: nps\nvalue: nps\n```\n",
        "content/data/nps.csv": "date,score\n2026-01-02,10\n2026-01-03,3\n2026-02-01,9\n",
        "content/data/nps.yml": "kind: responses\n",
    ]

    /// Builds, applies `edit`, rebuilds in the same session, and compares the output with
    /// a fresh full build of the edited content. Returns the files the rebuild rewrote.
    @discardableResult
    func expectSameAsFullBuild(changing paths: [String], hinted: Bool = true, incrementally: Bool? = nil, installing extra: [String: String] = [:],
                               _ edit: (TemporarySite) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws -> Set<String> {
        let site = try TemporarySite(Self.files.merging(extra) { $1 })
        defer { site.remove() }
        let session = BuildSession(options: BuildOptions(root: site.root, output: site.root.appendingPathComponent("served")))
        let first = session.build()
        #expect(first.wrote, sourceLocation: sourceLocation)
        let before = snapshot(site, "served")
        try edit(site)
        let second = session.build(changed: hinted ? paths : nil)
        let fresh = SiteBuilder.build(BuildOptions(root: site.root, output: site.root.appendingPathComponent("fresh")))
        // A rebuild that updated the output in place says how many pages it rendered.
        if let incrementally, second.wrote { #expect((second.renderedPageCount != nil) == incrementally, sourceLocation: sourceLocation) }
        #expect(second.wrote == fresh.wrote, sourceLocation: sourceLocation)
        #expect(second.diagnostics.sorted == fresh.diagnostics.sorted, sourceLocation: sourceLocation)
        #expect(second.pageCount == fresh.pageCount && second.fileCount == fresh.fileCount, sourceLocation: sourceLocation)
        // A failed build writes nothing: the served site stays as it was.
        let served = snapshot(site, "served"), full = fresh.wrote ? snapshot(site, "fresh") : before
        #expect(served.keys.sorted() == full.keys.sorted(), sourceLocation: sourceLocation)
        for (path, data) in full where served[path] != data {
            Issue.record("\(path) differs from a full build", sourceLocation: sourceLocation)
        }
        return Set(served.keys.filter { before[$0] != served[$0] })
    }

    /// One session through several edits in turn, each rebuild compared with a fresh full
    /// build of the content as it is then: what a session keeps from one rebuild (kept
    /// A–Z entries, search-index parts, reads, renumbered pages) must be right for the next.
    func expectEachSameAsFullBuild(_ steps: [(paths: [String], edit: (TemporarySite) throws -> Void)],
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let session = BuildSession(options: BuildOptions(root: site.root, output: site.root.appendingPathComponent("served")))
        #expect(session.build().wrote, sourceLocation: sourceLocation)
        for (number, step) in steps.enumerated() {
            try step.edit(site)
            let rebuilt = session.build(changed: step.paths)
            try? FileManager.default.removeItem(at: site.root.appendingPathComponent("fresh"))
            let fresh = SiteBuilder.build(BuildOptions(root: site.root, output: site.root.appendingPathComponent("fresh")))
            #expect(rebuilt.wrote && fresh.wrote, "step \(number + 1)", sourceLocation: sourceLocation)
            #expect(rebuilt.renderedPageCount != nil, "step \(number + 1) was a rebuild, not a full build", sourceLocation: sourceLocation)
            #expect(rebuilt.diagnostics.sorted == fresh.diagnostics.sorted, "step \(number + 1)", sourceLocation: sourceLocation)
            let served = snapshot(site, "served"), full = snapshot(site, "fresh")
            #expect(served.keys.sorted() == full.keys.sorted(), "step \(number + 1)", sourceLocation: sourceLocation)
            for (path, data) in full where served[path] != data {
                Issue.record("step \(number + 1): \(path) differs from a full build", sourceLocation: sourceLocation)
            }
        }
    }

    func snapshot(_ site: TemporarySite, _ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in site.files(under: folder) {
            result[path] = FileManager.default.contents(atPath: site.root.appendingPathComponent(folder + "/" + path).path)
        }
        return result
    }

    @Test func editingABodyRewritesThatPageAndWhatShowsIt() throws {
        let changed = try expectSameAsFullBuild(changing: ["content/glossary/zeta.md"]) { site in
            try site.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "", body: "Now it mentions loyalty."))
        }
        #expect(changed.contains("glossary/zeta/index.html"))
        #expect(changed.contains("glossary/loyalty/index.html"), "a new backlink")
        #expect(!changed.contains("glossary/nps/index.html"))
        #expect(!changed.contains("about/index.html"))
    }

    @Test func bodyEditsWithAndWithoutHints() throws {
        for hinted in [true, false] {
            try expectSameAsFullBuild(changing: ["content/glossary/nps.md"], hinted: hinted) { site in
                try site.write("content/glossary/nps.md", TemporarySite.term("Net Promoter Score", "aliases: [NPS]\n", body: "A new first paragraph, so a new summary.\n\nNo links now."))
            }
        }
    }

    @Test func renamingATermRelinksTheOthers() throws {
        try expectSameAsFullBuild(changing: ["content/glossary/loyalty.md"]) { site in
            try site.write("content/glossary/loyalty.md", TemporarySite.term("Customer loyalty", "aliases: [Churn]\n", body: "Why customers stay."))
        }
    }

    @Test func changingAliasesSlugRelatedAndCategory() throws {
        try expectSameAsFullBuild(changing: ["content/glossary/retention-rate.md"]) { site in
            try site.write("content/glossary/retention-rate.md", TemporarySite.term("Retention rate", "aliases: [Kept customers]\ncategory: Retention\nrelated: [nps, Zeta]\n", body: "Customers kept."))
        }
        try expectSameAsFullBuild(changing: ["content/glossary/zeta.md"]) { site in
            try site.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "slug: omega\n", body: "Renamed in the URL."))
        }
        try expectSameAsFullBuild(changing: ["content/glossary/retention-rate.md"]) { site in
            try site.write("content/glossary/retention-rate.md", TemporarySite.term("Retention rate", "slug: kept\n"))
        }
        try expectSameAsFullBuild(changing: ["content/glossary/churn-rate.md"]) { site in
            try site.write("content/glossary/churn-rate.md", TemporarySite.term("Churn rate", "\n\naliases: [Attrition]\nsummary: Customers lost, again.\nrelated: [nps]\n", body: "The mirror of [[retention rate]]."))
        }
    }

    /// A term's front-matter `id:` is a name too: Kubernetes' `glossary_tooltip term_id=…`
    /// finds the term by it, so editing, adding or removing one relinks the pages that use it.
    @Test func editingAddingAndRemovingATermsID() throws {
        let report = "---\ntitle: Q1\ndate: 2026-03-01\n---\nCustomers {{< glossary_tooltip text=\"stay\" term_id=\"stay\" >}}; others {{< glossary_tooltip text=\"leave\" term_id=\"leave\" >}}.\n"
        let withID = ["content/reports/q1.md": report,
                      "content/glossary/loyalty.md": TemporarySite.term("Loyalty", "id: stay\n", body: "Why customers stay.")]
        let withoutID = ["content/reports/q1.md": report]
        try expectSameAsFullBuild(changing: ["content/glossary/loyalty.md"], incrementally: true, installing: withID) { site in
            try site.write("content/glossary/loyalty.md", TemporarySite.term("Loyalty", "id: leave\n", body: "Why customers stay."))
        }
        try expectSameAsFullBuild(changing: ["content/glossary/loyalty.md"], incrementally: true, installing: withoutID) { site in
            try site.write("content/glossary/loyalty.md", TemporarySite.term("Loyalty", "id: stay\n", body: "Why customers stay."))
        }
        try expectSameAsFullBuild(changing: ["content/glossary/loyalty.md"], incrementally: true, installing: withID) { site in
            try site.write("content/glossary/loyalty.md", TemporarySite.term("Loyalty", "", body: "Why customers stay."))
        }
        // Through a session's edits in turn: the id moved to another term and back.
        try expectEachSameAsFullBuild([
            (["content/reports/q1.md"], { try $0.write("content/reports/q1.md", report) }),
            (["content/glossary/zeta.md"], { try $0.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "id: stay\n", body: "Last in A–Z order.")) }),
            (["content/glossary/zeta.md"], { try $0.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "id: leave\n", body: "Last in A–Z order.")) }),
            (["content/glossary/zeta.md"], { try $0.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "", body: "Last in A–Z order.")) }),
        ])
    }

    /// A tooltip naming a term only by its `id:` shows the term's title, though the
    /// referring text contains neither the old title nor the new one (the id is searched
    /// for too). An MDN reference by transliterated slug (`HTTP_2` for `http-2`) shows the
    /// text as written, so a retitled term must leave it as it is.
    @Test func retitlingATermNamedByIDOrMDNSlug() throws {
        let extra = ["content/reports/q1.md": "---\ntitle: Q1\ndate: 2026-03-01\n---\nCustomers {{< glossary_tooltip term_id=\"stay\" >}}; see {{Glossary(\"HTTP_2\")}}.\n",
                     "content/glossary/loyalty.md": TemporarySite.term("Loyalty", "id: stay\n", body: "Why customers stay."),
                     "content/glossary/http-2.md": TemporarySite.term("HTTP/2", "", body: "A protocol.")]
        try expectSameAsFullBuild(changing: ["content/glossary/loyalty.md"], incrementally: true, installing: extra) { site in
            try site.write("content/glossary/loyalty.md", TemporarySite.term("Staying power", "id: stay\n", body: "Why customers stay."))
        }
        try expectSameAsFullBuild(changing: ["content/glossary/http-2.md"], incrementally: true, installing: extra) { site in
            try site.write("content/glossary/http-2.md", TemporarySite.term("Second HTTP", "", body: "A protocol."))
        }
    }

    @Test func summaryEditsRewriteThePageAndTheListsThatShowIt() throws {
        let changed = try expectSameAsFullBuild(changing: ["content/glossary/churn-rate.md"]) { site in
            try site.write("content/glossary/churn-rate.md", TemporarySite.term("Churn rate", "aliases: [Attrition]\nsummary: Customers who left.\nrelated: [retention-rate]\n", body: "The mirror of [[retention rate]]."))
        }
        #expect(changed.contains("glossary/churn-rate/index.html"))
        #expect(changed.contains("glossary/index.html"), "the A–Z page shows every summary")
        #expect(changed.contains("search-index.json"))
        #expect(!changed.contains("about/index.html"))
        // A body-only edit leaves the A–Z page and the search index alone.
        let bodyOnly = try expectSameAsFullBuild(changing: ["content/glossary/churn-rate.md"]) { site in
            try site.write("content/glossary/churn-rate.md", TemporarySite.term("Churn rate", "aliases: [Attrition]\nsummary: Customers lost.\nrelated: [retention-rate]\n", body: "The mirror of [[retention rate]], still."))
        }
        #expect(bodyOnly.contains("glossary/churn-rate/index.html"))
        #expect(!bodyOnly.contains("glossary/index.html") && !bodyOnly.contains("search-index.json"))
    }

    @Test func theSameTermEditedAgainAndAgain() throws {
        let churn = "content/glossary/churn-rate.md"
        func churnRate(summary: String, body: String = "The mirror of [[retention rate]].") -> (TemporarySite) throws -> Void {
            { site in try site.write(churn, TemporarySite.term("Churn rate", "aliases: [Attrition]\nsummary: \(summary)\nrelated: [retention-rate]\n", body: body)) }
        }
        try expectEachSameAsFullBuild([
            ([churn], churnRate(summary: "Customers who left.")),
            ([churn], churnRate(summary: "Customers who left, twice.")),
            ([churn], churnRate(summary: "Customers who left, twice.", body: "Now it mentions loyalty.")),
            ([churn], churnRate(summary: "Customers lost.")),
        ])
    }

    @Test func renamingATermAndBackAndAcrossLetters() throws {
        let zeta = "content/glossary/zeta.md", loyalty = "content/glossary/loyalty.md"
        try expectEachSameAsFullBuild([
            ([loyalty], { try $0.write(loyalty, TemporarySite.term("Customer loyalty", "", body: "Why customers stay. The retention rate shows it.")) }),
            ([loyalty], { try $0.write(loyalty, TemporarySite.term("Loyalty", "", body: "Why customers stay. The retention rate shows it.")) }),
            // From the Z group to the A group (and a new first term), then back.
            ([zeta], { try $0.write(zeta, TemporarySite.term("Alpha zeta", "", body: "First in A–Z order now.")) }),
            ([zeta], { try $0.write(zeta, TemporarySite.term("Zeta", "", body: "Last in A–Z order.")) }),
            // A summary that changes the term's excerpt on the A–Z page and its letter at once.
            ([zeta], { try $0.write(zeta, TemporarySite.term("Beta", "summary: Second now.\n", body: "Last in A–Z order.")) }),
        ])
    }

    /// Titles and aliases moved in place in the index and the matcher, one rebuild after
    /// another: a `related` entry naming a new alias, then the old title kept as an
    /// alias; a name another term has already (the index built anew, with its warning)
    /// and given back.
    @Test func renamingTermsThatRelatedEntriesAndOtherTermsName() throws {
        let churn = "content/glossary/churn-rate.md", retention = "content/glossary/retention-rate.md"
        let loyalty = "content/glossary/loyalty.md", zeta = "content/glossary/zeta.md"
        try expectEachSameAsFullBuild([
            ([retention], { try $0.write(retention, TemporarySite.term("Retention rate", "aliases: [Kept customers]\ncategory: Metrics\n", body: "Customers kept; see churn rate and the NPS.")) }),
            ([churn], { try $0.write(churn, TemporarySite.term("Churn rate", "aliases: [Attrition]\nsummary: Customers lost.\nrelated: [Kept customers, nps]\n", body: "The mirror of [[retention rate]].")) }),
            ([retention], { try $0.write(retention, TemporarySite.term("Customers kept", "aliases: [Kept customers, Retention rate]\ncategory: Metrics\n", body: "Customers kept; see churn rate and the NPS.")) }),
            ([loyalty], { try $0.write(loyalty, TemporarySite.term("Loyalty", "aliases: [Attrition]\n", body: "Why customers stay. The retention rate shows it.")) }),
            ([loyalty], { try $0.write(loyalty, TemporarySite.term("Loyalty", "", body: "Why customers stay. The retention rate shows it.")) }),
            ([zeta], { try $0.write(zeta, TemporarySite.term("Loyalty program", "aliases: [Zeta]\n", body: "Last in A–Z order; about churn.")) }),
            ([zeta], { try $0.write(zeta, TemporarySite.term("Zeta", "", body: "Last in A–Z order.")) }),
        ])
    }

    @Test func addingATermThenDeletingItAndAddingItAgain() throws {
        let added = "content/glossary/advocacy.md"
        let write: (TemporarySite) throws -> Void = { site in
            try site.write(added, TemporarySite.term("Advocacy", "summary: Customers who recommend.\n", body: "Follows loyalty; the NPS measures it."))
        }
        try expectEachSameAsFullBuild([
            ([added], write),
            ([added], { try FileManager.default.removeItem(at: $0.root.appendingPathComponent(added)) }),
            ([added], write),
            (["content/glossary/zeta.md"], { try $0.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "summary: After advocacy.\n", body: "Mentions advocacy.")) }),
        ])
    }

    @Test func aliasEditsRelinkThePagesThatUseThem() throws {
        try expectSameAsFullBuild(changing: ["content/glossary/nps.md"]) { site in
            try site.write("content/glossary/nps.md", TemporarySite.term("Net Promoter Score", "aliases: [NPS, Promoter score]\n", body: "Promoters minus detractors.\n\nMore on [[churn-rate|churn]]."))
        }
        // An alias that another page's text already uses.
        try expectSameAsFullBuild(changing: ["content/glossary/zeta.md"]) { site in
            try site.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "aliases: [Promoters]\n", body: "Last in A–Z order."))
        }
    }

    @Test func deletingATermOrEditingTheHomePageOrADataset() throws {
        try expectSameAsFullBuild(changing: ["content/glossary/loyalty.md"]) { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/glossary/loyalty.md"))
        }
        try expectSameAsFullBuild(changing: ["content/index.md"]) { site in
            try site.write("content/index.md", "Welcome back; see the [[NPS]].\n")
        }
        try expectSameAsFullBuild(changing: ["content/data/nps.csv"]) { site in
            try site.write("content/data/nps.csv", "date,score\n2026-01-02,1\n2026-01-03,3\n2026-02-01,2\n")
        }
    }

    @Test func addingAndRemovingPagesRenumbersWhatTheLastBuildKept() throws {
        // A term others already mention by name, sorting in the middle of A–Z.
        try expectSameAsFullBuild(changing: ["content/glossary/attrition-cost.md"], incrementally: true) { site in
            try site.write("content/glossary/attrition-cost.md", TemporarySite.term("Attrition cost", "related: [nps]\n", body: "What losing [[Loyalty]] costs; see the retention rate."))
        }
        // A report (reports order, feed, home) and a free page (navigation) at once, unhinted.
        try expectSameAsFullBuild(changing: [], hinted: false, incrementally: true) { site in
            try site.write("content/reports/q2.md", "---\ntitle: Q2\ndate: 2026-06-01\n---\nChurn rate rose.\n")
            try site.write("content/pages/team.md", "---\ntitle: Team\n---\nWho we are.\n")
        }
        // The last term in A–Z order, and one other pages link to by Markdown link.
        try expectSameAsFullBuild(changing: ["content/glossary/zeta.md"], incrementally: true) { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/glossary/zeta.md"))
        }
        try expectSameAsFullBuild(changing: ["content/glossary/nps.md", "content/pages/about.md"]) { site in
            try site.write("content/pages/about.md", "---\ntitle: About\n---\nAbout this site; see [the score](../glossary/nps/).\n")
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/glossary/nps.md"))
        }
        // Removing a page a wikilink names breaks the build: nothing written, as a full build.
        try expectSameAsFullBuild(changing: ["content/glossary/loyalty.md"]) { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/glossary/loyalty.md"))
        }
    }

    /// A theme that shows more of other pages than the built-in one (related terms'
    /// summaries, neighbours' dates, the backlinks' slugs): a rebuild renders what it read.
    @Test func whatACustomTemplateReadsDecidesWhatIsRenderedAgain() throws {
        let template = "<h1>{{page.title}}</h1>{{#term.related}}<p>{{title}}: {{summary}}</p>{{/term.related}}"
            + "{{#term.backlinks}}<i>{{slug}}</i>{{/term.backlinks}}{{#term.next}}<b>{{title}} {{date}}</b>{{/term.next}}{{{content}}}"
        let changed = try expectSameAsFullBuild(changing: ["content/glossary/retention-rate.md"], incrementally: true, installing: ["templates/term.mustache": template]) { site in
            try site.write("content/glossary/retention-rate.md", TemporarySite.term("Retention rate", "category: Metrics\nsummary: Kept, now summarised.\n", body: "Customers kept; see churn rate and the NPS."))
        }
        #expect(changed.contains("glossary/churn-rate/index.html"), "churn rate lists retention rate's summary")
        try expectSameAsFullBuild(changing: ["content/glossary/zeta.md"], incrementally: true, installing: ["templates/term.mustache": template]) { site in
            try site.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "date: 2026-05-01\n", body: "Last in A–Z order."))
        }
    }

    /// The A–Z page is made again from its entries as the last build rendered them
    /// (`KeptItemRenderings`), whatever a theme's glossary template shows in them: here
    /// the group's letter, the site's title and a name no entry has, besides the entry's own.
    @Test func aCustomAToZTemplateRebuildsAsAFullBuildDoes() throws {
        let template = "<h1>{{site.title}}</h1>{{#groups}}<h2>{{letter}}</h2>\n  {{#terms}}\n  <li>{{title}} [{{letter}}] {{site.title}}{{date}}{{#summary}}: {{summary}}{{/summary}}</li>\n  {{/terms}}\n{{/groups}}\n"
        let extra = ["templates/glossary.mustache": template]
        try expectSameAsFullBuild(changing: ["content/glossary/churn-rate.md"], incrementally: true, installing: extra) { site in
            try site.write("content/glossary/churn-rate.md", TemporarySite.term("Churn rate", "aliases: [Attrition]\nsummary: Customers who left.\nrelated: [retention-rate]\n", body: "The mirror of [[retention rate]]."))
        }
        try expectSameAsFullBuild(changing: ["content/glossary/zeta.md"], incrementally: true, installing: extra) { site in
            try site.write("content/glossary/zeta.md", TemporarySite.term("Alpha zeta", "", body: "Last in A–Z order no more."))
        }
        try expectSameAsFullBuild(changing: ["content/site.yml"], installing: extra) { site in
            try site.write("content/site.yml", "title: Lexicon two\nbase_url: https://example.org/\n")
        }
    }

    /// Retitles move terms in the A–Z order in place (`GlossaryIndex.placing`), across
    /// letters and back, with backlinks re-sorted: each step as a full build makes it.
    @Test func retitlesOneAfterAnotherInOneSession() throws {
        let term = { (title: String) in
            { (site: TemporarySite) in try site.write("content/glossary/loyalty.md", TemporarySite.term(title, "", body: "Why customers stay. The retention rate shows it.")) }
        }
        let path = ["content/glossary/loyalty.md"]
        try expectEachSameAsFullBuild([(path, term("Affinity")), (path, term("affinity")), (path, term("Zz loyalty")), (path, term("‘Quoted’ loyalty")),
                                       (path, term("Loyalty"))])
    }

    @Test func editsThatBreakTheBuildWriteNothingAndTheNextBuildRecovers() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let output = site.root.appendingPathComponent("served")
        let session = BuildSession(options: BuildOptions(root: site.root, output: output))
        #expect(session.build().wrote)
        let before = snapshot(site, "served")
        try site.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "", body: "A [[missing page]]."))
        let broken = session.build(changed: ["content/glossary/zeta.md"])
        #expect(!broken.wrote)
        #expect(broken.diagnostics.hasErrors)
        #expect(snapshot(site, "served") == before)
        try site.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "", body: "Fixed, with [[Loyalty]]."))
        #expect(session.build(changed: ["content/glossary/zeta.md"]).wrote)
        #expect(SiteBuilder.build(BuildOptions(root: site.root, output: site.root.appendingPathComponent("fresh"))).wrote)
        #expect(snapshot(site, "served") == snapshot(site, "fresh"))
    }

    @Test func newFilesSiteSettingsAndTemplatesMakeAFullBuild() throws {
        try expectSameAsFullBuild(changing: ["content/glossary/new.md"]) { site in
            try site.write("content/glossary/new.md", TemporarySite.term("New term", "", body: "Mentions loyalty."))
        }
        try expectSameAsFullBuild(changing: ["content/site.yml"], incrementally: false) { site in
            try site.write("content/site.yml", "title: Renamed\nbase_url: https://example.org/\n")
        }
        try expectSameAsFullBuild(changing: ["templates/footer.mustache"]) { site in
            try site.write("templates/footer.mustache", "<footer>{{site.title}}</footer>\n")
        }
        try expectSameAsFullBuild(changing: ["content/glossary/zeta.md"]) { site in
            try site.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "draft: true\n"))
        }
    }

    @Test func untouchedFilesAreNotRewritten() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let output = site.root.appendingPathComponent("served")
        let session = BuildSession(options: BuildOptions(root: site.root, output: output))
        #expect(session.build().wrote)
        let about = output.appendingPathComponent("about/index.html").path
        let inode = try FileManager.default.attributesOfItem(atPath: about)[.systemFileNumber] as? Int
        try site.write("content/glossary/zeta.md", TemporarySite.term("Zeta", "", body: "Edited."))
        #expect(session.build(changed: ["content/glossary/zeta.md"]).wrote)
        #expect(try FileManager.default.attributesOfItem(atPath: about)[.systemFileNumber] as? Int == inode)
    }
}
