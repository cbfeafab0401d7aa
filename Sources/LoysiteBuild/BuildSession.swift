import Foundation
import LoysiteContent
import Synchronization
import LoysiteMetrics
import LoysiteRender
import LoysiteReports
import LoysiteSupport

/// Builds one site again and again (`loysite serve`), keeping what each build made so
/// the next does only what changed:
///
/// - page files are read again only when their stamp (time, size, inode) changed;
/// - the page index and the auto-link matcher are rebuilt only when a page's names
///   (title, aliases, slug, path) changed;
/// - Markdown is converted again for the changed pages, and, when names changed, for
///   the pages whose text contains one of the old or new names (the only ones whose
///   links can differ) and those with unresolved wikilinks (whose suggestions can);
/// - links (backlinks, A–Z order, summaries) are worked out again;
/// - each output file has a signature of everything it is made from
///   (`RenderSignatures`); only files whose signature changed are rendered, and only
///   those whose bytes differ from the file in the output folder are written, each
///   replaced atomically.
///
/// Anything else — site.yml, templates, datasets, the home page's content, a page file
/// added, removed, failing to load or turning into a draft, a page's URL (slug)
/// changing, a previous build that failed — makes a full build (which is also the first build). The output is always
/// exactly what a full build of the same content writes (tests compare the two).
public final class BuildSession: @unchecked Sendable {
    public let options: BuildOptions
    private var state: State?
    private let lock = NSLock()

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site. `changed`: paths relative to the root known to have changed since
    /// the last build (what a watcher reports); nil means look at every page file.
    public func build(changed: [String]? = nil) -> BuildResult {
        lock.lock()
        defer { lock.unlock() }
        if let state, state.wrote, let result = incremental(state, changed: changed) { return result }
        return full(keepingState: true)
    }

