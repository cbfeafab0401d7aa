@testable import LoysiteBuild
import LoysiteContent
import LoysiteRender
import LoysiteSupport
import LoysiteTesting
import Testing

/// A rebuild updates the linked site in place — summaries, sort keys, backlinks, the
/// A–Z order moved only for retitled terms — and gets what linking every page afresh
/// gets.
@Suite struct LinkedSiteUpdateTests {
    static let words = ["alpha", "Apex", "beta", "Bravo", "churn", "Cohort", "delta", "Échelle", "echo", "‘Sticky’ loyalty", "42 rule", "zeta", "Zulu", "apex"]

    /// Terms named from `titles` (in files `files`, t0.md… by default), each body
    /// mentioning a few others by name.
    static func pages(_ titles: [String], mentions: [[Int]], files: [String]? = nil) -> [Page] {
        var pages: [Page] = []
        for (number, title) in titles.enumerated() {
            let body = mentions[number].map { "See \(titles[$0]) here." }.joined(separator: " ") + "\n"
            let text = "---\ntitle: \"\(title)\"\nsummary: Summary \(number) of \(title).\n---\n\(body)"
            pages.append(PageLoader.load(SourceText(path: "content/glossary/\(files?[number] ?? "t\(number)").md", text: text), kind: .term).page!)
        }
        pages.append(PageLoader.load(SourceText(path: "content/pages/about.md", text: "---\ntitle: About \(titles[0])\n---\nMentions \(titles[1]).\n"), kind: .page).page!)
        pages.append(PageLoader.load(SourceText(path: "content/reports/q1.md", text: "---\ntitle: Q1\ndate: 2026-03-01\n---\nOn \(titles[2]).\n"), kind: .report).page!)
        return pages
    }

    static func linked(_ pages: [Page], reusing previous: LinkedSite? = nil) -> (site: LinkedSite, bodies: PerPage<RenderedMarkdown>, index: PageIndex, related: PerPage<[PageID]>) {
        let index = PageIndex(pages: pages)
        let converter = MarkdownConverter(index: index, matcher: TermMatcher(index: index), unsafe: false, directives: nil)
        let bodies = PerPage(index.pages.indices.map { converter.convert(page: $0) })
        let related = index.resolveRelatedByPage().related
        return (LinkedSite(config: SiteConfig(), index: index, bodies: bodies, related: related, reusing: previous), bodies, index, related)
    }

