import Foundation
import LoysiteSupport

/// What `loysite build` (and `check`, `serve`) was asked to do.
public struct BuildOptions: Sendable {
    /// The site root: the folder holding `content/` and, optionally, `templates/`.
    public var root: URL
    /// Where the site is written; default `<root>/site`.
    public var output: URL
    /// Overrides `base_url` of site.yml (for previews and CI deploys).
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Warnings count as errors.
    public var strict: Bool
    /// Check everything, write nothing.
    public var dryRun: Bool
    /// Told which step is running and how many pages it has done: how the CLI shows
    /// progress on long builds.
    public var progress: BuildProgress?
    /// Leave the build's working data (every page, body and context: over 100 MB for
    /// 10,000 terms) allocated when the build returns, for a process that exits right
    /// after: freeing millions of objects one by one takes longer than the exit that
    /// hands the memory back at once. Not for processes that go on building.
    public var keepsMemoryUntilExit = false

    public init(root: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false, dryRun: Bool = false) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent(SiteLayout.defaultOutputFolder)).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.dryRun = dryRun
    }
}

/// The version printed by `--version` and written into generated files.
public enum LoysiteVersion {
    public static let current = "0.1.0"
    public static var generator: String { "loysite \(current)" }
}
