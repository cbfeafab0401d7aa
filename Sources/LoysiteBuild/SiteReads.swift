import LoysiteContent
import LoysiteRender
import LoysiteSupport

/// One part of one page that an output file can show. The render step reads pages only
/// through `SiteReader`, which notes each part it hands out, so what a file was made
/// from is recorded while it is made, never kept by hand beside the templates' code.
enum PageAspect: UInt8, CaseIterable, Sendable {
    case title, path, slug, kind, date, aliases, categories, params
    /// The front matter's `summary:` as written (nil when the body's first paragraph stands in).
    case frontSummary
    /// The summary shown (front matter's or the first paragraph) and its excerpt.
    case summary, excerpt
    case body
    case related, backlinks
    /// The terms before and after it in A–Z order.
    case neighbours

    /// Parts that are fields of the `Page` itself: the same page object (pages are
    /// immutable) has them all the same.
    var isPageField: Bool {
        switch self {
        case .title, .path, .slug, .kind, .date, .aliases, .categories, .params, .frontSummary: return true
        case .summary, .excerpt, .body, .related, .backlinks, .neighbours: return false
        }
    }

    /// Whether this part of page `number` of `old` is the same as of page `current` of
    /// `new` (the same page, renumbered when pages were added or removed).
    func same(_ old: LinkedSite, _ number: PageID, _ new: LinkedSite, _ current: PageID, _ renumbering: PageRenumbering?) -> Bool {
        func same(_ a: [PageID], _ b: [PageID]) -> Bool { renumbering?.same(a, as: b) ?? (a == b) }
        func same(_ a: PageID?, _ b: PageID?) -> Bool { renumbering?.same(a, as: b) ?? (a == b) }
        switch self {
        case .title: return old.pages[number].title == new.pages[current].title
        case .path: return old.pages[number].path == new.pages[current].path
        case .slug: return old.pages[number].slug == new.pages[current].slug
        case .kind: return old.pages[number].kind == new.pages[current].kind
        case .date: return old.pages[number].date == new.pages[current].date
        case .aliases:
            let (a, b) = (old.pages[number].aliases, new.pages[current].aliases)
            return a.count == b.count && zip(a, b).allSatisfy { $0.value == $1.value }
        case .categories: return old.pages[number].categories == new.pages[current].categories
        case .params:
            let (a, b) = (old.pages[number].params, new.pages[current].params)
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case .frontSummary: return old.pages[number].summary == new.pages[current].summary
        case .summary: return old.summaries[number] == new.summaries[current]
        case .excerpt: return old.excerpts[number] == new.excerpts[current]
        case .body: return old.bodyHTML[number] == new.bodyHTML[current]
        case .related: return same(old.related[number], new.related[current])
        case .backlinks: return same(old.backlinks[number], new.backlinks[current])
        case .neighbours:
            return same(old.glossary.previous(of: number), new.glossary.previous(of: current))
                && same(old.glossary.next(of: number), new.glossary.next(of: current))
        }
    }
}

/// A part of the site as a whole that an output file can show.
enum SiteAspect: UInt8, CaseIterable, Sendable {
    /// site.yml's title, description, base URL, language and currency.
    case config
    /// The navigation items every page shows (site.yml's `nav`, or the default one).
    case navigation
    /// Whether there are any terms, any reports (footers leave out empty indexes).
    case nonEmpty
    case glossaryOrder, reportOrder, freePages, featured
    case dashboard, glossaryIntro, alerts
    /// Which pages there are: what a read of a page that was removed becomes.
    case pageSet

