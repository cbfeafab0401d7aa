import LoysiteContent
import LoysiteSupport

/// A page file that fails to load (an unclosed front matter, say) defines none of its
/// names, so every wikilink, related entry and link to it fails too: one mistake, twenty
/// errors, and sorted by path the real one is lost among them. Those follow-on problems
/// are marked with the file they follow from (`Diagnostic.cause`), which lists them
/// after every root cause and says why they happened; the summary counts them apart.
enum FollowOnProblems {
    /// `diagnostics` with the problems about a name that only a failed file could have
    /// defined marked as its consequences. A failed file's names are not known, but its
    /// slug is its file name's, which is also what a link or related entry most often
    /// spells (`churn-rate`, `Churn rate`, `/glossary/churn-rate/`).
    static func marked(_ diagnostics: Diagnostics, failedFiles: [String]) -> Diagnostics {
        guard !failedFiles.isEmpty else { return diagnostics }
        var bySlug: [String: String] = [:]
        for file in failedFiles {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
            if let slug = Slug.make(from: stem), bySlug[slug] == nil { bySlug[slug] = file }
        }
        let failed = Set(failedFiles)
        return Diagnostics(diagnostics.all.map { diagnostic in
            guard let subject = diagnostic.subject, !failed.contains(diagnostic.location.file),
                  let slug = Slug.make(from: subject), let file = bySlug[slug] else { return diagnostic }
            var marked = diagnostic
            marked.cause = file
            return marked
        })
    }

    /// The page files that gave no page because of an error.
    static func failedFiles(_ files: [SourceFile], _ loaded: [PageLoader.Result]) -> [String] {
        zip(files, loaded).compactMap { file, result in
            result.page == nil && result.diagnostics.contains { $0.severity == .error } ? file.relativePath : nil
        }
    }
}
