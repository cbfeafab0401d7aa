import LoysiteSupport

/// What a build did: its diagnostics, what it wrote, and how long each step took.
package struct BuildResult: Sendable {
    package var diagnostics: Diagnostics
    /// HTML pages written (or that would have been, for `check`).
    package var pageCount: Int
    /// All files of the output, pages included.
    package var fileCount: Int
    package var datasetCount: Int
    /// Whether the output folder was replaced.
    package var wrote: Bool
    /// For an incremental rebuild (`BuildSession`): the HTML pages it rendered again and
    /// the files whose bytes changed and were written. nil for a full build, which
    /// renders and writes everything.
    package var renderedPageCount: Int? = nil
    package var changedFileCount: Int? = nil
    package var timings: [(step: String, seconds: Double)]

    /// Failed: errors, or warnings in strict mode.
    package func failed(strict: Bool) -> Bool {
        diagnostics.failBuild(strict: strict)
    }
}