    /// A build from nothing; `keepingState` also records what the next build needs.
    func full(keepingState: Bool) -> BuildResult {
        var timer = StepTimer(progress: options.progress)
        // First of all, even for a build that will fail: a build killed between the two
        // renames of a fallback swap left no output, only its set-aside old site.
        StagingFolders(output: options.output).recover()
        var state = State()
        state.includesDrafts = options.includeDrafts
        state.inputs = keepingState ? FileStamp.inputs(root: options.root) : [:]

        // 1. load (and 1b. datasets, at the same time: they need only site.yml)
        let (config, configDiagnostics) = SiteConfig.load(root: options.root)
        let root = options.root
        let pageFiles = ContentLoader.pageFiles(root: root)
        state.files = pageFiles
        if keepingState { state.stamps = state.files.map { FileStamp(path: $0.path) } }
        // Theme and datasets are read while the pages load, as one more job of the loop.
        let (loaded, (theme, datasets)) = Parallel.map(pageFiles, alongside: {
            (Theme.load(root: root), DatasetLoader.loadAll(root: root, defaultPeriod: Period(rawValue: config.period) ?? .month))
        }) { ContentLoader.load($0) }
        state.loaded = loaded
        var content = ContentLoader.assemble(config: config, configDiagnostics: configDiagnostics, loaded: state.loaded, includeDrafts: options.includeDrafts)
        if let baseURL = options.baseURL {
            if let normalised = SiteConfig.normaliseBaseURL(baseURL) {
                content.config.baseURL = normalised
            } else {
                state.optionDiagnostics.append(.error("--base-url must be an absolute URL such as https://example.org/ or a path starting with '/', found '\(baseURL)'", at: SourceLocation(file: "--base-url")))
            }
        }
        state.config = content.config
        state.configDiagnostics = configDiagnostics
        state.glossaryFolder = GlossaryFolder.scan(root: root)
        if let intro = state.glossaryFolder.intro { (state.intro, state.introDiagnostics) = GlossaryFolder.loadIntro(intro) }
        (state.theme, state.themeDiagnostics) = theme
        if !FileManager.default.fileExists(atPath: options.root.appendingPathComponent(SiteLayout.contentFolder).path) {
            state.contentFolderDiagnostics = [.error("no content/ folder in \(options.root.path); run loysite in a site root or pass --root", at: SourceLocation(file: SiteLayout.contentFolder))]
        }
        timer.finish("load")

        // 1b. datasets (content/data/): every figure of SPEC §2, written to metrics.json.
        (state.datasets, state.datasetDiagnostics) = datasets
        timer.finish("datasets")

        // 2. index (and the auto-link matcher, built meanwhile: it needs only the index).
        //    The matcher is one job; `related` is resolved in chunks, which the core not
        //    building the matcher takes, and the other too once the matcher is done.
        let index = PageIndex(pages: content.pages)
        state.index = index
        let autolink = content.config.autolink
        let count = index.pages.count, chunk = 512
        let (relatedChunks, matcher) = Parallel.map(Array(stride(from: 0, to: count, by: chunk)), alongside: {
            autolink ? TermMatcher(index: index) : nil
        }) { start in index.resolveRelated(in: start..<min(start + chunk, count)) }
        state.related = relatedChunks.flatMap(\.related)
        state.relatedDiagnostics = relatedChunks.flatMap(\.diagnostics)
        state.matcher = matcher
        state.redirects = RedirectPages(index: index)
        state.outputPaths = BuildSession.outputPaths(index: index, theme: state.theme, folder: state.glossaryFolder, redirects: state.redirects)
        timer.finish("index")

        // 3. markdown
        let converter = state.converter()
        let progress = options.progress
        progress?.counting(state.index.pages.count)
        state.bodies = Parallel.map(Array(state.index.pages.indices)) { number in
            defer { progress?.advance() }
            return converter.convert(page: number)
        }
        (state.home, state.homeDiagnostics) = HomePage.load(root: options.root, datasets: state.datasets)
        state.homeBody = state.home.map { converter.convert($0) }
        state.introBody = state.intro.map { converter.convert($0) }
        timer.finish("markdown")

        // 4. link
        state.site = LinkedSite(config: state.config, index: state.index, bodies: state.bodies, related: state.related)
        state.site.dashboardHTML = state.homeBody?.html
        state.site.glossaryIntroHTML = state.introBody?.html
        if keepingState { state.site.fragments = SiteFragments(site: state.site) }
        timer.finish("link")

        // 4b. alerts (site.yml): fired ones are warnings, shown on the dashboard and in metrics.json
        state.alerts = Alerts.evaluate(content.config.alerts, datasets: state.datasets)

        // 5. render, each page written into the staging folder as soon as it is made
        //    when the site is to be written (so the site is never all in memory);
        // 6. write: the files made from all pages, then the swap.
        var diagnostics = state.diagnostics
        var writeDiagnostics: [Diagnostic] = []
        let failed = diagnostics.failBuild(strict: options.strict)
        var staged: StagedSite?
        if !options.dryRun, !failed {
            if let refusal = OutputWriter.check(output: options.output, root: options.root) {
                writeDiagnostics.append(refusal)
            } else {
                do {
                    staged = try StagedSite(output: options.output)
                } catch {
                    writeDiagnostics.append(.error("cannot write the site: \(FileError.describe(error))", at: SourceLocation(file: options.output.path)))
                }
            }
        }
        let rendered = SiteBuilder.render(site: state.site, theme: state.theme, alerts: state.alerts.fired.map(\.message), into: staged, checking: state.outputPaths,
                                          progress: options.progress)
        var files = rendered.files
        files.append(OutputFile(path: SiteLayout.Output.metrics, text: MetricsDocument.fileContents(datasets: state.datasets, alerts: state.alerts.json, version: LoysiteVersion.current)))
        files += state.redirects.files(site: state.site)
        let (copies, copyDiagnostics) = BuildSession.copiedFiles(state.glossaryFolder, root: root)
        files += copies
        state.linkCheckDiagnostics = BuildSession.linkDiagnostics(rendered.unresolvedLinks, site: state.site) + copyDiagnostics
        diagnostics.append(contentsOf: state.linkCheckDiagnostics)
        timer.finish("render")

        if let staged {
            do {
                if let failure = rendered.failure { throw failure }
                // Found only now that the pages are made: with them, the build fails as
                // one that had them from the start (nothing swapped in).
                if diagnostics.failBuild(strict: options.strict) { throw BuildSession.Refused() }
                for file in files { try staged.write(file) }
                try staged.commit()
                state.wrote = true
            } catch is BuildSession.Refused {
                staged.discard()
            } catch {
                staged.discard()
                writeDiagnostics.append(.error("cannot write the site: \(FileError.describe(error))", at: SourceLocation(file: options.output.path)))
            }
        }
        diagnostics.append(contentsOf: writeDiagnostics)
        timer.finish("write")

        let paths = rendered.writtenPaths + files.map(\.path)
        state.pageCount = paths.filter { $0.hasSuffix(".html") }.count
        state.fileCount = paths.count
        if keepingState {
            let (faces, bodies) = RenderSignatures.facesAndBodies(site: state.site)
            state.signatures = RenderSignatures(site: state.site, faces: faces, bodies: bodies, dashboard: state.site.dashboardHTML, alerts: state.alerts.fired.map(\.message))
            self.state = state
        } else if options.keepsMemoryUntilExit {
            BuildSession.keptUntilExit.withLock { $0.append(state) }
        }
        return BuildResult(diagnostics: diagnostics, pageCount: state.pageCount, fileCount: state.fileCount,
                           datasetCount: state.datasets.count, wrote: state.wrote, timings: timer.timings)
    }

