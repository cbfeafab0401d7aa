import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteRender
import LoysiteSupport

/// A build from nothing (`loysite build` and `check`): `BuildSession`'s pipeline with
/// everything changed, which keeps nothing for a next build. Its named steps
/// (`--timings` prints each):
///
/// 1. **load** — site.yml, every page's front matter, the theme, and (as one more job
///    of the same parallel loop) the datasets;
/// 1b. **datasets** — their figures, for metrics.json (already loaded with the pages);
/// 2. **index** — pages by URL and name, `related` resolved, duplicate URLs found; the
///    auto-link matcher is built at the same time;
/// 3. **markdown** — each body converted with libcmark (directives, wikilinks, links,
///    auto-links), in parallel;
/// 4. **link** — backlinks, summaries, A–Z order;
/// 5. **render** — every page through its template, in parallel, each written into a
///    fresh folder beside the output as soon as it is made, plus sitemap, feed, search
///    index and assets;
/// 6. **write** — the site-wide files, then the new folder swapped in, only if nothing
///    failed.
///
/// All problems of all steps are collected and reported together. `loysite serve` keeps
/// a `BuildSession`, whose rebuilds run the same steps over what an edit changed. This
/// type also renders: every file at once (`render`), or one page (`renderPage`).
package enum SiteBuilder {
    package static func build(_ options: BuildOptions) -> BuildResult {
        BuildSession(options: options).full(keepingState: false)
    }

    /// What `render` made: the pages written into the staging folder (paths only) and
    /// the files still to write (all of them when there is no staging folder).
    struct Rendered {
        var writtenPaths: [String]
        var files: [OutputFile]
        /// The first page that could not be written, if any.
        var failure: Error?
        /// Internal links and images of the HTML files that name no file of the site
        /// (`OutputLinkCheck`), by output path; only when `render` was given the files.
        var unresolvedLinks: [(path: String, links: [String])] = []
        /// What each file read of the site, when `render` was asked to record it.
        var reads: RenderReads?
    }

    /// Every file of the site: pages, then the site-wide files, then assets. Pages go
    /// straight into `staged` when there is one. The site-wide files (the A–Z index lists
    /// every term) are rendered with the pages, and started first, so no core is left
    /// finishing one long file alone. `progress` counts the pages and site-wide files as they
    /// are made. With `checking`, every file the site has, each
    /// HTML file's internal links are checked against it as soon as it is made. With
    /// `recording`, what each file read is kept, for the next build of a session; with
    /// `kept`, what the A–Z page's entries rendered to, for the same.
    static func render(site: LinkedSite, theme: Theme, into staged: StagedSite? = nil, checking files: Set<String>? = nil, table: OutputPathTable? = nil,
                       recording: Bool = false, keeping kept: KeptItemRenderings? = nil, progress: BuildProgress? = nil) -> Rendered {
        let contexts = PageContexts(site: site)
        let siteFiles = SiteFile.allCases
        progress?.counting(siteFiles.count + site.pages.count)
        let basePath = OutputLinkCheck.basePath(of: site.config.baseURL)
        let table = table ?? files.map(OutputPathTable.init)
        // Bodies are left out of the check where they were checked at their source: not
        // with `unsafe`, whose raw HTML links nothing checked.
        let splice: BodySplice? = files != nil && !site.config.unsafe ? BodySplice() : nil
        @Sendable func check(_ file: OutputFile) -> [String] {
            guard let files, let table, file.path.hasSuffix(".html") else { return [] }
            return OutputLinkCheck.unresolved(in: file.data, at: file.path, files: files, table: table, basePath: basePath)
        }
        let rendered = Parallel.map(Array(0..<(siteFiles.count + site.pages.count))) { job -> (file: OutputFile, failure: Error?, unresolved: [String], reads: [SiteRead]) in
            defer { progress?.advance() }
            let log = recording ? ReadLog() : nil
            let contexts = recording ? contexts.logging(into: log) : contexts
            if job < siteFiles.count {
                let file = siteFiles[job].render(contexts: contexts, theme: theme, keeping: kept)
                return (file, nil, check(file), log?.distinct ?? [])
            }
            let (file, unresolved) = renderPage(PageID(job - siteFiles.count), contexts: contexts, theme: theme, splice: splice, check: check)
            let reads = log?.distinct ?? []
            guard let staged else { return (file, nil, unresolved, reads) }
            do {
                try staged.write(file)
                return (OutputFile(path: file.path, data: Data()), nil, unresolved, reads)
            } catch {
                return (OutputFile(path: file.path, data: Data()), error, unresolved, reads)
            }
        }
        var result = Rendered(writtenPaths: [], files: [], failure: rendered.lazy.compactMap(\.failure).first)
        if staged != nil {
            result.writtenPaths = rendered[siteFiles.count...].map(\.file.path)
        } else {
            result.files = rendered[siteFiles.count...].map(\.file)
        }
        result.files += rendered[..<siteFiles.count].map(\.file)
        for (path, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            result.files.append(OutputFile(path: SiteLayout.Output.assetsFolder + path, data: data))
        }
        result.unresolvedLinks = rendered.filter { !$0.unresolved.isEmpty }.map { ($0.file.path, $0.unresolved) }
        if recording {
            result.reads = RenderReads(pages: PerPage(rendered[siteFiles.count...].map(\.reads)),
                                       siteFiles: Dictionary(uniqueKeysWithValues: zip(siteFiles, rendered[..<siteFiles.count].map(\.reads))))
        }
        return result
    }

    /// Page `number` rendered and its links checked (`check`); with `splice`, the
    /// template's links only, the body put in after.
    static func renderPage(_ number: PageID, contexts: PageContexts, theme: Theme, splice: BodySplice?,
                           check: (OutputFile) -> [String]) -> (file: OutputFile, unresolved: [String]) {
        if let splice {
            let themed = renderPage(number, contexts: contexts.standingIn(splice.standIn), theme: theme)
            let body = contexts.read.body(number)
            // An empty body is given as it is, so the page is already whole.
            if body.isEmpty { return (themed, check(themed)) }
            if let whole = splice.splice(themed.data, body: body) { return (OutputFile(path: themed.path, data: whole), check(themed)) }
        }
        let file = renderPage(number, contexts: contexts, theme: theme)
        return (file, check(file))
    }

    /// Page `number` through its kind's template.
    static func renderPage(_ number: PageID, contexts: PageContexts, theme: Theme) -> OutputFile {
        let html: Data
        switch contexts.read.kind(number) {
        case .term: html = theme.renderData("term", context: contexts.term(number))
        case .report: html = theme.renderData("report", context: contexts.report(number))
        case .page, .home: html = theme.renderData("page", context: contexts.freePage(number))
        }
        return OutputFile(path: contexts.read.path(number) + "index.html", data: html)
    }

    /// The files made from the whole site rather than from one page, in output order.
    enum SiteFile: CaseIterable {
        case home, glossary, reports, notFound, sitemap, feed, searchIndex, searchScript

        var path: String {
            switch self {
            case .home: return SiteLayout.Output.home
            case .glossary: return SiteLayout.Output.glossaryIndex
            case .reports: return SiteLayout.Output.reportsIndex
            case .notFound: return SiteLayout.Output.notFound
            case .sitemap: return SiteLayout.Output.sitemap
            case .feed: return SiteLayout.Output.feed
            case .searchIndex: return SiteLayout.Output.searchIndex
            case .searchScript: return SiteLayout.Output.searchScript
            }
        }

        /// `kept`: the A–Z page's list items as a session's last build rendered them
        /// (`KeptItemRenderings`), so that an edit does not render 10,000 entries again.
        func render(contexts: PageContexts, theme: Theme, keeping kept: KeptItemRenderings? = nil) -> OutputFile {
            let read = contexts.read
            switch self {
            case .home: return OutputFile(path: path, data: theme.renderData("home", context: contexts.home()))
            case .glossary: return OutputFile(path: path, data: theme.renderData("glossary", context: contexts.glossaryIndex(), keeping: kept))
            case .reports: return OutputFile(path: path, data: theme.renderData("reports", context: contexts.reportsIndex()))
            case .notFound: return OutputFile(path: path, data: theme.renderData("404", context: contexts.notFound()))
            case .sitemap: return OutputFile(path: path, text: Sitemap.xml(read: read))
            case .feed: return OutputFile(path: path, text: AtomFeed.xml(read: read))
            case .searchIndex: return OutputFile(path: path, data: SearchIndex.json(read: read))
            case .searchScript: return OutputFile(path: path, data: SearchIndex.script(read: read))
            }
        }
    }
}
