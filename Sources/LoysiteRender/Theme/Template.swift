/// A parsed Mustache template: text and tags, with sections, parents and blocks holding
/// their own token lists. Parsed once per build (`TemplateParser`), rendered for every
/// page (`TemplateRenderer`).
public struct Template: @unchecked Sendable {
    /// A name as written in a tag, split at dots once instead of at every render. The
    /// first two parts are kept apart from the rest so that copying a name (once per
    /// tag rendered, on every core at once) copies no reference-counted array for the
    /// usual `title` or `page.title`.
    struct Name: Sendable, Equatable {
        /// No parts for `{{.}}` (and `{{}}`): the current value.
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

    /// Literal text of a template, in storage the template owns: a token holds where it
    /// is, not a string, so rendering copies no reference-counted string per line of
    /// template text (from every core at once, those counts made a tenth of rendering).
    struct Text: @unchecked Sendable {
        var start: UnsafePointer<UInt8>?
        var offset: Int
        var count: Int

        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start! + offset, count: count) }
    }

    /// Owns the bytes of every `Text` of a template (and frees them with it).
    final class TextStorage: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<UInt8>

        init(_ bytes: [UInt8]) {
            buffer = .allocate(capacity: max(bytes.count, 1))
            _ = buffer.initialize(from: bytes)
        }

        deinit { buffer.deallocate() }
    }

    enum Token: Sendable {
        case text(Text)
        /// `{{name}}` (escaped) or `{{{name}}}`, `{{&name}}` (verbatim).
        case variable(Name, escaped: Bool)
        case section(Name, body: [Token])
        case invertedSection(Name, body: [Token])
        /// `{{$name}}…{{/name}}` in a template: the parent's default for a block.
        case blockExpansion(String, body: [Token], indentation: String)
        /// `{{$name}}…{{/name}}` inside `{{<parent}}`: this template's content for a block.
        case blockDefinition(String, body: [Token])
        /// `{{> name}}`, `{{>*name}}` (the name is a value) and `{{< parent}}…{{/parent}}`
        /// (a partial with blocks of its own); `indentation` is set for standalone tags.
        case partial(String, dynamic: Bool, indentation: String?, blocks: [String: [Token]]?)
        /// `{{% CONTENT_TYPE: TEXT }}` turns escaping off for the rest of the template.
        case contentType(html: Bool)
    }

    var tokens: [Token]
    private let storage: TextStorage

    /// Parses Mustache text; throws `TemplateSyntaxError` with the line and column.
    public init(string: String) throws {
        let (tokens, text) = try TemplateParser.parse(string)
        storage = TextStorage(text)
        self.tokens = Template.resolve(tokens, base: UnsafePointer(storage.buffer.baseAddress!))
    }

    /// The parser's text offsets made pointers into the storage, all the way down.
    private static func resolve(_ tokens: [Token], base: UnsafePointer<UInt8>) -> [Token] {
        tokens.map { token in
            switch token {
            case .text(var text):
                text.start = base
                return .text(text)
            case .variable, .contentType:
                return token
            case .section(let name, let body): return .section(name, body: resolve(body, base: base))
            case .invertedSection(let name, let body): return .invertedSection(name, body: resolve(body, base: base))
            case .blockExpansion(let name, let body, let indentation): return .blockExpansion(name, body: resolve(body, base: base), indentation: indentation)
            case .blockDefinition(let name, let body): return .blockDefinition(name, body: resolve(body, base: base))
            case .partial(let name, let dynamic, let indentation, let blocks):
                return .partial(name, dynamic: dynamic, indentation: indentation, blocks: blocks?.mapValues { resolve($0, base: base) })
            }
        }
    }

    /// Renders the template; `partials` are the templates `{{> name}}` and `{{< name}}` find.
    public func render(_ context: TemplateValue, partials: [String: Template] = [:]) -> String {
        var renderer = TemplateRenderer(templates: partials)
        return renderer.render(self, context: context)
    }
}
