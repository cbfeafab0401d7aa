/// Builds the node tree from arranged pieces: opens and closes sections, parents and
/// blocks, collects a parent's blocks, and takes out of a block's content the
/// indentation it was written with (the block is indented where it is rendered).
///
/// Mistakes are collected, and building goes on after each so that all are reported:
/// a closing tag that matches an outer tag closes the ones inside it (each reported),
/// one that matches nothing is reported and skipped, and tags left open at the end are
/// reported where they were opened.
struct TemplateTreeBuilder {
    private enum Role {
        case root
        case section
        case invertedSection
        case parent(indentation: [UInt8]?)
        /// `{{$name}}` directly inside a parent: content for the parent's block.
        case blockArgument
        /// `{{$name}}` anywhere else: a block of this template, with its default content.
        case block(Template.BlockIndentation)
    }

    /// A tag being filled with what follows it, up to its closing tag.
    private struct Open {
        var tag: TemplateTag
        var role: Role
        var nodes: [Template.Node] = []
        /// A parent's blocks.
        var blocks: [String: [Template.Node]] = [:]
        /// The indentation taken off each line inside (see `BlockIndentation`).
        var removedIndentation: [UInt8]

        var isParent: Bool {
            if case .parent = role { return true }
            return false
        }
    }

    private let bytes: [UInt8]
    private let base: UnsafePointer<UInt8>
    private var open: [Open]
    private(set) var problems: [TemplateProblem] = []
    private(set) var inclusions: [Template.Inclusion] = []

    init(bytes: [UInt8], base: UnsafePointer<UInt8>) {
        self.bytes = bytes
        self.base = base
        open = [Open(tag: TemplateTag(kind: .section, name: "", line: 1, column: 1), role: .root, removedIndentation: [])]
    }

    mutating func build(_ pieces: [TemplateLines.Piece]) -> [Template.Node] {
        for piece in pieces {
            switch piece {
            case .text(let run): add(run)
            case .tag(let tag, let layout): add(tag, layout)
            }
        }
        while open.count > 1 {
            let unclosed = open.removeLast()
            problems.append(TemplateProblem(.neverClosed(opening: unclosed.tag.written), line: unclosed.tag.line, column: unclosed.tag.column))
        }
        return open[0].nodes
    }

    private mutating func add(_ run: TemplateTextRun) {
        // Text directly inside a parent is not rendered (only its blocks are).
        guard !open[open.count - 1].isParent else { return }
        var start = run.start
        let removed = open[open.count - 1].removedIndentation
        if run.startsLine, !removed.isEmpty, bytes[start..<run.end].starts(with: removed) { start += removed.count }
        guard start < run.end else { return }
        let text = Template.Text(start: base + start, count: run.end - start)
        var nodes = open[open.count - 1].nodes
        open[open.count - 1].nodes = []
        // Runs next to each other in the source are one piece of text.
        if case .text(let previous)? = nodes.last, previous.start + previous.count == text.start {
            nodes[nodes.count - 1] = .text(Template.Text(start: previous.start, count: previous.count + text.count))
        } else {
            nodes.append(.text(text))
        }
        open[open.count - 1].nodes = nodes
    }

    private mutating func add(_ tag: TemplateTag, _ layout: TemplateLines.Layout) {
        let innermost = open[open.count - 1]
        let removed = innermost.removedIndentation
        if innermost.isParent, tag.kind != .block, tag.kind != .close, tag.kind != .comment, tag.kind != .delimiters {
            problems.append(TemplateProblem(.notABlockInParent(tag: tag.written, parent: innermost.tag.written), line: tag.line, column: tag.column))
        }
        switch tag.kind {
        case .comment, .delimiters:
            return
        case .variable, .verbatimVariable:
            append(.variable(Template.Name(tag.name), escaped: tag.kind == .variable))
        case .section:
            open.append(Open(tag: tag, role: .section, removedIndentation: removed))
        case .invertedSection:
            open.append(Open(tag: tag, role: .invertedSection, removedIndentation: removed))
        case .partial:
            noteInclusion(tag)
            append(.partial(reference(tag), indentation: layout.standalone ? (layout.leadingSpace ?? []).removingPrefix(removed) : nil))
        case .parent:
            noteInclusion(tag)
            let indentation = layout.standalone ? (layout.leadingSpace ?? []).removingPrefix(removed) : nil
            open.append(Open(tag: tag, role: .parent(indentation: indentation), removedIndentation: removed))
        case .block:
            if innermost.isParent {
                open.append(Open(tag: tag, role: .blockArgument, removedIndentation: layout.nextLineSpace ?? removed))
            } else if let contentIndentation = layout.nextLineSpace {
                open.append(Open(tag: tag, role: .block(.everyLine(contentIndentation.removingPrefix(removed))), removedIndentation: contentIndentation))
            } else if let leadingSpace = layout.leadingSpace, !leadingSpace.isEmpty {
                open.append(Open(tag: tag, role: .block(.laterLines(leadingSpace.removingPrefix(removed))), removedIndentation: removed))
            } else {
                open.append(Open(tag: tag, role: .block(.none), removedIndentation: removed))
            }
        case .close:
            close(tag)
        }
    }

    private mutating func close(_ tag: TemplateTag) {
        // `{{<*name}}` may be closed by `{{/*name}}` or `{{/name}}`.
        guard let match = open.indices.dropFirst().last(where: { open[$0].tag.name == tag.name }) else {
            problems.append(TemplateProblem(.closesNothing(name: (tag.isDynamic ? "*" : "") + tag.name), line: tag.line, column: tag.column))
            return
        }
        while open.count - 1 > match {
            let inner = open.removeLast()
            problems.append(TemplateProblem(.closesWrongTag(closing: tag.written, opening: inner.tag.written, line: inner.tag.line), line: tag.line, column: tag.column))
            finish(inner)
        }
        finish(open.removeLast())
    }

    /// Adds a closed tag to the one around it.
    private mutating func finish(_ closed: Open) {
        let name = Template.Name(closed.tag.name)
        switch closed.role {
        case .root:
            return
        case .section:
            append(.section(name, body: closed.nodes))
        case .invertedSection:
            append(.invertedSection(name, body: closed.nodes))
        case .parent(let indentation):
            append(.parent(reference(closed.tag), indentation: indentation, blocks: closed.blocks))
        case .blockArgument:
            open[open.count - 1].blocks[closed.tag.name] = closed.nodes
        case .block(let indentation):
            append(.block(closed.tag.name, body: closed.nodes, indentation: indentation))
        }
    }

    private mutating func append(_ node: Template.Node) {
        // Inside a parent only blocks count (anything else was reported).
        guard !open[open.count - 1].isParent else { return }
        open[open.count - 1].nodes.append(node)
    }

    private mutating func noteInclusion(_ tag: TemplateTag) {
        guard !tag.isDynamic else { return }
        let always = open.allSatisfy { if case .root = $0.role { return true }; return $0.isParent }
        inclusions.append(Template.Inclusion(template: tag.name, tag: tag.written, line: tag.line, column: tag.column, always: always))
    }

    private func reference(_ tag: TemplateTag) -> Template.Reference {
        tag.isDynamic ? .dynamic(Template.Name(tag.name)) : .named(tag.name)
    }
}

extension Array where Element == UInt8 {
    /// These spaces less the indentation a block's content was written with.
    func removingPrefix(_ prefix: [UInt8]) -> [UInt8] {
        starts(with: prefix) ? Array(dropFirst(prefix.count)) : self
    }
}
