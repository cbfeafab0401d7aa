/// The messages template authors read, kept apart from the checks that find the problems.
extension TemplateProblem {
    package var message: String {
        switch kind {
        case .unclosedTag(let close):
            return "this tag is never closed: no '\(close)' follows it"
        case .neverClosed(let opening):
            return "\(opening) is never closed: add its closing tag"
        case .closesWrongTag(let closing, let opening, let line):
            return "\(closing) does not match \(opening) opened on line \(line); close that one first"
        case .closesNothing(let name):
            return "{{/\(name)}} closes nothing: no section, parent or block named '\(name)' is open here"
        case .emptyName:
            return "the tag has no name"
        case .nameWithSpace(let name):
            return "'\(name)' is not a name: names have no spaces"
        case .emptyNamePart(let name):
            return "'\(name)' has an empty part between its dots"
        case .functionCall(let name):
            return "'\(name)' is a function call, which templates do not have: give the value a name in the page context"
        case .invalidDelimiters(let content):
            return "'\(content)' does not set delimiters: write two delimiters separated by a space, as in {{=<% %>=}}"
        case .pragma(let content):
            return "'{{%\(content)}}' is a pragma, which loysite's templates do not have"
        case .notABlockInParent(let tag, let parent):
            return "\(tag) is directly inside \(parent), where only {{$block}} tags count: it would never be rendered; move it into a block"
        case .includesItself(let tag):
            return "\(tag) leads back to this template with no section around the tags on the way: rendering it would never end"
        case .noSuchTemplate(let tag, let templates):
            return "\(tag) names no template, so it renders as nothing (templates: \(templates.joined(separator: ", ")))"
        }
    }
}
