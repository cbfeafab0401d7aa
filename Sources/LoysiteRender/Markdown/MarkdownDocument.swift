import CCmark

/// A Markdown document parsed by libcmark, owning its tree. Passes edit the tree in
/// place (wikilinks, auto-links, directives); `html()` renders it.
final class MarkdownDocument {
    let root: MarkdownNode
    let unsafe: Bool

    /// Parses CommonMark with source positions (for diagnostics). In safe mode (the
    /// default) raw HTML and `javascript:` URLs are left out of the output by cmark.
    /// `smart`: curly quotes and dashes (`smart:` in site.yml).
    ///
    /// cmark is not asked to validate UTF-8: a Swift string is valid UTF-8, and cmark
    /// reads it only up to its first NUL (`strlen`), the one byte validation would
    /// replace in valid text. Checking again cost cmark a copy of every line (11 M of
    /// the 340 M instructions converting 1,000 terms). `validating` is for the test that
    /// holds the two to the same output.
    ///
    /// Smart punctuation is asked for only when it can change the text
    /// (`SmartPunctuation`); `alwaysSmart` is for the test that holds the two to the same
    /// tree and output.
    init(_ text: String, unsafe: Bool, smart: Bool = true, validating: Bool = false, alwaysSmart: Bool = false) {
        self.unsafe = unsafe
        let smart = smart && (alwaysSmart || SmartPunctuation.mayApply(text))
        let options = CMARK_OPT_SOURCEPOS | (validating ? CMARK_OPT_VALIDATE_UTF8 : 0) | (smart ? CMARK_OPT_SMART : 0)
        let root = text.withCString { cmark_parse_document($0, strlen($0), options) }
        self.root = MarkdownNode(root!)
        // Brackets and some punctuation split text into several nodes; joining them lets
        // wikilinks and auto-linking see whole phrases.
        cmark_consolidate_text_nodes(root)
    }

    deinit {
        cmark_node_free(root.pointer)
    }

    func html() -> String {
        let options = unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let rendered = cmark_render_html(root.pointer, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
