/// A tag as written in a template: what kind, its name and where it starts.
struct TemplateTag: Sendable {
    enum Kind: Sendable, Equatable {
        /// `{{name}}`: the value, HTML-escaped.
        case variable
        /// `{{{name}}}` and `{{& name}}`: the value as it is.
        case verbatimVariable
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case invertedSection
        /// `{{/name}}`
        case close
        /// `{{! … }}`
        case comment
        /// `{{> name}}`
        case partial
        /// `{{< name}}`
        case parent
        /// `{{$ name}}`
        case block
        /// `{{=<% %>=}}`: read by the scanner, kept for the standalone-line rule.
        case delimiters

        /// Whether a line holding only this tag (and spaces) disappears from the output.
        /// Variables are output, so their lines stay.
        var canStandAlone: Bool { self != .variable && self != .verbatimVariable }
    }

    var kind: Kind
    /// The name, trimmed; for `{{>*name}}` and `{{<*name}}` without the asterisk.
    var name: String
    /// `{{>*name}}`, `{{<*name}}`: the name is looked up in the context and its value names
    /// the template.
    var isDynamic = false
    var line: Int
    var column: Int

    /// The tag as an author would write it with the standard delimiters, for messages.
    var written: String {
        let name = (isDynamic ? "*" : "") + self.name
        switch kind {
        case .variable: return "{{\(name)}}"
        case .verbatimVariable: return "{{{\(name)}}}"
        case .section: return "{{#\(name)}}"
        case .invertedSection: return "{{^\(name)}}"
        case .close: return "{{/\(name)}}"
        case .comment: return "{{! … }}"
        case .partial: return "{{>\(name)}}"
        case .parent: return "{{<\(name)}}"
        case .block: return "{{$\(name)}}"
        case .delimiters: return "{{=\(name)=}}"
        }
    }
}

/// A stretch of literal template text, at most one line: `end` includes the line break
/// (`lineBreak` bytes, 0 when the text stops at a tag or the end of the template).
struct TemplateTextRun: Sendable {
    var start: Int
    var end: Int
    var lineBreak: Int
    /// The text begins a line of the source (nothing, not even a tag, before it on its line).
    var startsLine: Bool
}

/// What the scanner reads a template into, in order.
enum TemplatePiece: Sendable {
    case text(TemplateTextRun)
    case tag(TemplateTag)
}
