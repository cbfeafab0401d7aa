/// Reads template bytes into text runs and tags, following the delimiters as `{{=…=}}`
/// tags change them. Text is split after every line break, so that the tree builder
/// can see lines; tags keep where they start (line, and column in characters).
///
/// Problems are collected, not thrown: a template with several mistakes reports all of
/// them. Text after a tag that is never closed is kept as text (there is no telling
/// where its tags would be).
struct TemplateScanner {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var opening: [UInt8] = Array("{{".utf8)
    private var closing: [UInt8] = Array("}}".utf8)
    private(set) var pieces: [TemplatePiece] = []
    private(set) var problems: [TemplateProblem] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func scan(_ bytes: [UInt8]) -> (pieces: [TemplatePiece], problems: [TemplateProblem]) {
        var scanner = TemplateScanner(bytes)
        scanner.scan()
        return (scanner.pieces, scanner.problems)
    }

    private mutating func scan() {
        var textStart = 0
        var readsTags = true
        while position < bytes.count {
            if bytes[position] == 0x0A {
                position += 1
                addText(from: textStart, to: position)
                line += 1
                lineStart = position
                textStart = position
            } else if readsTags, starts(with: opening, at: position) {
                addText(from: textStart, to: position)
                if readTag() {
                    textStart = position
                } else {
                    readsTags = false
                    textStart = position
                    position += 1
                }
            } else {
                position += 1
            }
        }
        addText(from: textStart, to: position)
    }

    private mutating func addText(from start: Int, to end: Int) {
        guard end > start else { return }
        var lineBreak = 0
        if bytes[end - 1] == 0x0A { lineBreak = end - 2 >= start && bytes[end - 2] == 0x0D ? 2 : 1 }
        pieces.append(.text(TemplateTextRun(start: start, end: end, lineBreak: lineBreak, startsLine: start == lineStart)))
    }

    /// Reads the tag that starts at `position`; false (and a problem) when it is never closed.
    private mutating func readTag() -> Bool {
        let tagLine = line
        let tagColumn = column(of: position)
        var contentStart = position + opening.count
        let sigil: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
        var kind = TemplateTag.Kind.variable
        // `{{{name}}}` and `{{=a b=}}` end with their sigil's pair before the delimiter.
        var terminator = closing
        switch sigil {
        case UInt8(ascii: "{"): kind = .verbatimVariable; terminator = Array("}".utf8) + closing
        case UInt8(ascii: "&"): kind = .verbatimVariable
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .invertedSection
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "="): kind = .delimiters; terminator = Array("=".utf8) + closing
        case UInt8(ascii: "%"): kind = .comment
        default: break
        }
        let hasSigil = kind != .variable
        if hasSigil { contentStart += 1 }
        guard let contentEnd = firstIndex(of: terminator, from: contentStart) else {
            problems.append(TemplateProblem(.unclosedTag(close: String(decoding: terminator, as: UTF8.self)), line: tagLine, column: tagColumn))
            return false
        }
        let end = contentEnd + terminator.count
        // A comment may run over several lines.
        for index in position..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        position = end
        let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)

        if sigil == UInt8(ascii: "%") {
            problems.append(TemplateProblem(.pragma(content), line: tagLine, column: tagColumn))
        }
        var tag = TemplateTag(kind: kind, name: "", line: tagLine, column: tagColumn)
        switch kind {
        case .comment:
            break
        case .delimiters:
            let parts = content.split(whereSeparator: \.isTemplateSpace)
            if parts.count == 2, !parts.contains(where: { $0.contains("=") }) {
                opening = Array(parts[0].utf8)
                closing = Array(parts[1].utf8)
                tag.name = parts.joined(separator: " ")
            } else {
                problems.append(TemplateProblem(.invalidDelimiters(content), line: tagLine, column: tagColumn))
            }
        case .partial, .parent:
            var name = content.trimmingTemplateSpace
            if name.first == "*" {
                tag.isDynamic = true
                name = String(name.dropFirst()).trimmingTemplateSpace
                if let problem = TemplateScanner.problem(inValueName: name) {
                    problems.append(TemplateProblem(problem, line: tagLine, column: tagColumn))
                }
            } else if let problem = TemplateScanner.problem(inTemplateName: name) {
                problems.append(TemplateProblem(problem, line: tagLine, column: tagColumn))
            }
            tag.name = name
        case .block:
            tag.name = content.trimmingTemplateSpace
            if let problem = TemplateScanner.problem(inTemplateName: tag.name) {
                problems.append(TemplateProblem(problem, line: tagLine, column: tagColumn))
            }
        case .close:
            // `{{/*name}}` closes `{{<*name}}`.
            var name = content.trimmingTemplateSpace
            if name.first == "*" {
                tag.isDynamic = true
                name = String(name.dropFirst()).trimmingTemplateSpace
            }
            tag.name = name
            if let problem = TemplateScanner.problem(inTemplateName: name) {
                problems.append(TemplateProblem(problem, line: tagLine, column: tagColumn))
            }
        case .variable, .verbatimVariable, .section, .invertedSection:
            tag.name = content.trimmingTemplateSpace
            if let problem = TemplateScanner.problem(inValueName: tag.name) {
                problems.append(TemplateProblem(problem, line: tagLine, column: tagColumn))
            }
        }
        pieces.append(.tag(tag))
        return true
    }

    /// What is wrong with the name of a value (`title`, `page.title`, `.`), if anything.
    static func problem(inValueName name: String) -> TemplateProblem.Kind? {
        if let problem = problem(inTemplateName: name) { return problem }
        if name.contains("(") || name.contains(")") { return .functionCall(name) }
        guard name != "." else { return nil }
        // A leading dot (`.title`) looks in the current value only; every other part
        // between dots must be there.
        let parts = (name.first == "." ? name.dropFirst() : Substring(name)).split(separator: ".", omittingEmptySubsequences: false)
        if parts.contains(where: \.isEmpty) { return .emptyNamePart(name) }
        return nil
    }

    /// What is wrong with the name of a template or block, if anything.
    static func problem(inTemplateName name: String) -> TemplateProblem.Kind? {
        if name.isEmpty { return .emptyName }
        if name.contains(where: \.isTemplateSpace) { return .nameWithSpace(name) }
        return nil
    }

    /// The column of a byte offset on the current line, in characters (Unicode scalars), 1-based.
    private func column(of offset: Int) -> Int {
        var count = 1
        for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    private func starts(with needle: [UInt8], at offset: Int) -> Bool {
        guard offset + needle.count <= bytes.count else { return false }
        for index in needle.indices where bytes[offset + index] != needle[index] { return false }
        return true
    }

    private func firstIndex(of needle: [UInt8], from offset: Int) -> Int? {
        var index = offset
        while index + needle.count <= bytes.count {
            if starts(with: needle, at: index) { return index }
            index += 1
        }
        return nil
    }
}

extension Character {
    /// Space inside tags: padding around names (`{{ title }}`).
    var isTemplateSpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r\n" || self == "\r" }
}

extension StringProtocol {
    var trimmingTemplateSpace: String {
        guard let first = firstIndex(where: { !$0.isTemplateSpace }), let last = lastIndex(where: { !$0.isTemplateSpace }) else { return "" }
        return String(self[first...last])
    }
}