    func expectSame(_ updated: LinkedSite, _ fresh: LinkedSite, _ note: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(updated.sortKeys.array == fresh.sortKeys.array, "sort keys, \(note)", sourceLocation: sourceLocation)
        #expect(updated.glossary.order == fresh.glossary.order, "A–Z order, \(note)", sourceLocation: sourceLocation)
        #expect(updated.glossary.groups.map(\.letter) == fresh.glossary.groups.map(\.letter), "letters, \(note)", sourceLocation: sourceLocation)
        #expect(updated.glossary.groups.map(\.terms) == fresh.glossary.groups.map(\.terms), "groups, \(note)", sourceLocation: sourceLocation)
        for number in fresh.pages.indices {
            #expect(updated.glossary.previous(of: number) == fresh.glossary.previous(of: number) && updated.glossary.next(of: number) == fresh.glossary.next(of: number),
                    "neighbours of \(number), \(note)", sourceLocation: sourceLocation)
        }
        #expect(updated.backlinks.array == fresh.backlinks.array, "backlinks, \(note)", sourceLocation: sourceLocation)
        #expect(updated.summaries.array == fresh.summaries.array && updated.excerpts.array == fresh.excerpts.array, "summaries, \(note)", sourceLocation: sourceLocation)
        #expect(updated.bodyHTML.array == fresh.bodyHTML.array, "bodies, \(note)", sourceLocation: sourceLocation)
        #expect(updated.reports == fresh.reports && updated.freePages == fresh.freePages, "reports and free pages, \(note)", sourceLocation: sourceLocation)
        #expect(updated.featuredTerms == fresh.featuredTerms, "featured, \(note)", sourceLocation: sourceLocation)
        #expect(updated.related.array == fresh.related.array, "related, \(note)", sourceLocation: sourceLocation)
    }

    @Test func randomAddsAndRemovalsLinkAsAfresh() {
        var random = SeededNumbers(seed: 20261208)
        for round in 0..<60 {
            let count = 6 + random.below(10)
            var titles = (0..<count).map { "\(Self.words[random.below(Self.words.count)]) term \($0)" }
            var files = (0..<count).map { String(format: "t%02d", $0 * 2) }
            var mentions = (0..<count).map { _ in (0..<random.below(4)).map { _ in random.below(count) } }
            let before = Self.linked(Self.pages(titles, mentions: mentions, files: files))
            let oldSources = before.index.pages.map(\.source)
            // Remove a term or two (and mentions of them), add one or two between the others.
            for _ in 0..<random.below(3) where titles.count > 4 {
                let gone = 3 + random.below(titles.count - 3)
                titles.remove(at: gone)
                files.remove(at: gone)
                mentions.remove(at: gone)
                mentions = mentions.map { $0.compactMap { $0 == gone ? nil : ($0 > gone ? $0 - 1 : $0) } }
            }
            for _ in 0..<random.below(3) {
                let place = random.below(titles.count + 1)
                titles.insert("\(Self.words[random.below(Self.words.count)]) new \(round)", at: place)
                files.insert(String(format: "t%02d", place * 2) + "n\(random.below(100))", at: place)
                mentions = mentions.map { $0.map { $0 >= place ? $0 + 1 : $0 } }
                mentions.insert((0..<random.below(3)).map { _ in random.below(titles.count) }, at: place)
                // An old term mentions the new one now.
                mentions[random.below(titles.count)].append(place)
            }
            let after = Self.linked(Self.pages(titles, mentions: mentions, files: files))
            let renumbering = PageRenumbering(old: oldSources, new: after.index.pages.map(\.source))
            let changed = after.index.pages.indices.filter { number in
                guard let old = renumbering.oldNumber[number] else { return true }
                let linkedBefore = Set(before.bodies[old].linkedPages.compactMap { renumbering.newNumber[$0] })
                return after.index.pages[number].title != before.index.pages[old].title || after.bodies[number].html != before.bodies[old].html
                    || after.bodies[number].linkedPages != linkedBefore || after.bodies[number].summary != before.bodies[old].summary
            }
            let updated = before.site.updating(index: after.index, bodies: after.bodies, related: after.related, changed: changed, renumbering: renumbering)
            expectSame(updated, after.site, "round \(round): \(titles)")
        }
    }

    @Test func randomRetitlingsAndNewMentionsLinkAsAfresh() {
        var random = SeededNumbers(seed: 20261207)
        for round in 0..<60 {
            let count = 6 + random.below(10)
            var titles = (0..<count).map { "\(Self.words[random.below(Self.words.count)]) \($0 % 3 == 0 ? "x" : "term \($0)")" }
            var mentions = (0..<count).map { _ in (0..<random.below(4)).map { _ in random.below(count) } }
            let before = Self.linked(Self.pages(titles, mentions: mentions))
            // Retitle a few (across letters, to names that sort alike), mention others.
            for _ in 0..<(1 + random.below(3)) {
                let term = random.below(count)
                titles[term] = ["\(Self.words[random.below(Self.words.count)]) renamed", titles[random.below(count)] + " too", titles[term].uppercased(), "  " + titles[term]][random.below(4)]
            }
            for _ in 0..<random.below(3) { mentions[random.below(count)].append(random.below(count)) }
            let after = Self.linked(Self.pages(titles, mentions: mentions), reusing: before.site)
            // What a rebuild hands over: the pages whose fields or bodies changed.
            let changed = after.index.pages.indices.filter { number in
                after.index.pages[number].title != before.index.pages[number].title || after.bodies[number].html != before.bodies[number].html
                    || after.bodies[number].linkedPages != before.bodies[number].linkedPages || after.bodies[number].summary != before.bodies[number].summary
            }
            let updated = before.site.updating(index: after.index, bodies: after.bodies, related: after.related, changed: changed)
            expectSame(updated, after.site, "round \(round): \(titles)")
        }
    }
}
