/// A Mustache syntax error, with where it is in the template (1-based).
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case sectionCloseNameIncorrect = "the closing tag does not match the open section"
        case unfinishedName = "a tag is not closed"
        case expectedSectionEnd = "a section is never closed"
        case invalidSetDelimiter = "invalid set-delimiter tag"
        case illegalTokenInsideInheritSection = "only {{$block}} tags may be inside {{<parent}}…{{/parent}}"
        case invalidConfigVariableSyntax = "invalid {{% … }} tag"
        case unrecognisedConfigVariable = "unknown {{% … }} setting (only CONTENT_TYPE: HTML or TEXT)"
        case transformsNotSupported = "function-style tags such as {{uppercased(title)}} are not supported"
        case unexpectedEnd = "the template ends inside a tag"
    }

    public var reason: Reason
    public var line: Int
    public var column: Int
    public var description: String { reason.rawValue }
}

/// Reads Mustache text into `Template.Token`s. The rules for standalone lines (a line
/// holding only a section, comment, partial or block tag disappears from the output),
/// partial indentation and parents follow swift-mustache 2.1, which earlier versions of
/// loysite rendered with, decision for decision, so every theme renders exactly as before.
/// Works on `Character`s like it did: templates are small and parsed once per build.
struct TemplateParser {
    private struct Failure: Error {
        var reason: TemplateSyntaxError.Reason
    }

    private struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        /// Characters of indentation to drop from lines of a block inside a parent.
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let text: [Character]
    private var position = 0
    /// The literal text of every text token, one after another.
    private var textBytes: [UInt8] = []

    private mutating func textToken(_ string: String) -> Template.Token {
        let offset = textBytes.count
        textBytes.append(contentsOf: string.utf8)
        return .text(Template.Text(start: nil, offset: offset, count: textBytes.count - offset))
    }

    private init(_ string: String) {
        text = Array(string)
    }

    /// The tokens, and the bytes their `Text`s point into (by offset, until the
    /// template owns the bytes).
    static func parse(_ string: String) throws -> (tokens: [Template.Token], text: [UInt8]) {
        var parser = TemplateParser(string)
        do {
            let tokens = try parser.parse(State())
            return (tokens, parser.textBytes)
        } catch let failure as Failure {
            let (line, column) = parser.lineAndColumn()
            throw TemplateSyntaxError(reason: failure.reason, line: line, column: column)
        }
    }

    // MARK: Reading

    private var reachedEnd: Bool { position >= text.count }
    private var current: Character { position < text.count ? text[position] : "\0" }

    @discardableResult
    private mutating func read(while predicate: (Character) -> Bool) -> [Character] {
        let start = position
        while position < text.count, predicate(text[position]) { position += 1 }
        return Array(text[start..<position])
    }

    /// Whether `string` comes next; reads it if so. Running out of text is an error.
    private mutating func read(string: [Character]) throws -> Bool {
        guard !string.isEmpty else { return true }
        guard text.count - position >= string.count else { throw Failure(reason: .unexpectedEnd) }
        guard text[position..<position + string.count].elementsEqual(string) else { return false }
        position += string.count
        return true
    }

    private mutating func read(character: Character) throws -> Bool {
        guard !reachedEnd else { throw Failure(reason: .unexpectedEnd) }
        guard text[position] == character else { return false }
        position += 1
        return true
    }

    private static func blank(_ character: Character) -> Bool { character == " " || character == "\t" }
    private static func whitespace(_ character: Character) -> Bool { character.isWhitespace }
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
    private static let configCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    // MARK: Parsing

