import Foundation
import LoysiteSupport

/// What `loysite build` (and `check`, `serve`) was asked to do.
package struct BuildOptions: Sendable {
    /// The site root: the folder holding `content/` and, optionally, `templates/`.
    package var root: URL
    /// Where the site is written; default `<root>/site`.
    package var output: URL
    /// Overrides `base_url` of site.yml (for previews and CI deploys).
    package var baseURL: String?
    package var includeDrafts: Bool
    /// Warnings count as errors.
    package var strict: Bool
    /// Check everything, write nothing.
    package var dryRun: Bool
    /// Told which step is running and how many pages it has done: how the CLI shows
    /// progress on long builds.
    package var progress: BuildProgress?
    /// Leave the build's working data (every page, body and context: over 100 MB for
    /// 10,000 terms) allocated when the build returns, for a process that exits right
    /// after: freeing millions of objects one by one takes longer than the exit that
    /// hands the memory back at once. Not for processes that go on building.
    package var keepsMemoryUntilExit = false

    package init(root: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false, dryRun: Bool = false) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent(SiteLayout.defaultOutputFolder)).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.dryRun = dryRun
    }
}

/// The version printed by `--version` and written into generated files.
package enum LoysiteVersion {
    package static let current = "0.1.0"
    package static var generator: String { "loysite \(current)" }
}