    func same(_ old: LinkedSite, _ new: LinkedSite, _ renumbering: PageRenumbering?) -> Bool {
        func same(_ a: [PageID], _ b: [PageID]) -> Bool { renumbering?.same(a, as: b) ?? (a == b) }
        switch self {
        case .config:
            let (a, b) = (old.config, new.config)
            return a.title == b.title && a.description == b.description && a.baseURL == b.baseURL && a.language == b.language && a.currency == b.currency
        case .navigation:
            return PageContexts.navigation(old).map { [$0.title, $0.url] } == PageContexts.navigation(new).map { [$0.title, $0.url] }
        case .nonEmpty: return old.glossary.order.isEmpty == new.glossary.order.isEmpty && old.reports.isEmpty == new.reports.isEmpty
        case .glossaryOrder:
            // The groups too: a retitled term can change letter and keep its place.
            return same(old.glossary.order, new.glossary.order) && old.glossary.groups.map(\.letter) == new.glossary.groups.map(\.letter)
                && old.glossary.groups.map(\.terms.count) == new.glossary.groups.map(\.terms.count)
        case .reportOrder: return same(old.reports, new.reports)
        case .freePages: return same(old.freePages, new.freePages)
        case .featured: return same(old.featuredTerms, new.featuredTerms)
        case .dashboard: return old.dashboardHTML == new.dashboardHTML
        case .glossaryIntro: return old.glossaryIntroHTML == new.glossaryIntroHTML
        case .alerts: return old.alerts == new.alerts
        case .pageSet: return renumbering == nil
        }
    }
}

/// One thing an output file read: a part of a page or of the site, packed in one word.
struct SiteRead: Hashable, Comparable, Sendable {
    let raw: UInt64

    static func page(_ id: PageID, _ aspect: PageAspect) -> SiteRead { SiteRead(raw: UInt64(id.number) << 8 | UInt64(aspect.rawValue)) }
    /// Above every page's reads (page numbers stay far below 2⁵⁵).
    static func site(_ aspect: SiteAspect) -> SiteRead { SiteRead(raw: UInt64.max - UInt64(aspect.rawValue)) }

    /// The site aspect read, or nil for a page's.
    var siteAspect: UInt8? { raw > UInt64.max - 256 ? UInt8(UInt64.max - raw) : nil }
    /// The page read, or nil for a part of the site.
    var page: PageID? { siteAspect == nil ? PageID(Int(raw >> 8)) : nil }
    var pageAspect: UInt8 { UInt8(raw & 0xFF) }

    static func < (lhs: SiteRead, rhs: SiteRead) -> Bool { lhs.raw < rhs.raw }
}

/// The reads of one output file as it is made. One log per file (or per share of one
/// made on several cores), filled by one thread: so it needs no lock.
final class ReadLog: @unchecked Sendable {
    private(set) var reads: [SiteRead] = []

    func note(_ read: SiteRead) { reads.append(read) }
    func note(contentsOf other: [SiteRead]) { reads.append(contentsOf: other) }

    /// Each read once, sorted: what is kept until the next build.
    var distinct: [SiteRead] {
        var sorted = reads.sorted()
        var kept = 0
        for read in sorted where kept == 0 || sorted[kept - 1] != read {
            sorted[kept] = read
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }
}

/// The linked site as the makers of output files see it: every value they show comes
/// through here, and with a `log` each is noted as read (a build that will not be
/// followed by another keeps no log and pays one branch per value).
struct SiteReader: Sendable {
    /// Private: a value read past the accessors below would not be recorded.
    private let site: LinkedSite
    let log: ReadLog?

    init(_ site: LinkedSite, log: ReadLog? = nil) {
        self.site = site
        self.log = log
    }

    /// The same site read for another file (or another thread's share of one).
    func logging(into log: ReadLog?) -> SiteReader { SiteReader(site, log: log) }

    @inline(__always) private func note(_ number: PageID, _ aspect: PageAspect) { log?.note(.page(number, aspect)) }
    @inline(__always) private func note(_ aspect: SiteAspect) { log?.note(.site(aspect)) }

    // MARK: A page

