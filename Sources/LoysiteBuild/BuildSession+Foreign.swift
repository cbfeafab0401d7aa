import Foundation
import LoysiteContent
import LoysiteRender
import LoysiteSupport

/// The parts of a build that carry over what a glossary from another generator brings
/// besides its terms: copied files, redirect pages, and the check that every internal
/// link of the output names a file of it.
extension BuildSession {
    /// Thrown to discard the staged site when the built pages turned up errors (or
    /// warnings with `--strict`) that were not known before rendering.
    struct Refused: Error {}

    /// Every file the build will write, known once pages are indexed: pages, the
    /// site-wide files, assets, copied files and redirects.
    static func outputPaths(index: PageIndex, theme: Theme, folder: GlossaryFolder, redirects: RedirectPages) -> Set<String> {
        outputPaths(pages: index.pages, theme: theme, folder: folder, redirects: redirects)
    }

    static func outputPaths(pages: PerPage<Page>, theme: Theme, folder: GlossaryFolder, redirects: RedirectPages) -> Set<String> {
        var paths = Set(pages.map { $0.path + "index.html" })
        paths.formUnion(SiteBuilder.SiteFile.allCases.map(\.path))
        paths.insert(SiteLayout.Output.metrics)
        paths.formUnion(theme.assets.keys.map { SiteLayout.Output.assetsFolder + $0 })
        paths.formUnion(folder.resources.values)
        paths.formUnion(redirects.outputPaths)
        // Each folder with an index page under its own name too (`glossary/nps/`), the
        // way links name it, so the check of every link of every page finds it without
        // making a string per link.
        let folders = paths.compactMap { $0.hasSuffix("/index.html") ? String($0.dropLast("index.html".count)) : nil }
        paths.formUnion(folders)
        return paths
    }

    /// The glossary folder's images and other files, read to be written into the site.
    static func copiedFiles(_ folder: GlossaryFolder, root: URL) -> ([OutputFile], [Diagnostic]) {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for (source, output) in folder.resources.sorted(by: { $0.key < $1.key }) {
            do {
                files.append(OutputFile(path: output, data: try Data(contentsOf: root.appendingPathComponent(source))))
            } catch {
                diagnostics.append(.error("cannot copy this file into the site: \(error.localizedDescription)", at: SourceLocation(file: source)))
            }
        }
        return (files, diagnostics)
    }

    /// Warnings for the built files' links that name no file of the site: a page's at
    /// its source file, a site-wide file's at the template it comes from. A broken link
    /// the theme puts on every page (a `nav` item of site.yml, say) is one warning, at the
    /// first file that has it, with the count of the others, not one per page.
    static func linkDiagnostics(_ unresolved: [(path: String, links: [String])], site: LinkedSite) -> [Diagnostic] {
        guard !unresolved.isEmpty else { return [] }
        var pageByOutput: [String: PageID] = [:]
        for number in site.pages.indices { pageByOutput[site.pages[number].path + "index.html"] = number }
        let basePath = OutputLinkCheck.basePath(of: site.config.baseURL)
        struct Finding { var path: String; var link: String; var location: SourceLocation; var others = 0 }
        var findings: [String: Finding] = [:]
        var order: [String] = []
        for (path, links) in unresolved.sorted(by: { $0.path < $1.path }) {
            let location: SourceLocation
            var links = links
            let folder = String(path.dropLast(path.hasSuffix("index.html") ? "index.html".count : 0))
            // What Markdown shown in the file links to was reported where it is written:
            // a page's body, or the glossary's own text on the A–Z page.
            var reportedInMarkdown: Set<String> = []
            if let number = pageByOutput[path] {
                location = SourceLocation(file: site.pages[number].source, line: 1, column: 1)
                reportedInMarkdown = site.bodies[number].reportedLinks
            } else {
                location = SourceLocation(file: SiteLayout.templateFile(path.split(separator: "/").first.map { String($0) }?.replacingOccurrences(of: ".html", with: "") ?? path))
                if path == SiteLayout.Output.glossaryIndex { reportedInMarkdown = site.glossaryIntroReportedLinks }
            }
            if !reportedInMarkdown.isEmpty {
                let reported = Set(reportedInMarkdown.compactMap { OutputLinkCheck.target(of: $0, folder: folder, basePath: basePath) })
                links.removeAll { OutputLinkCheck.target(of: $0, folder: folder, basePath: basePath).map(reported.contains) ?? false }
            }
            for link in Set(links).sorted() {
                let target = OutputLinkCheck.target(of: link, folder: folder, basePath: basePath) ?? path + " " + link
                if findings[target] != nil {
                    findings[target]!.others += 1
                } else {
                    findings[target] = Finding(path: path, link: link, location: location)
                    order.append(target)
                }
            }
        }
        // A nav item of site.yml is on every page: its problem is said at its line.
        var navByTarget: [String: SiteConfig.NavItem] = [:]
        for item in site.config.nav where item.location != nil {
            if let target = OutputLinkCheck.target(of: item.url, folder: "", basePath: basePath) { navByTarget[target] = navByTarget[target] ?? item }
        }
        return order.map { target in
            let finding = findings[target]!
            if let item = navByTarget[target], let location = item.location {
                let count = finding.others + 1
                return .warning("nav url '\(item.url)' names no page or file of the site (\(count) built file\(count == 1 ? "" : "s") link to it)", at: location)
            }
            let others = finding.others == 0 ? "" : "; \(finding.others) other built file\(finding.others == 1 ? "" : "s") link there too"
            return .warning("the built file \(finding.path) links to '\(finding.link)', which is not a file of the site (the link comes from the theme\(others))", at: finding.location)
        }
    }
}