    /// A build of what changed since `previous`, or nil when a full build is needed.
    private func incremental(_ previous: State, changed: [String]?) -> BuildResult? {
        var timer = StepTimer(progress: options.progress)
        var state = previous
        state.wrote = false

        // 1. load: only files whose stamp changed; anything but page files → full build.
        guard FileStamp.inputs(root: options.root) == previous.inputs else { return nil }
        var changedFiles: [Int] = []
        if let changed {
            let number = Dictionary(uniqueKeysWithValues: previous.files.enumerated().map { ($1.relativePath, $0) })
            for path in Set(changed) {
                if let file = number[path] {
                    if FileStamp(path: previous.files[file].path) != previous.stamps[file] { changedFiles.append(file) }
                } else if BuildSession.couldBePageFile(path) {
                    return nil
                }
            }
            changedFiles.sort()
        } else {
            guard ContentLoader.pageFiles(root: options.root) == previous.files else { return nil }
            changedFiles = previous.files.indices.filter { FileStamp(path: previous.files[$0].path) != previous.stamps[$0] }
        }
        let reloaded = Parallel.map(changedFiles) { (ContentLoader.load(previous.files[$0]), FileStamp(path: previous.files[$0].path)) }
        var pages = previous.index.pages
        var changedPages: [Int] = []
        var namesChanged = false, indexChanged = false
        let pageNumbers = previous.pageNumbers()
        for (file, (result, stamp)) in zip(changedFiles, reloaded) {
            // The set of pages must stay the same: a page that no longer loads, or
            // becomes or stops being a draft, needs a full build.
            guard let stamp, let number = pageNumbers[file], let page = result.page, options.includeDrafts || !page.draft else { return nil }
            state.loaded[file] = result
            state.stamps[file] = stamp
            let old = pages[number]
            // A new URL means files to add and remove: a full build. So do old URLs
            // (redirect pages name the page).
            guard old.path == page.path, old.urlAliases.isEmpty, page.urlAliases.isEmpty else { return nil }
            if old.title != page.title || old.slug != page.slug || old.kind != page.kind || old.path != page.path
                || old.aliases.map(\.value) != page.aliases.map(\.value) {
                namesChanged = true
            }
            if old.location != page.location || old.aliases != page.aliases || old.source != page.source { indexChanged = true }
            pages[number] = page
            changedPages.append(number)
        }
        timer.finish("load")
        timer.finish("datasets")

        // 2. index: rebuilt when names or where they are written changed, else updated.
        // Lookups depend on names only; the index's problems (two pages with one name or
        // URL) also name where things are written, so a page that has any gets a new index.
        if indexChanged, !namesChanged {
            let sources = Set(changedPages.map { pages[$0].source })
            indexChanged = previous.index.diagnostics.contains { diagnostic in
                sources.contains(diagnostic.location.file) || sources.contains { diagnostic.message.contains($0) }
            }
        }
        // The glossary's intro links terms by name, like the home page's text.
        if namesChanged, previous.intro != nil { return nil }
        if namesChanged || indexChanged {
            state.index = PageIndex(pages: pages)
            (state.related, state.relatedDiagnostics) = state.index.resolveRelatedByPage()
        } else {
            state.index = previous.index.replacingPages(pages)
            for number in changedPages {
                (state.related[number], state.relatedDiagnostics[number]) = state.index.resolveRelated(of: number)
            }
        }
        timer.finish("index")

        // 3. markdown: the changed pages, and when names changed the pages that can
        //    mention them (and the home page's content).
        var converting = Set(changedPages)
        if namesChanged {
            if state.config.autolink { state.matcher = TermMatcher(index: state.index) }
            let names = changedPages.flatMap { number in
                [previous.index.pages[number], pages[number]].flatMap { [$0.title, $0.slug] + $0.aliases.map(\.value) }
            }
            if names.contains(where: { !$0.utf8.isASCII }) {
                converting = Set(pages.indices)
            } else {
                let search = NameSearch(Array(Set(names.map { $0.trimmingBlanks() })))
                let pages = pages
                let mentioning = Parallel.map(Array(pages.indices)) { number -> Bool in
                    !previous.bodies[number].diagnostics.isEmpty || search.occurs(in: pages[number].body)
                }
                converting.formUnion(pages.indices.filter { mentioning[$0] })
            }
        }
        let converter = state.converter()
        let numbers = converting.sorted()
        let converted = Parallel.map(numbers) { converter.convert(page: $0) }
        for (number, body) in zip(numbers, converted) { state.bodies[number] = body }
        if namesChanged { state.homeBody = state.home.map { converter.convert($0) } }
        timer.finish("markdown")

        // 4. link: updated in place unless titles (so every order) changed.
        if namesChanged {
            state.site = LinkedSite(config: state.config, index: state.index, bodies: state.bodies, related: state.related)
        } else {
            state.site = previous.site.updating(index: state.index, bodies: state.bodies, related: state.related, changed: converting.union(changedPages).sorted())
        }
        state.site.dashboardHTML = state.homeBody?.html
        timer.finish("link")

        // A build with errors writes nothing, like a full one; the next build is full.
        var diagnostics = state.diagnostics
        guard !diagnostics.failBuild(strict: options.strict), !options.dryRun else {
            self.state = state
            return BuildResult(diagnostics: diagnostics, pageCount: previous.pageCount, fileCount: previous.fileCount,
                               datasetCount: state.datasets.count, wrote: false, timings: timer.timings)
        }

        // 5. render what changed: signatures from faces, recomputed for pages whose
        //    fields or body changed (a summary comes from the body).
        var faces = previous.signatures.faces, bodyHashes = previous.signatures.bodies
        let refreshed = converting.union(changedPages).sorted()
        let linked = state.site
        let newFaces = Parallel.map(refreshed) { (RenderSignatures.face(linked, $0), linked.bodies[$0].html.hashValue) }
        var fragments = previous.site.fragments ?? SiteFragments(site: state.site)
        var changedFaces: [Int] = []
        for (number, (face, body)) in zip(refreshed, newFaces) {
            if faces[number] != face { changedFaces.append(number) }
            faces[number] = face
            bodyHashes[number] = body
        }
        fragments.refresh(changedFaces, site: state.site)
        state.site.fragments = fragments
        let alerts = state.alerts.fired.map(\.message)
        let signatures = RenderSignatures(site: state.site, faces: faces, bodies: bodyHashes, dashboard: state.site.dashboardHTML, alerts: alerts)
        let pagesToRender = state.site.pages.indices.filter { signatures.pages[$0] != previous.signatures.pages[$0] }
        let siteFilesToRender = SiteBuilder.SiteFile.allCases.filter { signatures.siteFiles[$0] != previous.signatures.siteFiles[$0] }
        let contexts = PageContexts(site: state.site)
        let theme = state.theme, site = state.site
        let files = Parallel.map(Array(0..<(siteFilesToRender.count + pagesToRender.count))) { job -> OutputFile in
            if job < siteFilesToRender.count { return siteFilesToRender[job].render(site: site, contexts: contexts, theme: theme, alerts: alerts) }
            return SiteBuilder.renderPage(pagesToRender[job - siteFilesToRender.count], site: site, contexts: contexts, theme: theme)
        }
        timer.finish("render")

        // 6. write the files whose bytes changed, each replaced atomically.
        var filesWritten = 0
        do {
            filesWritten = try OutputUpdate.write(files, into: options.output)
            state.wrote = true
        } catch {
            diagnostics.error("cannot write the site: \(FileError.describe(error))", at: SourceLocation(file: options.output.path))
        }
        timer.finish("write")
        state.signatures = signatures
        self.state = state
        let renderedPages = files.filter { $0.path.hasSuffix(".html") }.count
        return BuildResult(diagnostics: diagnostics, pageCount: previous.pageCount, fileCount: previous.fileCount,
                           datasetCount: state.datasets.count, wrote: state.wrote,
                           renderedPageCount: renderedPages, changedFileCount: filesWritten, timings: timer.timings)
    }

