import LoysiteContent
import LoysiteSupport

/// A fenced code block that stands for something loysite draws (```chart, ```metric).
package struct BlockDirective: Sendable {
    /// The fence's info word: `chart`, `metric`.
    package var name: String
    /// The block's text (YAML for charts and metrics).
    package var body: String
    /// The line of the opening fence in the file.
    package var location: SourceLocation
    /// Where `body` starts in the file (the line after the fence).
    package var bodyLocation: SourceLocation
    /// 1 for the first directive on a page, 2 for the next…: for ids unique on the page.
    package var ordinal: Int
    /// The page the block is on.
    package var page: Page
}

/// Renders block directives to HTML. The rendering module knows nothing of charts or
/// metrics: the build supplies a renderer that does.
package protocol BlockDirectiveRenderer: Sendable {
    /// Info words this renderer handles; other code blocks stay code.
    var names: Set<String> { get }
    /// The HTML to put in place of the block (trusted: it is inserted verbatim), or nil
    /// with error diagnostics when the block is wrong.
    func render(_ directive: BlockDirective) -> (html: String?, diagnostics: [Diagnostic])
}
