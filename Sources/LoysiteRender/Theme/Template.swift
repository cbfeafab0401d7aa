import LoysiteSupport

/// A parsed Mustache template: a tree of text and tags, parsed once per build
/// (`TemplateScanner`, `TemplateLines`, `TemplateTreeBuilder`) and rendered for every page
/// (`TemplateRenderer`).
package struct Template: @unchecked Sendable {
    /// A name as written in a tag, split at dots once instead of at every render. The
    /// first two parts are kept apart from the rest so that copying a name (once per
    /// tag rendered, on every core at once) copies no reference-counted array for the
    /// usual `title` or `page.title`.
    struct Name: Sendable, Equatable {
        /// No parts for `{{.}}`: the current value.
        let first: String?
        let second: String?
        let rest: [String]
        /// A name written with a leading dot (`{{.title}}`) is looked up in the current
        /// value only, not in the values around it.
        let currentOnly: Bool

        init(_ text: String) {
            currentOnly = text != "." && text.first == "."
            let components = text.split(separator: ".").map(String.init)
            first = components.first
            second = components.count > 1 ? components[1] : nil
            rest = components.count > 2 ? Array(components[2...]) : []
        }
    }

    /// Literal text of a template, in storage the template owns: a node holds where it
    /// is, not a string, so rendering copies no reference-counted string per line of
    /// template text (from every core at once, those counts made a tenth of rendering).
    struct Text: @unchecked Sendable {
        var start: UnsafePointer<UInt8>
        var count: Int

        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }
    }

    /// Owns the bytes of the template's source, which every `Text` points into (and
    /// frees them with it).
    final class TextStorage: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<UInt8>

        init(_ bytes: [UInt8]) {
            buffer = .allocate(capacity: max(bytes.count, 1))
            _ = buffer.initialize(from: bytes)
        }

        var base: UnsafePointer<UInt8> { UnsafePointer(buffer.baseAddress!) }

        deinit { buffer.deallocate() }
    }

    /// Which template a partial or parent tag includes.
    enum Reference: Sendable {
        /// `{{> name}}`
        case named(String)
        /// `{{>*name}}`: the template named by the value of `name`.
        case dynamic(Name)
    }

    /// How the content of a block is indented where the block is (`{{$name}}` outside a
    /// parent). Content is stored without the indentation it had where it was written.
    enum BlockIndentation: Sendable {
        case none
        /// The opening tag stands alone: every line of the content gets these spaces
        /// (what the first line of the block's own content starts with).
        case everyLine([UInt8])
        /// Only spaces precede the opening tag on its line: they are output as text, and
        /// the content's later lines get them too.
        case laterLines([UInt8])
    }

    enum Node: Sendable {
        case text(Text)
        /// `{{name}}` (escaped) or `{{{name}}}`, `{{&name}}` (verbatim).
        indirect case variable(Name, escaped: Bool)
        indirect case section(Name, body: [Node])
        indirect case invertedSection(Name, body: [Node])
        /// `{{> name}}`; `indentation` is set when the tag stands alone on its line.
        indirect case partial(Reference, indentation: [UInt8]?)
        /// `{{< name}}…{{/name}}`: a partial given blocks of its own.
        indirect case parent(Reference, indentation: [UInt8]?, blocks: [String: [Node]])
        /// `{{$name}}…{{/name}}` outside a parent: the content given for `name` by a
        /// template that includes this one as a parent, or else this default.
        indirect case block(String, body: [Node], indentation: BlockIndentation)
    }

    /// A partial or parent tag naming its template, for checks across templates (names
    /// of templates that do not exist, templates that include themselves without end).
    struct Inclusion: Sendable {
        var template: String
        var tag: String
        var line: Int
        var column: Int
        /// Rendered whenever the template is: outside every section and block (a
        /// section's content may not be shown, a block's may be replaced).
        var always: Bool
    }

    var nodes: [Node]
    private(set) var inclusions: [Inclusion]
    private let storage: TextStorage
    /// Whether the template's text holds a control character that
    /// `Escape.removingControlCharacters` drops (then a page rendered with it is looked
    /// through for them; see `TemplateRenderer.mayHoldControlCharacters`).
    let hasControlCharacters: Bool

    /// Parses Mustache text; throws `TemplateSyntaxError` with every problem found.
    package init(string: String) throws {
        let bytes = Array(string.utf8)
        storage = TextStorage(bytes)
        hasControlCharacters = bytes.withUnsafeBytes { Escape.containsControlCharacter($0) }
        let (pieces, scanProblems) = TemplateScanner.scan(bytes)
        let arranged = TemplateLines.arrange(pieces, in: bytes)
        var builder = TemplateTreeBuilder(bytes: bytes, base: storage.base)
        nodes = builder.build(arranged)
        inclusions = builder.inclusions
        let problems = (scanProblems + builder.problems).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        if !problems.isEmpty { throw TemplateSyntaxError(problems: problems) }
    }

    /// Renders the template; `partials` are the templates `{{> name}}` and `{{< name}}` find.
    package func render(_ context: TemplateValue, partials: [String: Template] = [:]) -> String {
        var renderer = TemplateRenderer(templates: partials)
        return renderer.render(self, context: context)
    }
}