    /// Builds' data left for the process's exit (`BuildOptions.keepsMemoryUntilExit`).
    private static let keptUntilExit = Mutex<[State]>([])

    /// Whether a changed path could be a page file a full build would load.
    static func couldBePageFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let inFolder = SiteLayout.pageFolderPrefixes.contains { path.hasPrefix($0) }
        return inFolder && name.hasSuffix(".md") && !name.hasPrefix("_") && !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// What one build made and read, for the next.
    struct State {
        var inputs: [String: FileStamp] = [:]
        var files: [SourceFile] = []
        var stamps: [FileStamp?] = []
        var loaded: [PageLoader.Result] = []
        var config = SiteConfig()
        var configDiagnostics: [Diagnostic] = []
        var optionDiagnostics: [Diagnostic] = []
        var theme = Theme.empty
        var themeDiagnostics: [Diagnostic] = []
        var contentFolderDiagnostics: [Diagnostic] = []
        var datasets: [Dataset] = []
        var datasetDiagnostics: [Diagnostic] = []
        var index = PageIndex(pages: [])
        var related: [[Int]] = []
        var relatedDiagnostics: [[Diagnostic]] = []
        var matcher: TermMatcher?
        var bodies: [RenderedMarkdown] = []
        var home: Page?
        var homeDiagnostics: [Diagnostic] = []
        var homeBody: RenderedMarkdown?
        var glossaryFolder = GlossaryFolder(intro: nil, resources: [:], diagnostics: [])
        var intro: Page?
        var introDiagnostics: [Diagnostic] = []
        var introBody: RenderedMarkdown?
        var redirects = RedirectPages(index: PageIndex(pages: []))
        /// Every file the build writes, for checking links.
        var outputPaths: Set<String> = []
        /// Links of the built files that name no file of the site, and files that could
        /// not be copied.
        var linkCheckDiagnostics: [Diagnostic] = []
        var site = LinkedSite(config: SiteConfig(), index: PageIndex(pages: []), bodies: [], related: [])
        var alerts = Alerts.evaluate([], datasets: [])
        var signatures = RenderSignatures(faces: [], bodies: [], pages: [], siteFiles: [:])
        var wrote = false
        var pageCount = 0
        var fileCount = 0

