import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteRender
import LoysiteReports
import LoysiteSupport

extension BuildSession {
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
        /// The pages the load step made, handed to the index step.
        var pendingPages = PerPage<Page>([])
        var related = PerPage<[PageID]>([])
        var relatedDiagnostics = PerPage<[Diagnostic]>([])
        var matcher: TermMatcher?
        var bodies = PerPage<RenderedMarkdown>([])
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
        /// The same as bytes, for the link check.
        var outputTable = OutputPathTable([])
        /// Links of each built file that name no file of the site (`OutputLinkCheck`), by
        /// output path; only files that have some.
        var unresolvedLinks: [String: [String]] = [:]
        /// Files of the glossary folder that could not be copied.
        var copyDiagnostics: [Diagnostic] = []
        var site = LinkedSite(config: SiteConfig(), index: PageIndex(pages: []), bodies: PerPage([]), related: PerPage([]))
        var alerts = Alerts.evaluate([], datasets: [])
        /// What each output file read when it was rendered (kept by sessions only).
        var reads = RenderReads.empty
        /// The A–Z page's entries as the last build rendered them (sessions only).
        var keptItems: KeptItemRenderings?
        var wrote = false
        var pageCount = 0
        var fileCount = 0

        func converter() -> MarkdownConverter {
            MarkdownConverter(index: index, matcher: matcher, unsafe: config.unsafe,
                              directives: DatasetBlockRenderer(datasets: datasets, index: index, currencyCode: config.currency),
                              smart: config.smart, outputPaths: outputPaths, resources: glossaryFolder.resources)
        }

        /// Each file's page, nil for files that give no page (errors, drafts).
        func pageNumbers() -> [PageID?] {
            var number = 0
            return loaded.map { result in
                guard let page = result.page, includesDrafts || !page.draft else { return nil }
                defer { number += 1 }
                return PageID(number)
            }
        }

        var includesDrafts = false

        /// The problems found by rendering and writing: links of built files that name no
        /// file of the site, files that could not be copied.
        var afterRenderDiagnostics: [Diagnostic] {
            BuildSession.linkDiagnostics(unresolvedLinks.map { ($0.key, $0.value) }, site: site) + copyDiagnostics
        }

        /// Every problem, in the order a full build reports them; those that follow from
        /// a page file or a dataset's sidecar failing to load are marked so
        /// (`FollowOnProblems`).
        var diagnostics: Diagnostics {
            var all = Diagnostics()
            all.append(contentsOf: optionDiagnostics)
            all.append(contentsOf: configDiagnostics)
            for result in loaded where !result.diagnostics.isEmpty { all.append(contentsOf: result.diagnostics) }
            all.append(contentsOf: themeDiagnostics)
            all.append(contentsOf: contentFolderDiagnostics)
            all.append(contentsOf: datasetDiagnostics)
            all.append(contentsOf: index.diagnostics)
            for page in relatedDiagnostics.indices where !relatedDiagnostics[page].isEmpty { all.append(contentsOf: relatedDiagnostics[page]) }
            // `map` hands each body over in place; `bodies[id]` would copy it.
            for found in bodies.map(\.diagnostics) where !found.isEmpty { all.append(contentsOf: found) }
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
