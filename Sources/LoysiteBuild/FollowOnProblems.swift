import LoysiteContent
import LoysiteRender
import LoysiteReports
import LoysiteSupport

/// A page file that fails to load (an unclosed front matter, say) defines none of its
/// names, so every wikilink, related entry and link to it fails too: one mistake, twenty
/// errors, and sorted by path the real one is lost among them. Likewise a dataset whose
/// sidecar (`orders.yml`) fails to load is read with the defaults, and every chart or
/// tile asking it for orders' figures fails. Those follow-on problems are marked with the
/// file they follow from (`Diagnostic.cause`), which lists them after every root cause
/// and says why they happened; the summary counts them apart.
enum FollowOnProblems {
    /// `diagnostics` with the problems about a name that only a failed file could have
    /// defined marked as its consequences. A failed page's names are not known, but its
    /// slug is its file name's, which is also what a link or related entry most often
    /// spells (`churn-rate`, `Churn rate`, `/glossary/churn-rate/`); a dataset's name is
    /// its file name's.
    static func marked(_ diagnostics: Diagnostics, failedPages: [String], failedSidecars: [String]) -> Diagnostics {
        guard !failedPages.isEmpty || !failedSidecars.isEmpty else { return diagnostics }
        var bySlug: [String: String] = [:]
        for file in failedPages {
            if let slug = Slug.make(from: stem(file)), bySlug[slug] == nil { bySlug[slug] = file }
        }
        var byDataset: [String: String] = [:]
        for file in failedSidecars { byDataset[DatasetBlockRenderer.subject(stem(file))] = file }
        let failed = Set(failedPages + failedSidecars)
        return Diagnostics(diagnostics.all.map { diagnostic in
            guard let subject = diagnostic.subject, !failed.contains(diagnostic.location.file) else { return diagnostic }
            guard let file = byDataset[subject] ?? Slug.make(from: subject).flatMap({ bySlug[$0] }) else { return diagnostic }
            var marked = diagnostic
            marked.cause = file
            return marked
        })
    }

    /// `churn-rate` of `content/glossary/churn-rate.md`.
    static func stem(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The page files that gave no page because of an error.
    static func failedPages(_ files: [SourceFile], _ loaded: [PageLoader.Result]) -> [String] {
        zip(files, loaded).compactMap { file, result in
            result.page == nil && result.diagnostics.contains { $0.severity == .error } ? file.relativePath : nil
        }
    }

    /// The dataset sidecars (`content/data/<name>.yml`) that could not be read.
    static func failedSidecars(_ datasetDiagnostics: [Diagnostic]) -> [String] {
        let files = datasetDiagnostics.filter { diagnostic in
            let file = diagnostic.location.file
            return diagnostic.severity == .error && file.hasPrefix(SiteLayout.dataFolder + "/") && (file.hasSuffix(".yml") || file.hasSuffix(".yaml"))
        }.map(\.location.file)
        return Array(Set(files)).sorted()
    }
}
