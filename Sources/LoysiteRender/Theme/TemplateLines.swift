/// The standalone-line rule of Mustache: a line holding nothing but one section, inverted
/// section, closing, comment, partial, parent, block or delimiter tag (and spaces or
/// tabs) is not output at all, neither its spaces nor its line break; the spaces before a
/// standalone partial or parent indent every line of that template instead.
///
/// Two extensions from the inheritance module: a line of tags that only give a parent
/// its blocks (`{{<base}}{{$content}}`, `{{/content}}{{/base}}`, `{{<base}}{{/base}}`)
/// stands alone as a whole; and a block records the indentation its content carries (see
/// `BlockIndentation`).
enum TemplateLines {
    /// Where a tag sits on its line.
    struct Layout: Sendable {
        /// The tag's line is left out of the output.
        var standalone = false
        /// The spaces and tabs before the tag when nothing else precedes it on its line.
        var leadingSpace: [UInt8]?
        /// For the last tag of a standalone line: the spaces and tabs that begin the next
        /// line (a block's content is indented by what its first line is).
        var nextLineSpace: [UInt8]?
    }

    enum Piece {
        case text(TemplateTextRun)
        case tag(TemplateTag, Layout)
    }

    /// The pieces with standalone lines' text left out and every tag's layout.
    static func arrange(_ pieces: [TemplatePiece], in bytes: [UInt8]) -> [Piece] {
        let givesBlocks = tagsThatGiveBlocks(pieces)
        var result: [Piece] = []
        result.reserveCapacity(pieces.count)
        var lineStart = 0
        while lineStart < pieces.count {
            var lineEnd = lineStart
            while lineEnd < pieces.count - 1 {
                if case .text(let run) = pieces[lineEnd], run.lineBreak > 0 { break }
                lineEnd += 1
            }
            arrangeLine(pieces, lineStart...lineEnd, givesBlocks: givesBlocks, bytes: bytes, into: &result)
            lineStart = lineEnd + 1
        }
        return result
    }

    private static func arrangeLine(_ pieces: [TemplatePiece], _ line: ClosedRange<Int>, givesBlocks: Set<Int>, bytes: [UInt8], into result: inout [Piece]) {
        var tags: [Int] = []
        var onlySpace = true
        var leadingSpace: [UInt8] = []
        for index in line {
            switch pieces[index] {
            case .tag:
                tags.append(index)
            case .text(let run):
                let content = bytes[run.start..<(run.end - run.lineBreak)]
                if content.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                    onlySpace = false
                } else if tags.isEmpty {
                    leadingSpace += content
                }
            }
        }
        let standalone: Bool
        if !onlySpace || tags.isEmpty {
            standalone = false
        } else if tags.count == 1, case .tag(let tag) = pieces[tags[0]] {
            standalone = tag.kind.canStandAlone
        } else {
            // Comments and delimiter changes may sit among a parent's tags (not only
            // among themselves: a line of two comments is not a parent's line).
            standalone = tags.contains(where: givesBlocks.contains) && tags.allSatisfy { index in
                guard case .tag(let tag) = pieces[index] else { return false }
                return givesBlocks.contains(index) || tag.kind == .comment || tag.kind == .delimiters
            }
        }
        // Whether only spaces come before the first tag on the line.
        var firstTagLeads = true
        if let first = tags.first {
            for index in line.lowerBound..<first {
                if case .text(let run) = pieces[index], bytes[run.start..<(run.end - run.lineBreak)].contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                    firstTagLeads = false
                }
            }
        }
        for index in line {
            switch pieces[index] {
            case .text(let run):
                if !standalone { result.append(.text(run)) }
            case .tag(let tag):
                var layout = Layout(standalone: standalone)
                if index == tags.first, firstTagLeads { layout.leadingSpace = leadingSpace }
                if standalone, index == tags.last {
                    layout.nextLineSpace = nextLineSpace(after: pieces[line.upperBound], in: bytes)
                }
                result.append(.tag(tag, layout))
            }
        }
    }

    /// The spaces and tabs at the start of the line after the one `last` ends.
    private static func nextLineSpace(after last: TemplatePiece, in bytes: [UInt8]) -> [UInt8] {
        guard case .text(let run) = last, run.lineBreak > 0 else { return [] }
        var end = run.end
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return Array(bytes[run.end..<end])
    }

    /// Indices of the tags that open or close a parent, or open or close a block given
    /// directly inside a parent: tags whose lines hold no output of their own.
    private static func tagsThatGiveBlocks(_ pieces: [TemplatePiece]) -> Set<Int> {
        enum Open { case section, parent, blockArgument, block }
        var open: [Open] = []
        var result: Set<Int> = []
        for (index, piece) in pieces.enumerated() {
            guard case .tag(let tag) = piece else { continue }
            switch tag.kind {
            case .section, .invertedSection:
                open.append(.section)
            case .parent:
                open.append(.parent)
                result.insert(index)
            case .block:
                if open.last == .parent {
                    open.append(.blockArgument)
                    result.insert(index)
                } else {
                    open.append(.block)
                }
            case .close:
                if let closed = open.popLast(), closed == .parent || closed == .blockArgument { result.insert(index) }
            default:
                break
            }
        }
        return result
    }
}
