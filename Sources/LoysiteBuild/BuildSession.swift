import Foundation
import LoysiteContent
import Synchronization
import LoysiteMetrics
import LoysiteRender
import LoysiteReports
import LoysiteSupport

/// Builds one site again and again (`loysite serve`), keeping what each build made so
/// the next does only what changed. `build`, `check` and every rebuild run the same
/// pipeline (`run`), whose steps each take what changed:
///
/// 1. **load** (`ChangeSet` → `PageChanges`): page files whose stamp (time, size, inode)
///    changed are read again; anything else that changed — site.yml, templates,
///    datasets, a page file added or removed, failing to load or turning into a draft, a
///    page's URL — is "everything", and a full build is this pipeline with everything;
/// 2. **index**: rebuilt when what it reads of a page (`IndexedPage`: title, aliases,
///    slug, `id:`, kind, path) or the places its problems name changed, else updated;
/// 3. **markdown**: the changed pages, and, when names changed, the pages whose text
///    contains one of the old or new names (the only ones whose links can differ) and
///    those with problems (whose suggestions can);
/// 4. **link**: backlinks, A–Z order, summaries, updated in place;
/// 5. **render**: every file notes what it read of the site while it is made
///    (`SiteReader`); a rebuild compares the new linked site with the last one
///    (`SiteChanges`) and renders the files that read something that changed;
/// 6. **write**: a full build swaps a new folder in; a rebuild replaces just the files
///    whose bytes differ, each atomically.
///
/// The output is always exactly what a full build of the same content writes (tests
/// compare the two).
package final class BuildSession: @unchecked Sendable {
    package let options: BuildOptions
    private var state: State?
    private let lock = NSLock()

    package init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site. `changed`: paths relative to the root known to have changed since
    /// the last build (what a watcher reports); nil means look at every page file.
    package func build(changed: [String]? = nil) -> BuildResult {
        lock.lock()
        defer { lock.unlock() }
        // A previous build that failed or wrote nothing leaves no output to update.
        if let previous = state, previous.wrote {
            let changes = ChangeSet(since: previous, paths: changed, root: options.root)
            // Handed over, not shared: see `run`.
            state = nil
            if let result = run(changes, previous: consume previous, keepingState: true) { return result }
        }
        return run(.everything, previous: nil, keepingState: true)!
    }

    /// A build from nothing; `keepingState` also records what the next build needs.
    func full(keepingState: Bool) -> BuildResult {
        run(.everything, previous: nil, keepingState: keepingState)!
    }

    /// The pipeline. nil when the load step finds that `changes` need everything.
    private func run(_ changes: ChangeSet, previous handed: consuming State?, keepingState: Bool) -> BuildResult? {
        var timer = StepTimer(progress: options.progress)
        var state: State
        let pages: PageChanges
        var previous = handed
        if let last = previous, !changes.isEverything {
            state = last
            // What a rebuild updates in place (each file's reads, the kept parts of the
            // site-wide files) is left to `state` alone: shared with `previous`, every
            // change would copy 10,000 entries first. `previous` is kept for comparing
            // the sites, which needs neither.
            previous!.reads = .empty
            previous!.site.fragments = nil
            previous!.unresolvedLinks = [:]
            state.wrote = false
            guard let found = reload(changes, into: &state) else { return nil }
            pages = found
        } else {
            state = load(keepingState: keepingState)
            pages = .all
        }
        timer.finish("load")
        // The datasets are loaded alongside the pages (they need only site.yml).
        timer.finish("datasets")

        index(pages, &state)
        timer.finish("index")

        let converted: [PageID] = convert(pages, &state)
        timer.finish("markdown")

        link(pages, converted: converted, &state, previous: previous, keepingState: keepingState)
        timer.finish("link")

        let result: BuildResult
        if let previous, !pages.everything {
            result = update(&state, previous: previous, pages: pages, timer: &timer)
        } else {
            result = renderAndSwap(&state, keepingState: keepingState, timer: &timer)
        }
        if keepingState {
            self.state = state
        } else if options.keepsMemoryUntilExit {
            BuildSession.keptUntilExit.withLock { $0.append(state) }
        }
        return result
    }

    // MARK: 1. load

    /// Everything read from disk: site.yml, every page file, the theme, the datasets and
    /// the glossary folder's own files.
    private func load(keepingState: Bool) -> State {
        // First of all, even for a build that will fail: a build killed between the two
        // renames of a fallback swap left no output, only its set-aside old site.
        StagingFolders(output: options.output).recover()
        var state = State()
        state.includesDrafts = options.includeDrafts
        // Kept with the theme loaded here: the templates are what the kept items' bodies are.
        state.keptItems = keepingState ? KeptItemRenderings() : nil
        state.inputs = keepingState ? FileStamp.inputs(root: options.root) : [:]
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
        // The datasets (content/data/): every figure of SPEC §2, written to metrics.json.
        (state.datasets, state.datasetDiagnostics) = datasets
        // Pages stand in the index as the previous build's pages until the index step.
        state.index = PageIndex(pages: [])
        state.pendingPages = PerPage(content.pages)
        return state
    }

    /// The changed page files read again into `state`; nil when the change needs
    /// everything (the set of pages or a URL changed).
    private func reload(_ changes: ChangeSet, into state: inout State) -> PageChanges? {
        if let list = changes.fileList { return reload(list, changed: changes.pageFiles ?? [], into: &state) }
        let changedFiles = changes.pageFiles ?? []
        let files = state.files
        let reloaded = Parallel.map(changedFiles) { (ContentLoader.load(files[$0]), FileStamp(path: files[$0].path)) }
        var pages = state.index.pages
        var found = PageChanges(everything: false, pages: [], names: false, indexProblems: false)
        let pageNumbers = state.pageNumbers()
        for (file, (result, stamp)) in zip(changedFiles, reloaded) {
            // The set of pages must stay the same: a page that no longer loads, or
            // becomes or stops being a draft, needs a full build.
            guard let stamp, let number = pageNumbers[file], let page = result.page, options.includeDrafts || !page.draft else { return nil }
            state.loaded[file] = result
            state.stamps[file] = stamp
            // A new URL means files to add and remove: a full build. So do old URLs
            // (redirect pages name the page).
            guard pages[number].path == page.path, pages[number].urlAliases.isEmpty, page.urlAliases.isEmpty else { return nil }
            // Whatever the index reads of the page decides whether it is built again.
            let indexed = IndexedPage(page), before = state.index.indexed[number]
            if indexed.names != before.names { found.names = true }
            // The index's problems are said at pages' locations and aliases' places.
            if state.index.pagesWithProblems.contains(number), indexed.places != before.places {
                found.indexProblems = true
            }
            found.formerNames += PageChanges.names(of: pages[number])
            pages[number] = page
            found.pages.append(number)
        }
        // The glossary's intro links terms by name, like the home page's text, and is
        // converted only by a full build.
        if found.names, state.intro != nil { return nil }
        state.pendingPages = pages
        return found
    }

    /// Page files added or removed (`list` is the new list, `changed` the old files
    /// whose stamp changed): new and changed files read, the others' pages kept, and
    /// everything the last build kept by page number carried over to the new numbers.
    /// nil when that needs everything: a page that does not load or is a draft, old URLs
    /// (redirect pages), the glossary's intro (it links terms by name).
    private func reload(_ list: [SourceFile], changed: [Int], into state: inout State) -> PageChanges? {
        guard state.redirects.redirects.isEmpty, state.intro == nil, let filler = state.bodies.first else { return nil }
        let oldFile = Dictionary(uniqueKeysWithValues: state.files.enumerated().map { ($1.relativePath, $0) })
        let changedFiles = Set(changed)
        let toLoad = list.indices.filter { oldFile[list[$0].relativePath].map(changedFiles.contains) ?? true }
        let loadedNow = Parallel.map(toLoad) { (ContentLoader.load(list[$0]), FileStamp(path: list[$0].path)) }
        var loaded = list.map { file in oldFile[file.relativePath].map { state.loaded[$0] } }
        var stamps = list.map { file in oldFile[file.relativePath].flatMap { state.stamps[$0] } }
        for (file, (result, stamp)) in zip(toLoad, loadedNow) {
            guard let stamp, let page = result.page, options.includeDrafts || !page.draft, page.urlAliases.isEmpty else { return nil }
            loaded[file] = result
            stamps[file] = stamp
        }
        let oldPages = state.index.pages
        var newState = state
        newState.files = list
        newState.loaded = loaded.map { $0! }
        newState.stamps = stamps
        var pages = PerPage<Page>([])
        for result in newState.loaded {
            if let page = result.page, options.includeDrafts || !page.draft { pages.append(page) }
        }
        let renumbering = PageRenumbering(old: oldPages.map(\.source), new: pages.map(\.source))
        var found = PageChanges(everything: false, pages: renumbering.added, names: true, indexProblems: true, renumbering: renumbering)
        let reloadedSources = Set(toLoad.map { list[$0].relativePath })
        for number in pages.indices {
            guard let old = renumbering.oldNumber[number], reloadedSources.contains(pages[number].source) else { continue }
            // A page kept its file but not its URL: files to add and remove, a full build.
            guard oldPages[old].path == pages[number].path, oldPages[old].urlAliases.isEmpty else { return nil }
            found.pages.append(number)
            found.formerNames += PageChanges.names(of: oldPages[old])
        }
        let removed = renumbering.removed
        for old in removed { found.formerNames += PageChanges.names(of: oldPages[old]) }
        let removedSet = Set(removed)
        found.linkingToRemoved = pages.indices.filter { number in
            renumbering.oldNumber[number].map { !state.bodies[$0].linkedPages.isDisjoint(with: removedSet) } ?? false
        }
        // Kept by page number: bodies (the added pages' are made by the markdown step),
        // what each file read, each page's parts of the site-wide files.
        // The pages a body links to are numbers too (for backlinks); on every core, as
        // are the reads.
        let oldBodies = state.bodies
        newState.bodies = renumbering.carry(PerPage(Parallel.map(Array(oldBodies.indices)) { number -> RenderedMarkdown in
            var body = oldBodies[number]
            // Made again only when one of its pages moved (most keep their ids when a file sorts late).
            if !body.linkedPages.isEmpty, !body.linkedPages.allSatisfy({ renumbering.newNumber[$0] == $0 }) {
                body.linkedPages = Set(body.linkedPages.compactMap { renumbering.newNumber[$0] })
            }
            return body
        }), filling: filler)
        newState.reads.pages = renumbering.carry(PerPage(Parallel.map(state.reads.pages.array, renumbering.map)), filling: [])
        newState.reads.siteFiles = state.reads.siteFiles.mapValues(renumbering.map)
        newState.site.fragments = state.site.fragments.map { $0.carried(by: renumbering) }
        for old in removed { newState.unresolvedLinks[oldPages[old].path + SiteLayout.Output.home] = nil }
        newState.pendingPages = pages
        state = newState
        return found
    }

    // MARK: 2. index

    /// Pages by URL and name, `related` resolved, duplicate URLs found; the auto-link
    /// matcher built at the same time (it needs only the index).
    private func index(_ changes: PageChanges, _ state: inout State) {
        let pages = state.pendingPages
        state.pendingPages = PerPage([])
        if changes.everything {
            // `related` is resolved in chunks, which the core not building the matcher
            // takes, and the other too once the matcher is done.
            let index = PageIndex(pages: pages)
            state.index = index
            let autolink = state.config.autolink
            let count = index.pages.count, chunk = 512
            let (relatedChunks, matcher) = Parallel.map(Array(stride(from: 0, to: count, by: chunk)), alongside: {
                autolink ? TermMatcher(index: index) : nil
            }) { start in index.resolveRelated(in: PageID(start)..<PageID(min(start + chunk, count))) }
            state.related = PerPage(relatedChunks.flatMap(\.related))
            state.relatedDiagnostics = PerPage(relatedChunks.flatMap(\.diagnostics))
            state.matcher = matcher
            state.redirects = RedirectPages(index: index)
            state.outputPaths = BuildSession.outputPaths(index: index, theme: state.theme, folder: state.glossaryFolder, redirects: state.redirects)
            state.outputTable = OutputPathTable(state.outputPaths)
        } else if changes.names, updateIndexInPlace(changes, pages: pages, &state) {
            // Names moved in the index and the matcher, `related` resolved again where it can differ.
        } else if changes.names || changes.indexProblems {
            let index = PageIndex(pages: pages)
            state.index = index
            // As in a full build: the matcher built on one core while `related` is resolved.
            let count = pages.count, chunk = 512, matcher = changes.names && state.config.autolink
            let (relatedChunks, newMatcher) = Parallel.map(Array(stride(from: 0, to: count, by: chunk)), alongside: {
                matcher ? TermMatcher(index: index) : nil
            }) { start in index.resolveRelated(in: PageID(start)..<PageID(min(start + chunk, count))) }
            state.related = PerPage(relatedChunks.flatMap(\.related))
            state.relatedDiagnostics = PerPage(relatedChunks.flatMap(\.diagnostics))
            if matcher { state.matcher = newMatcher }
            if changes.renumbering != nil {
                state.redirects = RedirectPages(index: state.index)
                state.outputPaths = BuildSession.outputPaths(index: state.index, theme: state.theme, folder: state.glossaryFolder, redirects: state.redirects)
                state.outputTable = OutputPathTable(state.outputPaths)
            }
        } else {
            state.index = state.index.replacingPages(pages, changed: changes.pages)
            for number in changes.pages {
                (state.related[number], state.relatedDiagnostics[number]) = state.index.resolveRelated(of: number)
            }
        }
    }

    /// When titles or aliases changed, or pages were added or removed: the index and the
    /// matcher updated in place (`PageIndex.renamingPages` and `renumbering`,
    /// `TermMatcher.renaming` and `renumbering`) rather than built again, and `related`
    /// resolved again only for the pages whose entries can resolve differently: those
    /// that named an old name of a changed or removed page (they resolved to it), or a
    /// new one (they resolved to nothing and have a problem), and the changed pages.
    /// false when the index cannot be updated so (the caller builds it anew).
    private func updateIndexInPlace(_ changes: PageChanges, pages: PerPage<Page>, _ state: inout State) -> Bool {
        let index: PageIndex
        var related = state.related, relatedDiagnostics = state.relatedDiagnostics
        // The pages whose names changed or that came, by new id; and those whose `related`
        // named a page that went.
        let changed = Set(changes.pages)
        var namedGone = Set<PageID>()
        var matcher = state.matcher
        if let renumbering = changes.renumbering {
            let added = Set(renumbering.added)
            // The output paths (only the pages' changed: the session keeps no redirects
            // across added or removed pages) made on the other core meanwhile.
            let last = state.index, autolink = state.config.autolink, lastMatcher = matcher, reread = changes.pages.filter { !added.contains($0) }
            let changedPages = changes.pages
            let theme = state.theme, folder = state.glossaryFolder, redirects = state.redirects
            let (updated, paths) = Parallel.map([0], alongside: {
                let paths = BuildSession.outputPaths(pages: pages, theme: theme, folder: folder, redirects: redirects)
                return (paths, OutputPathTable(paths))
            }) { _ -> (PageIndex, TermMatcher?)? in
                guard let renumbered = last.renumbering(pages, newNumber: renumbering.newNumber, added: renumbering.added),
                      let renamed = renumbered.renamingPages(pages, changed: reread) else { return nil }
                guard autolink else { return (renamed, nil) }
                return (renamed, lastMatcher?.renumbering(renumbering.newNumber, changed: changedPages, in: renamed) ?? TermMatcher(index: renamed))
            }
            guard let (renamed, renumberedMatcher) = updated[0] else { return false }
            index = renamed
            matcher = renumberedMatcher
            (state.outputPaths, state.outputTable) = paths
            let gone = Set(renumbering.removed)
            let oldRelated = related, oldDiagnostics = relatedDiagnostics
            related = renumbering.carry(PerPage(oldRelated.map { $0.compactMap { renumbering.newNumber[$0] } }), filling: [])
            relatedDiagnostics = renumbering.carry(oldDiagnostics, filling: [])
            for (old, list) in zip(oldRelated.indices, oldRelated) where !list.isEmpty && list.contains(where: gone.contains) {
                if let new = renumbering.newNumber[old] { namedGone.insert(new) }
            }
        } else {
            guard let renamed = state.index.renamingPages(pages, changed: changes.pages) else { return false }
            index = renamed
            if state.config.autolink { matcher = matcher?.renaming(changes.pages, in: index) ?? TermMatcher(index: index) }
        }
        state.index = index
        state.matcher = matcher
        let resolving = pages.indices.filter { number in
            changed.contains(number) || namedGone.contains(number) || !relatedDiagnostics[number].isEmpty || related[number].contains(where: changed.contains)
        }
        for number in resolving { (related[number], relatedDiagnostics[number]) = index.resolveRelated(of: number) }
        state.related = related
        state.relatedDiagnostics = relatedDiagnostics
        return true
    }

    // MARK: 3. markdown

    /// Bodies converted with libcmark (directives, wikilinks, links, auto-links), in
    /// parallel. Returns the pages converted (all of them for everything).
    private func convert(_ changes: PageChanges, _ state: inout State) -> [PageID] {
        let converter = state.converter()
        if changes.everything {
            let progress = options.progress
            progress?.counting(state.index.pages.count)
            state.bodies = PerPage(Parallel.map(Array(state.index.pages.indices)) { number in
                defer { progress?.advance() }
                return converter.convert(page: number)
            })
            (state.home, state.homeDiagnostics) = HomePage.load(root: options.root, datasets: state.datasets)
            state.homeBody = state.home.map { converter.convert($0) }
            state.introBody = state.intro.map { converter.convert($0) }
            return Array(state.index.pages.indices)
        }
        var converting = Set(changes.pages).union(changes.linkingToRemoved)
        if changes.names {
            let pages = state.index.pages
            let names = changes.formerNames + changes.pages.flatMap { PageChanges.names(of: pages[$0]) }
            if names.contains(where: { !$0.utf8.isASCII }) {
                converting = Set(pages.indices)
            } else {
                // The last build's bodies, by this build's numbers (the added pages' are
                // converted anyway).
                // `map` hands each body over in place; `bodies[id]` would copy it.
                let search = NameSearch(Array(Set(names.map { $0.trimmingBlanks() })))
                let hasProblems = PerPage(state.bodies.map { !$0.diagnostics.isEmpty })
                let mentioning = PerPage(Parallel.map(Array(pages.indices)) { number -> Bool in
                    hasProblems[number] || search.occurs(in: pages[number].body)
                })
                converting.formUnion(pages.indices.filter { mentioning[$0] })
            }
        }
        let numbers = converting.sorted()
        let converted = Parallel.map(numbers) { converter.convert(page: $0) }
        for (number, body) in zip(numbers, converted) { state.bodies[number] = body }
        if changes.names { state.homeBody = state.home.map { converter.convert($0) } }
        return numbers
    }

    // MARK: 4. link

    /// Backlinks, summaries, A–Z order; then the alerts (site.yml), whose fired ones are
    /// warnings, shown on the dashboard and in metrics.json.
    private func link(_ changes: PageChanges, converted: [PageID], _ state: inout State, previous: State?, keepingState: Bool) {
        if previous == nil || changes.everything {
            state.site = LinkedSite(config: state.config, index: state.index, bodies: state.bodies, related: state.related, reusing: previous?.site)
        } else {
            // Names changed or not, pages added or removed or not: updated in place.
            let changed = Set(converted).union(changes.pages).union(changes.renumbering?.added ?? []).sorted()
            state.site = state.site.updating(index: state.index, bodies: state.bodies, related: state.related, changed: changed, renumbering: changes.renumbering)
        }
        state.site.dashboardHTML = state.homeBody?.html
        state.site.glossaryIntroHTML = state.introBody?.html
        state.site.glossaryIntroReportedLinks = state.introBody?.reportedLinks ?? []
        if changes.everything { state.alerts = Alerts.evaluate(state.config.alerts, datasets: state.datasets) }
        state.site.alerts = state.alerts.fired.map(\.message)
        if keepingState, changes.everything { state.site.fragments = SiteFragments(site: state.site) }
    }

    // MARK: 5 and 6. render and write

    /// Every file rendered, each page written into the staging folder as soon as it is
    /// made when the site is to be written (so the site is never all in memory); then the
    /// files made from all pages, then the swap.
    private func renderAndSwap(_ state: inout State, keepingState: Bool, timer: inout StepTimer) -> BuildResult {
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
        let rendered = SiteBuilder.render(site: state.site, theme: state.theme, into: staged, checking: state.outputPaths, table: state.outputTable,
                                          recording: keepingState, keeping: state.keptItems, progress: options.progress)
        var files = rendered.files
        files.append(OutputFile(path: SiteLayout.Output.metrics, text: MetricsDocument.fileContents(datasets: state.datasets, alerts: state.alerts.json, version: LoysiteVersion.current)))
        files += state.redirects.files(site: state.site)
        let (copies, copyDiagnostics) = BuildSession.copiedFiles(state.glossaryFolder, root: options.root)
        files += copies
        state.copyDiagnostics = copyDiagnostics
        state.unresolvedLinks = Dictionary(rendered.unresolvedLinks, uniquingKeysWith: { $1 })
        state.reads = rendered.reads ?? .empty
        diagnostics.append(contentsOf: state.afterRenderDiagnostics)
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
        return BuildResult(diagnostics: diagnostics, pageCount: state.pageCount, fileCount: state.fileCount,
                           datasetCount: state.datasets.count, wrote: state.wrote, timings: timer.timings)
    }

    /// The files that read something that changed since `previous`, rendered again and
    /// written where their bytes differ. A build with errors writes nothing, like a full
    /// one, and the next build is full.
    private func update(_ state: inout State, previous: State, pages: PageChanges, timer: inout StepTimer) -> BuildResult {
        var diagnostics = state.diagnostics
        // One HTML file per page added or removed.
        let pageDelta = (pages.renumbering?.added.count ?? 0) - (pages.renumbering?.removed.count ?? 0)
        state.pageCount = previous.pageCount + pageDelta
        state.fileCount = previous.fileCount + pageDelta
        guard !diagnostics.failBuild(strict: options.strict), !options.dryRun else {
            diagnostics.append(contentsOf: state.afterRenderDiagnostics)
            return BuildResult(diagnostics: diagnostics, pageCount: state.pageCount, fileCount: state.fileCount,
                               datasetCount: state.datasets.count, wrote: false, timings: timer.timings)
        }
        let renumbering = pages.renumbering
        let changed = SiteChanges(between: previous.site, state.site, renumbering: renumbering)
        // The parts are made from a copy of the site without them, so the kept ones have
        // one owner and are refreshed in place.
        var site = state.site
        site.fragments = nil
        let added = renumbering?.added ?? []
        state.site.fragments?.refresh(changed: changed, adding: added, site: site)
        let (affected, siteFilesToRender) = state.reads.affected(by: changed)
        let pagesToRender = added.isEmpty ? affected : Set(affected).union(added).sorted()
        let removedPaths = renumbering?.removed.map { previous.site.pages[$0].path } ?? []
        let contexts = PageContexts(site: state.site)
        let theme = state.theme, outputPaths = state.outputPaths, keptItems = state.keptItems
        let basePath = OutputLinkCheck.basePath(of: state.site.config.baseURL), table = state.outputTable
        let splice: BodySplice? = state.site.config.unsafe ? nil : BodySplice()
        let made = Parallel.map(Array(0..<(siteFilesToRender.count + pagesToRender.count))) { job -> (file: OutputFile, reads: [SiteRead], unresolved: [String]) in
            let log = ReadLog()
            let contexts = contexts.logging(into: log)
            @Sendable func check(_ file: OutputFile) -> [String] {
                file.path.hasSuffix(".html") ? OutputLinkCheck.unresolved(in: file.data, at: file.path, files: outputPaths, table: table, basePath: basePath) : []
            }
            if job < siteFilesToRender.count {
                let file = siteFilesToRender[job].render(contexts: contexts, theme: theme, keeping: keptItems)
                return (file, log.distinct, check(file))
            }
            let (file, unresolved) = SiteBuilder.renderPage(pagesToRender[job - siteFilesToRender.count], contexts: contexts, theme: theme, splice: splice, check: check)
            return (file, log.distinct, unresolved)
        }
        for (job, made) in made.enumerated() {
            if job < siteFilesToRender.count {
                state.reads.siteFiles[siteFilesToRender[job]] = made.reads
            } else {
                state.reads.pages[pagesToRender[job - siteFilesToRender.count]] = made.reads
            }
            state.unresolvedLinks[made.file.path] = made.unresolved.isEmpty ? nil : made.unresolved
        }
        diagnostics.append(contentsOf: state.afterRenderDiagnostics)
        timer.finish("render")

        var filesWritten = 0
        do {
            filesWritten = try OutputUpdate.write(made.map(\.file), into: options.output)
            filesWritten += try OutputUpdate.remove(pageFolders: removedPaths, from: options.output)
            state.wrote = true
        } catch {
            diagnostics.error("cannot write the site: \(FileError.describe(error))", at: SourceLocation(file: options.output.path))
        }
        timer.finish("write")
        return BuildResult(diagnostics: diagnostics, pageCount: state.pageCount, fileCount: state.fileCount,
                           datasetCount: state.datasets.count, wrote: state.wrote,
                           renderedPageCount: made.filter { $0.file.path.hasSuffix(".html") }.count, changedFileCount: filesWritten, timings: timer.timings)
    }

    /// Builds' data left for the process's exit (`BuildOptions.keepsMemoryUntilExit`).
    private static let keptUntilExit = Mutex<[State]>([])
}
