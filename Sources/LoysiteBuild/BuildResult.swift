import LoysiteSupport

/// What a build did: its diagnostics, what it wrote, and how long each step took.
public struct BuildResult: Sendable {
    public var diagnostics: Diagnostics
    /// HTML pages written (or that would have been, for `check`).
    public var pageCount: Int
    /// All files of the output, pages included.
    public var fileCount: Int
    public var datasetCount: Int
    /// Whether the output folder was replaced.
    public var wrote: Bool
    /// For an incremental rebuild (`BuildSession`): the HTML pages it rendered again and
    /// the files whose bytes changed and were written. nil for a full build, which
    /// renders and writes everything.
    public var renderedPageCount: Int? = nil
    public var changedFileCount: Int? = nil
    public var timings: [(step: String, seconds: Double)]

    /// Failed: errors, or warnings in strict mode.
    public func failed(strict: Bool) -> Bool {
        diagnostics.failBuild(strict: strict)
    }
}
