import LoysiteContent
import LoysiteRender
import LoysiteSupport

/// Fingerprints of everything each output file is made from, so a rebuild renders only
/// the files whose fingerprint changed. They are hashes: equal inputs give equal
/// fingerprints within one process, which is all a build session needs.
///
/// A page's **face** is what other files show of it: title, path, slug, summary and its
/// excerpt, date, kind, aliases, categories. A page's **signature** combines what its
/// own file is made of: the site-wide values every page shows (site.yml's values, the
/// navigation), its face, its body's HTML, its template params, and the faces of the
/// pages it lists (related terms, backlinks, previous and next in A–Z order). The
/// site-wide files combine the faces of the pages they list, in order.
struct RenderSignatures: Sendable {
    var faces: [Int]
    var bodies: [Int]
    var pages: [Int]
    var siteFiles: [SiteBuilder.SiteFile: Int]

    /// Faces and body hashes of every page.
    static func facesAndBodies(site: LinkedSite) -> (faces: [Int], bodies: [Int]) {
        let faces = Parallel.map(Array(site.pages.indices)) { face(site, $0) }
        let bodies = Parallel.map(Array(site.pages.indices)) { site.bodies[$0].html.hashValue }
        return (faces, bodies)
    }

    static func face(_ site: LinkedSite, _ number: Int) -> Int {
        var hasher = Hasher()
        let page = site.pages[number]
        hasher.combine(page.title)
        hasher.combine(page.path)
        hasher.combine(page.slug)
        hasher.combine(page.kind)
        hasher.combine(page.date)
        hasher.combine(page.aliases.map(\.value))
        hasher.combine(page.categories)
        hasher.combine(site.summaries[number])
        hasher.combine(site.excerpts[number])
        return hasher.finalize()
    }

    /// What every page shows of the site: site.yml's values and the navigation.
    static func common(_ site: LinkedSite) -> Int {
        var hasher = Hasher()
        let config = site.config
        hasher.combine(config.title)
        hasher.combine(config.description)
        hasher.combine(config.baseURL)
        hasher.combine(config.language)
        hasher.combine(config.currency)
        hasher.combine(site.glossary.order.isEmpty)
        hasher.combine(site.reports.isEmpty)
        for item in PageContexts.navigation(site) {
            hasher.combine(item.title)
            hasher.combine(item.url)
        }
        return hasher.finalize()
    }
}

extension RenderSignatures {
    /// All signatures from faces and body hashes (kept from earlier builds where the
    /// pages did not change).
    init(site: LinkedSite, faces: [Int], bodies: [Int], dashboard: String?, alerts: [String]) {
        self.faces = faces
        self.bodies = bodies
        let common = RenderSignatures.common(site)
        pages = site.pages.indices.map { number in
            var hasher = Hasher()
            hasher.combine(common)
            hasher.combine(faces[number])
            hasher.combine(bodies[number])
            if !site.pages[number].params.isEmpty { hasher.combine(JSONValue.object(site.pages[number].params).serialized()) }
            for list in [site.related[number], site.backlinks[number]] {
                hasher.combine(list.count)
                for other in list { hasher.combine(faces[other]) }
            }
            hasher.combine(site.glossary.previous(of: number).map { faces[$0] })
            hasher.combine(site.glossary.next(of: number).map { faces[$0] })
            return hasher.finalize()
        }
        func listing(_ numbers: [Int]) -> Int {
            var hasher = Hasher()
            hasher.combine(common)
            hasher.combine(numbers.count)
            for number in numbers { hasher.combine(faces[number]) }
            return hasher.finalize()
        }
        let all = site.glossary.order + site.reports + site.freePages
        var sitemap = Hasher()
        sitemap.combine(common)
        for number in all {
            sitemap.combine(site.pages[number].path)
            sitemap.combine(site.pages[number].date)
        }
        var home = Hasher()
        home.combine(listing(site.reports))
        home.combine(listing(site.featuredTerms))
        home.combine(listing(site.glossary.order))
        home.combine(dashboard)
        home.combine(alerts)
        siteFiles = [
            .home: home.finalize(),
            .glossary: listing(site.glossary.order),
            .reports: listing(site.reports),
            .notFound: common,
            .sitemap: sitemap.finalize(),
            .feed: listing(site.reports),
            .searchIndex: listing(all),
            .searchScript: listing(all),
        ]
    }
}
