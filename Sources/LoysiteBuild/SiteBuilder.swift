import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteRender
import LoysiteSupport

/// The build, as a pipeline of named steps:
///
/// 1. **load** — site.yml, every page's front matter, the theme;
/// 2. **index** — pages by URL and name, `related` resolved, duplicate URLs found;
/// 3. **markdown** — each body converted with libcmark (directives, wikilinks, links,
///    auto-links), in parallel;
/// 4. **link** — backlinks, summaries, A–Z order;
/// 5. **render** — every page through its template, in parallel, plus sitemap, feed,
///    search index and assets;
/// 6. **write** — into a fresh folder, swapped in only if nothing failed.
///
/// All problems of all steps are collected and reported together.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildResult {
        var timer = StepTimer(progress: options.progress)
        var diagnostics = Diagnostics()

        // 1. load
        var content = ContentLoader.load(root: options.root, includeDrafts: options.includeDrafts)
        if let baseURL = options.baseURL {
            if let normalised = SiteConfig.normaliseBaseURL(baseURL) {
                content.config.baseURL = normalised
            } else {
                diagnostics.error("--base-url must be an absolute URL such as https://example.org/ or a path starting with '/', found '\(baseURL)'", at: SourceLocation(file: "--base-url"))
            }
        }
        diagnostics.append(contentsOf: content.diagnostics)
        let (theme, themeDiagnostics) = Theme.load(root: options.root)
        diagnostics.append(contentsOf: themeDiagnostics)
        if !FileManager.default.fileExists(atPath: options.root.appendingPathComponent("content").path) {
            diagnostics.error("no content/ folder in \(options.root.path); run loysite in a site root or pass --root", at: SourceLocation(file: "content"))
        }
        timer.finish("load")

        // 1b. datasets (content/data/): every figure of SPEC §2, written to metrics.json.
        let (datasets, datasetDiagnostics) = DatasetLoader.loadAll(
            root: options.root, defaultPeriod: Period(rawValue: content.config.period) ?? .month)
        diagnostics.append(contentsOf: datasetDiagnostics)
        timer.finish("datasets")

        // 2. index
        let index = PageIndex(pages: content.pages)
        diagnostics.append(contentsOf: index.diagnostics)
        let (related, relatedDiagnostics) = index.resolveRelated()
        diagnostics.append(contentsOf: relatedDiagnostics)
        timer.finish("index")

        // 3. markdown
        let converter = MarkdownConverter(
            index: index,
            matcher: content.config.autolink ? TermMatcher(index: index) : nil,
            unsafe: content.config.unsafe,
            directives: DatasetBlockRenderer(datasets: datasets, index: index, currencyCode: content.config.currency))
        let bodies = Parallel.map(Array(index.pages.indices)) { converter.convert(page: $0) }
        for body in bodies { diagnostics.append(contentsOf: body.diagnostics) }
        let (home, homeDiagnostics) = HomePage.load(root: options.root, datasets: datasets)
        diagnostics.append(contentsOf: homeDiagnostics)
        let homeBody = home.map { converter.convert($0) }
        diagnostics.append(contentsOf: homeBody?.diagnostics ?? [])
        timer.finish("markdown")

        // 4. link
        var site = LinkedSite(config: content.config, index: index, bodies: bodies, related: related)
        site.dashboardHTML = homeBody?.html
        timer.finish("link")

        // 4b. alerts (site.yml): fired ones are warnings, shown on the dashboard and in metrics.json
        let alerts = Alerts.evaluate(content.config.alerts, datasets: datasets)
        diagnostics.append(contentsOf: alerts.diagnostics)

        // 5. render, each page written into the staging folder as soon as it is made
        //    when the site is to be written (so the site is never all in memory);
        // 6. write: the files made from all pages, then the swap.
        var wrote = false
        let failed = diagnostics.hasErrors || (options.strict && !diagnostics.warnings.isEmpty)
        var staged: StagedSite?
        if !options.dryRun, !failed {
            if let refusal = OutputWriter.check(output: options.output, root: options.root) {
                diagnostics.append(refusal)
            } else {
                do {
                    let site = try StagedSite(output: options.output)
                    staged = site
                    try site.createFolders(for: site.pagePaths(index.pages) + SiteFile.allCases.map(\.path) + ["metrics.json"] + theme.assets.keys.map { "assets/" + $0 })
                } catch {
                    staged?.discard()
                    staged = nil
                    diagnostics.error("cannot write the site: \(error.localizedDescription)", at: SourceLocation(file: options.output.path))
                }
            }
        }
        let rendered = render(site: site, theme: theme, alerts: alerts.fired.map(\.message), into: staged)
        var files = rendered.files
        files.append(OutputFile(path: "metrics.json", text: MetricsDocument.fileContents(datasets: datasets, alerts: alerts.json, version: LoysiteVersion.current)))
        timer.finish("render")

        if let staged {
            do {
                if let failure = rendered.failure { throw failure }
                for file in files { try staged.write(file) }
                try staged.commit()
                wrote = true
            } catch {
                staged.discard()
                diagnostics.error("cannot write the site: \(error.localizedDescription)", at: SourceLocation(file: options.output.path))
            }
        }
        timer.finish("write")

        let paths = rendered.writtenPaths + files.map(\.path)
        return BuildResult(
            diagnostics: diagnostics,
            pageCount: paths.filter { $0.hasSuffix(".html") }.count,
            fileCount: paths.count, datasetCount: datasets.count, wrote: wrote, timings: timer.timings)
    }

    /// What `render` made: the pages written into the staging folder (paths only) and
    /// the files still to write (all of them when there is no staging folder).
    struct Rendered {
        var writtenPaths: [String]
        var files: [OutputFile]
        /// The first page that could not be written, if any.
        var failure: Error?
    }

    /// Every file of the site: pages, then the site-wide files, then assets. Pages go
    /// straight into `staged` when there is one. The site-wide files (the A–Z index lists
    /// every term) are rendered with the pages, and started first, so no core is left
    /// finishing one long file alone.
    static func render(site: LinkedSite, theme: Theme, alerts: [String] = [], into staged: StagedSite? = nil) -> Rendered {
        let contexts = PageContexts(site: site)
        let pages = site.pages
        let siteFiles = SiteFile.allCases
        let rendered = Parallel.map(Array(0..<(siteFiles.count + pages.count))) { job -> (file: OutputFile, failure: Error?) in
            if job < siteFiles.count { return (siteFiles[job].render(site: site, contexts: contexts, theme: theme, alerts: alerts), nil) }
            let number = job - siteFiles.count
            let html: Data
            switch pages[number].kind {
            case .term: html = theme.renderData("term", context: contexts.term(number))
            case .report: html = theme.renderData("report", context: contexts.report(number))
            case .page, .home: html = theme.renderData("page", context: contexts.freePage(number))
            }
            let file = OutputFile(path: pages[number].path + "index.html", data: html)
            guard let staged else { return (file, nil) }
            do {
                try staged.write(file)
                return (OutputFile(path: file.path, data: Data()), nil)
            } catch {
                return (OutputFile(path: file.path, data: Data()), error)
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
            result.files.append(OutputFile(path: "assets/" + path, data: data))
        }
        return result
    }

    /// The files made from the whole site rather than from one page, in output order.
    enum SiteFile: CaseIterable {
        case home, glossary, reports, notFound, sitemap, feed, searchIndex

        var path: String {
            switch self {
            case .home: return "index.html"
            case .glossary: return "glossary/index.html"
            case .reports: return "reports/index.html"
            case .notFound: return "404.html"
            case .sitemap: return "sitemap.xml"
            case .feed: return "feed.xml"
            case .searchIndex: return "search-index.json"
            }
        }

        func render(site: LinkedSite, contexts: PageContexts, theme: Theme, alerts: [String]) -> OutputFile {
            switch self {
            case .home: return OutputFile(path: path, data: theme.renderData("home", context: contexts.home(alerts: alerts)))
            case .glossary: return OutputFile(path: path, data: theme.renderData("glossary", context: contexts.glossaryIndex()))
            case .reports: return OutputFile(path: path, data: theme.renderData("reports", context: contexts.reportsIndex()))
            case .notFound: return OutputFile(path: path, data: theme.renderData("404", context: contexts.notFound()))
            case .sitemap: return OutputFile(path: path, text: Sitemap.xml(site: site))
            case .feed: return OutputFile(path: path, text: AtomFeed.xml(site: site))
            case .searchIndex: return OutputFile(path: path, text: SearchIndex.json(site: site))
            }
        }
    }
}