        func converter() -> MarkdownConverter {
            MarkdownConverter(index: index, matcher: matcher, unsafe: config.unsafe,
                              directives: DatasetBlockRenderer(datasets: datasets, index: index, currencyCode: config.currency),
                              smart: config.smart, outputPaths: outputPaths, resources: glossaryFolder.resources)
        }

        /// Each file's page number, nil for files that give no page (errors, drafts).
        func pageNumbers() -> [Int?] {
            var number = 0
            return loaded.map { result in
                guard let page = result.page, includesDrafts || !page.draft else { return nil }
                defer { number += 1 }
                return number
            }
        }

        var includesDrafts = false

        /// Every problem, in the order a full build reports them; those that follow from
        /// a page file or a dataset's sidecar failing to load are marked so
        /// (`FollowOnProblems`).
        var diagnostics: Diagnostics {
            var all = Diagnostics()
            all.append(contentsOf: optionDiagnostics)
            all.append(contentsOf: configDiagnostics)
            // By index, skipping the many empty lists: `for result in loaded` copies pages.
            for file in loaded.indices where !loaded[file].diagnostics.isEmpty { all.append(contentsOf: loaded[file].diagnostics) }
            all.append(contentsOf: themeDiagnostics)
            all.append(contentsOf: contentFolderDiagnostics)
            all.append(contentsOf: datasetDiagnostics)
            all.append(contentsOf: index.diagnostics)
            for page in relatedDiagnostics.indices where !relatedDiagnostics[page].isEmpty { all.append(contentsOf: relatedDiagnostics[page]) }
            for page in bodies.indices where !bodies[page].diagnostics.isEmpty { all.append(contentsOf: bodies[page].diagnostics) }
            all.append(contentsOf: homeDiagnostics)
            all.append(contentsOf: homeBody?.diagnostics ?? [])
            all.append(contentsOf: glossaryFolder.diagnostics)
            all.append(contentsOf: introDiagnostics)
            all.append(contentsOf: introBody?.diagnostics ?? [])
            all.append(contentsOf: redirects.diagnostics)
            all.append(contentsOf: alerts.diagnostics)
            return FollowOnProblems.marked(all, failedPages: FollowOnProblems.failedPages(files, loaded),
                                           failedSidecars: FollowOnProblems.failedSidecars(datasetDiagnostics))
        }
    }
}