    private mutating func parse(_ initial: State) throws -> [Template.Token] {
        var tokens: [Template.Token] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !reachedEnd {
            if state.newLine {
                let whiteSpace = read(while: Self.blank)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // Inside a block of a parent: the first line's indentation is the
                    // block's own and is dropped from every line.
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = String(whiteSpace)
                }
            }
            let text = try readUntilDelimiterOrNewline(state)
            if current.isNewline {
                tokens.append(textToken(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(textToken(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if reachedEnd { break }

            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(textToken(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let body = try parse(state.withSectionName(name, newLine: setNewLine))
                tokens.append(inverted ? .invertedSection(Template.Name(name), body: body) : .section(Template.Name(name), body: body))

            case "/":
                position += 1
                let start = position
                let name = try parseName(state)
                guard name == state.sectionName else {
                    position = start
                    throw Failure(reason: .sectionCloseNameIncorrect)
                }
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(textToken(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                return tokens

            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)

            case "{", "&":
                let triple = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(textToken(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                position += 1
                let name = try parseName(state)
                if triple { guard try read(character: "}") else { throw Failure(reason: .unfinishedName) } }
                tokens.append(.variable(Template.Name(name), escaped: false))

            case ">":
                position += 1
                read(while: Self.whitespace)
                var dynamic = false
                if current == "*" {
                    position += 1
                    dynamic = true
                }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { tokens.append(textToken(whiteSpaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    tokens.append(.partial(name, dynamic: dynamic, indentation: whiteSpaceBefore, blocks: nil))
                } else {
                    tokens.append(.partial(name, dynamic: dynamic, indentation: nil, blocks: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                position += 1
                read(while: Self.whitespace)
                let sectionName = try parsePartialName(state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if !whiteSpaceBefore.isEmpty { tokens.append(textToken(whiteSpaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.withInheritancePartial(sectionName))
                var blocks: [String: [Template.Token]] = [:]
                for token in body {
                    switch token {
                    case .blockDefinition(let block, let blockBody): blocks[block] = blockBody
                    case .text: break
                    default: throw Failure(reason: .illegalTokenInsideInheritSection)
                    }
                }
                tokens.append(.partial(name, dynamic: dynamic, indentation: whiteSpaceBefore, blocks: blocks))
                whiteSpaceBefore = ""

            case "$":
                position += 1
                let name = try parseName(state)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.blockDefinition(name, body: body))
                } else {
                    if !whiteSpaceBefore.isEmpty { tokens.append(textToken(whiteSpaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.blockExpansion(name, body: body, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }

            case "=":
                position += 1
                state = try parseSetDelimiter(state)
                setNewLine = isStandalone(state)

            case "%":
                position += 1
                tokens.append(try parseConfigVariable(state))
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(textToken(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let name = try parseName(state)
                tokens.append(.variable(Template.Name(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Failure(reason: .expectedSectionEnd) }
        return tokens
    }

    /// Text up to the next tag (whose opening delimiter is read) or line end (not read).
    private mutating func readUntilDelimiterOrNewline(_ state: State) throws -> String {
        guard let first = state.startDelimiter.first else { return "" }
        var result = ""
        while !reachedEnd {
            let start = position
            while position < text.count {
                let character = text[position]
                if character == "\n" || character == "\r\n" || character == first { break }
                position += 1
            }
            result.append(contentsOf: text[start..<position])
            if current.isNewline { break }
            if current == first {
                if try read(string: state.startDelimiter) { break }
                result.append(first)
                position += 1
            }
        }
        return result
    }

    private mutating func parseName(_ state: State) throws -> String {
        read(while: Self.whitespace)
        let name = String(read(while: { Self.nameCharacters.contains($0) }))
        read(while: Self.whitespace)
        guard try read(string: state.endDelimiter) else { throw Failure(reason: .unfinishedName) }
        if name.contains("(") || name.contains(")") { throw Failure(reason: .transformsNotSupported) }
        return name
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        read(while: Self.whitespace)
        let name = String(read(while: { Self.partialNameCharacters.contains($0) }))
        read(while: Self.whitespace)
        guard try read(string: state.endDelimiter) else { throw Failure(reason: .unfinishedName) }
        return name
    }

    private mutating func skipComment(_ state: State) throws {
        let end = state.endDelimiter
        while position + end.count <= text.count {
            if text[position..<position + end.count].elementsEqual(end) {
                position += end.count
                return
            }
            position += 1
        }
        throw Failure(reason: .unexpectedEnd)
    }

    private mutating func parseSetDelimiter(_ state: State) throws -> State {
        read(while: Self.whitespace)
        let start = read(while: { !$0.isWhitespace })
        guard !reachedEnd else { throw Failure(reason: .invalidSetDelimiter) }
        read(while: Self.whitespace)
        let end = read(while: { $0 != "=" && !$0.isWhitespace })
        guard !reachedEnd else { throw Failure(reason: .invalidSetDelimiter) }
        read(while: Self.whitespace)
        guard try read(character: "=") else { throw Failure(reason: .invalidSetDelimiter) }
        guard try read(string: state.endDelimiter) else { throw Failure(reason: .invalidSetDelimiter) }
        guard !start.isEmpty, !end.isEmpty else { throw Failure(reason: .invalidSetDelimiter) }
        var state = state
        state.startDelimiter = start
        state.endDelimiter = end
        state.isPartialDefinitionTopLevel = false
        return state
    }

    private mutating func parseConfigVariable(_ state: State) throws -> Template.Token {
        read(while: Self.whitespace)
        let variable = String(read(while: { Self.configCharacters.contains($0) }))
        read(while: Self.whitespace)
        guard (try? read(character: ":")) == true else { throw Failure(reason: .invalidConfigVariableSyntax) }
        read(while: Self.whitespace)
        let value = String(read(while: { Self.configCharacters.contains($0) }))
        read(while: Self.whitespace)
        guard (try? read(string: state.endDelimiter)) == true else { throw Failure(reason: .invalidConfigVariableSyntax) }
        guard !variable.isEmpty, !value.isEmpty else { throw Failure(reason: .invalidConfigVariableSyntax) }
        guard variable == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else { throw Failure(reason: .unrecognisedConfigVariable) }
        return .contentType(html: value == "HTML")
    }

    /// A tag standing alone on its line: the line's end is read, so the line leaves no trace.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var probe = position
        while probe < text.count, Self.blank(text[probe]) { probe += 1 }
        guard probe < text.count, text[probe].isNewline else { return false }
        position = probe + 1
        return true
    }

    private func lineAndColumn() -> (Int, Int) {
        let end = min(position, text.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where text[index].isNewline {
            line += 1
            lineStart = index + 1
        }
        return (line, end - lineStart + 1)
    }
}