    func title(_ number: PageID) -> String { note(number, .title); return site.pages[number].title }
    func path(_ number: PageID) -> String { note(number, .path); return site.pages[number].path }
    func slug(_ number: PageID) -> String { note(number, .slug); return site.pages[number].slug }
    func kind(_ number: PageID) -> PageKind { note(number, .kind); return site.pages[number].kind }
    func date(_ number: PageID) -> String? { note(number, .date); return site.pages[number].date }
    func aliases(_ number: PageID) -> [String] { note(number, .aliases); return site.pages[number].aliases.map(\.value) }
    func categories(_ number: PageID) -> [String] { note(number, .categories); return site.pages[number].categories }
    func params(_ number: PageID) -> [(String, JSONValue)] { note(number, .params); return site.pages[number].params }
    func frontSummary(_ number: PageID) -> String? { note(number, .frontSummary); return site.pages[number].summary }
    func summary(_ number: PageID) -> String { note(number, .summary); return site.summaries[number] }
    func excerpt(_ number: PageID) -> String { note(number, .excerpt); return site.excerpts[number] }
    func body(_ number: PageID) -> String { note(number, .body); return site.bodyHTML[number] }
    func related(_ number: PageID) -> [PageID] { note(number, .related); return site.related[number] }
    func backlinks(_ number: PageID) -> [PageID] { note(number, .backlinks); return site.backlinks[number] }
    func previous(_ number: PageID) -> PageID? { note(number, .neighbours); return site.glossary.previous(of: number) }
    func next(_ number: PageID) -> PageID? { note(number, .neighbours); return site.glossary.next(of: number) }

    // MARK: The site

    var config: SiteConfig { note(.config); return site.config }
    func absoluteURL(_ path: String) -> String { note(.config); return site.absoluteURL(path) }
    var navigation: [SiteConfig.NavItem] { note(.navigation); return PageContexts.navigation(site) }
    var hasTerms: Bool { note(.nonEmpty); return !site.glossary.order.isEmpty }
    var hasReports: Bool { note(.nonEmpty); return !site.reports.isEmpty }
    var glossary: GlossaryIndex { note(.glossaryOrder); return site.glossary }
    var reports: [PageID] { note(.reportOrder); return site.reports }
    var freePages: [PageID] { note(.freePages); return site.freePages }
    var featuredTerms: [PageID] { note(.featured); return site.featuredTerms }
    var dashboardHTML: String? { note(.dashboard); return site.dashboardHTML }
    var glossaryIntroHTML: String? { note(.glossaryIntro); return site.glossaryIntroHTML }
    var alerts: [String] { note(.alerts); return site.alerts }
    /// Pages' parts of the site-wide JSON files, kept by a build session; each part is
    /// made from its own page's reads (`SiteFragments`), which the caller notes.
    var fragments: SiteFragments? { site.fragments }
}

/// What changed between two builds' sites, as the reads it invalidates: for each page
/// the parts of it that differ, as bits, so asking about one read is two array lookups.
struct SiteChanges: Sendable {
    private var pages: PerPage<UInt32>
    private var site: UInt32 = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Every read of `new` whose value differs from `old`'s. Pages are numbered as in
    /// `new`; `renumbering` when pages were added or removed (an added page has every part
    /// changed).
    init(between old: LinkedSite, _ new: LinkedSite, renumbering: PageRenumbering? = nil) {
        for aspect in SiteAspect.allCases where !aspect.same(old, new, renumbering) {
            site |= 1 << aspect.rawValue
            count += 1
        }
        // Asked of every page, so the common answers are found without comparing: a page
        // kept from the last build (the same object) has the same fields, and with the
        // same A–Z order (usually the same array) every page has the same neighbours.
        let total = new.pages.count, chunk = 1024
        let sameOrder = renumbering == nil && old.glossary.order == new.glossary.order
        let found = Parallel.map(Array(stride(from: 0, to: total, by: chunk))) { start -> [UInt32] in
            (PageID(start)..<PageID(min(start + chunk, total))).map { current in
                guard let number = renumbering.map({ $0.oldNumber[current] }) ?? current else { return UInt32.max }
                let samePage = old.pages[number] === new.pages[current]
                var bits: UInt32 = 0
                for aspect in PageAspect.allCases {
                    if samePage, aspect.isPageField { continue }
                    if sameOrder, aspect == .neighbours { continue }
                    if !aspect.same(old, number, new, current, renumbering) { bits |= 1 << aspect.rawValue }
                }
                return bits
            }
        }
        pages = PerPage(found.flatMap { $0 })
        count += pages.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    func contains(_ read: SiteRead) -> Bool {
        if let aspect = read.siteAspect { return site & (1 << aspect) != 0 }
        guard let page = read.page else { return false }
        return pages.contains(id: page) && pages[page] & (1 << read.pageAspect) != 0
    }

    /// Whether any of `reads` is among the changes.
    func touches(_ reads: [SiteRead]) -> Bool {
        reads.contains(where: contains)
    }
}
