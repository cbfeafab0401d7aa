/// A parsed Mustache template: text and tags, with sections, parents and blocks holding
/// their own token lists. Parsed once per build (`TemplateParser`), rendered for every
/// page (`TemplateRenderer`).
public struct Template: Sendable {
    /// A name as written in a tag, split at dots once instead of at every render.
    struct Name: Sendable, Equatable {
        /// Empty for `{{.}}` (and `{{}}`): the current value.
        var components: [String]
        /// A name written with a leading dot (`{{.title}}`) is looked up in the current
        /// value only, not in the values around it.
        var currentOnly: Bool

        init(_ text: String) {
            currentOnly = text != "." && text.first == "."
            components = text.split(separator: ".").map(String.init)
        }
    }

    enum Token: Sendable {
        case text(String)
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

    /// Parses Mustache text; throws `TemplateSyntaxError` with the line and column.
    public init(string: String) throws {
        tokens = try TemplateParser.parse(string)
    }

    /// Renders the template; `partials` are the templates `{{> name}}` and `{{< name}}` find.
    public func render(_ context: TemplateValue, partials: [String: Template] = [:]) -> String {
        var renderer = TemplateRenderer(templates: partials)
        return renderer.render(self, context: context)
    }
}
