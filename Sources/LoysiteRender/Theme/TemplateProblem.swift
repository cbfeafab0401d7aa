/// What is wrong with a template, found while reading it; where it is, 1-based. The
/// words for each kind are in `TemplateProblem+Wording.swift`.
package struct TemplateProblem: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// An opening delimiter with no closing delimiter after it (`close` is the one
        /// expected, `}}` unless a `{{= =}}` tag changed it).
        case unclosedTag(close: String)
        /// A section, inverted section, parent or block never closed (`opening` as written: `{{#items}}`).
        case neverClosed(opening: String)
        /// `{{/closing}}` while `opening` (opened at `line`) is the innermost open tag.
        case closesWrongTag(closing: String, opening: String, line: Int)
        /// `{{/name}}` with nothing of that name open.
        case closesNothing(name: String)
        /// A tag with nothing in it but its sigil (`{{}}`, `{{# }}`).
        case emptyName
        /// A name with spaces inside it (`{{page title}}`).
        case nameWithSpace(String)
        /// A dotted name with an empty part (`{{page..title}}`, `{{page.}}`).
        case emptyNamePart(String)
        /// `{{uppercased(title)}}`: a function call, which Mustache does not have.
        case functionCall(String)
        /// A `{{=…=}}` tag that does not give two delimiters.
        case invalidDelimiters(String)
        /// `{{% … }}`: pragmas, which loysite does not have.
        case pragma(String)
        /// A tag directly inside `{{<parent}}…{{/parent}}` other than a block, a comment
        /// or a delimiter change: it would never be rendered.
        case notABlockInParent(tag: String, parent: String)
        /// `{{>name}}` or `{{<name}}` outside every section and block, where the template
        /// named includes this one again the same way: rendering would never end.
        case includesItself(tag: String)
        /// `{{>name}}` or `{{<name}}` naming no template of the theme (a warning: the
        /// specification renders it as nothing).
        case noSuchTemplate(tag: String, templates: [String])
    }

    package var kind: Kind
    package var line: Int
    package var column: Int

    package init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

/// Every problem of a template, in the order they appear: a template that has any is not
/// made, and its author sees all of them at once.
package struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    package var problems: [TemplateProblem]

    package init(problems: [TemplateProblem]) {
        self.problems = problems
    }

    package var description: String {
        problems.map { "\($0.line):\($0.column): \($0.message)" }.joined(separator: "\n")
    }
}
