import LoysiteSupport

/// Renders parsed templates with a `TemplateValue` context, as the Mustache
/// specification says: names are looked up from the innermost value outwards, then
/// followed down dotted paths; a list repeats a section for each item, other values show
/// it once with the value pushed (`true` pushes nothing); `false`, a missing name, an
/// empty list and — loysite's rule, as in mustache.js — an empty string hide it.
/// Partials and parents see the context of their tag; a parent's blocks are replaced by
/// the blocks its child gives, the outermost child winning.
///
/// One renderer renders one page: it keeps the context stack and appends UTF-8 bytes to
/// one buffer (`TemplateOutput`), instead of building a string per tag (appending to a
/// String checks and grows it at every call, which cost more than the rest of rendering).
///
/// Indentation (of standalone partials and parents, and of blocks) is added as lines of
/// template text begin, never inside a value: `indentation` is what begins each line of
/// the template being rendered, and `lineIsOpen` says a line began and nothing of it has
/// been written yet, so its indentation is still to come. Without indentation, text is
/// copied as it is.
struct TemplateRenderer {
    let templates: [String: Template]
    var stack: [TemplateValue] = []
    var output = TemplateOutput(capacity: 64)
    /// Whether a byte written may be a control character `Escape.removingControlCharacters`
    /// drops: set by a template whose text has one and by a value that has one, so that
    /// a page (whose template text has none, like the built-in theme's) is not looked
    /// through again whole when none of its values has one either.
    var mayHoldControlCharacters = false
    var indentation: [UInt8] = []
    var lineIsOpen = false
    /// The blocks given by the templates that included the current one as a parent.
    private var blocks: [String: [Template.Node]] = [:]
    /// Partials, parents and blocks being rendered inside one another.
    var depth = 0
    /// Items of list sections rendered at an earlier render of the same page, copied
    /// instead of rendered again where that is sure to give the same bytes
    /// (`KeptItemRenderings`); nil renders every item.
    var kept: KeptItemRenderings?
    /// The list item being rendered for `kept`: what it reads from outside itself.
    var recording: KeptItemRenderings.Recording?
    /// A template may include itself (a tree of terms renders with a recursive partial)
    /// but not without end: past this depth the page stops there, instead of the stack
    /// overflowing — and stops whole, since a template that includes itself twice would
    /// otherwise take 2^depth steps to reach every end. Theme.load reports templates that
    /// include themselves with no section around the tag, the usual way to get there.
    static let maximumDepth = 100
    var stopped = false

    init(templates: [String: Template]) {
        self.templates = templates
    }

    mutating func render(_ template: Template, context: TemplateValue) -> String {
        String(decoding: renderBytes(template, context: context), as: UTF8.self)
    }

    /// The output as UTF-8 bytes, for writing to a file without making a string of it.
    /// `capacity`: what the output is expected to need.
    mutating func renderBytes(_ template: Template, context: TemplateValue, capacity: Int = 32_768) -> [UInt8] {
        renderOutput(template, context: context, capacity: capacity).array()
    }

    /// The output in its buffer (`mayHoldControlCharacters` says whether it may need
    /// control characters removed).
    mutating func renderOutput(_ template: Template, context: TemplateValue, capacity: Int = 32_768) -> TemplateOutput {
        output = TemplateOutput(capacity: capacity)
        mayHoldControlCharacters = template.hasControlCharacters
        stack = [context]
        indentation = []
        lineIsOpen = false
        blocks = [:]
        depth = 0
        stopped = false
        render(template.nodes)
        return output
    }

    mutating func render(_ nodes: [Template.Node]) {
        // Each node read in place: `for node in nodes` copied every node (retaining its
        // names and bodies) and destroyed the copy, a tenth of rendering.
        nodes.withUnsafeBufferPointer { nodes in
            for index in nodes.indices where !stopped { render(nodes[index]) }
        }
    }

    private mutating func render(_ node: Template.Node) {
        switch node {
        case .text(let text):
            if indentation.isEmpty {
                output.append(text.bytes)
            } else {
                appendIndenting(text.bytes)
            }

        case .variable(let name, let escaped):
            guard let value = lookUp(name) else { return }
            if case .string(let text) = value {
                append(value: text, escaped: escaped)
            } else {
                append(value: value.text, escaped: escaped)
            }

        case .section(let name, let body):
            guard let value = lookUp(name) else { return }
            switch value {
            case .list(let items):
                if let kept {
                    renderItems(items, body: body, keeping: kept)
                    return
                }
                for item in items {
                    stack.append(item)
                    render(body)
                    stack.removeLast()
                }
            case .bool(let shown):
                if shown { render(body) }
            case .string(let text) where text.isEmpty:
                return
            default:
                stack.append(value)
                render(body)
                stack.removeLast()
            }

        case .invertedSection(let name, let body):
            switch lookUp(name) {
            case .none: render(body)
            case .list(let items)?: if items.isEmpty { render(body) }
            case .bool(let shown)?: if !shown { render(body) }
            case .string(let text)?: if text.isEmpty { render(body) }
            default: return
            }

        case .partial(let reference, let standaloneIndentation):
            guard let template = template(reference) else { return }
            if template.hasControlCharacters { mayHoldControlCharacters = true }
            include(template.nodes, indentation: standaloneIndentation, linesOnly: false, blocks: nil)

        case .parent(let reference, let standaloneIndentation, let given):
            guard let template = template(reference) else { return }
            if template.hasControlCharacters { mayHoldControlCharacters = true }
            include(template.nodes, indentation: standaloneIndentation, linesOnly: false, blocks: given)

        case .block(let name, let body, let blockIndentation):
            // Which content a block has is given from outside a list item.
            recording?.readsOutside = true
            let content = blocks[name] ?? body
            switch blockIndentation {
            case .none: include(content, indentation: nil, linesOnly: false, blocks: nil)
            case .everyLine(let spaces): include(content, indentation: spaces, linesOnly: false, blocks: nil)
            case .laterLines(let spaces): include(content, indentation: spaces, linesOnly: true, blocks: nil)
            }
        }
    }

    /// Renders another template's nodes (or a block's) in place. `added` indentation
    /// begins each of their lines — from the first when the tag stood alone on its line,
    /// from the second (`linesOnly`) when the spaces before the tag were written already.
    /// `given` blocks join the ones in force, those given further out winning.
    private mutating func include(_ nodes: [Template.Node], indentation added: [UInt8]?, linesOnly: Bool, blocks given: [String: [Template.Node]]?) {
        guard !stopped else { return }
        guard depth < TemplateRenderer.maximumDepth else {
            stopped = true
            return
        }
        depth += 1
        defer { depth -= 1 }
        let outerIndentation = indentation
        let outerLineIsOpen = lineIsOpen
        let outerBlocks = blocks
        let outputBefore = output.count
        if let given, !given.isEmpty {
            blocks = blocks.merging(given) { outer, _ in outer }
        }
        if let added, !added.isEmpty {
            indentation += added
            if !linesOnly { lineIsOpen = true }
        } else if added != nil, !linesOnly, !indentation.isEmpty {
            lineIsOpen = true
        }
        render(nodes)
        indentation = outerIndentation
        blocks = outerBlocks
        // A standalone tag's line is gone, so the line after it begins as the tag's did;
        // after a tag inside a line, the line goes on, begun only if nothing was written.
        if added != nil, !linesOnly {
            lineIsOpen = outerLineIsOpen
        } else {
            lineIsOpen = outerLineIsOpen && output.count == outputBefore
        }
    }

    private func template(_ reference: Template.Reference) -> Template? {
        switch reference {
        case .named(let name):
            return templates[name]
        case .dynamic(let name):
            guard case .string(let text)? = lookUp(name) else { return nil }
            return templates[text]
        }
    }

    /// Template text while lines are indented: the indentation goes before the first
    /// byte of each line (an empty line gets it too, as every line of the template is
    /// indented).
    private mutating func appendIndenting(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let lineEnds = end < bytes.count
            if lineEnds { end += 1 }
            openLineIfNeeded()
            output.append(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            if lineEnds { lineIsOpen = true }
            start = end
        }
    }

    @inline(__always) private mutating func openLineIfNeeded() {
        if lineIsOpen {
            output.append(indentation)
            lineIsOpen = false
        }
    }

    @inline(__always) private mutating func append(value text: String, escaped: Bool) {
        if text.isEmpty { return }
        openLineIfNeeded()
        // Escaping adds and drops no control character, so the text tells.
        if escaped {
            if TemplateEscaping.appendHTML(text, to: output) { mayHoldControlCharacters = true }
        } else {
            let start = output.count
            output.append(text)
            if !mayHoldControlCharacters, TemplateRenderer.hasControlCharacter(in: output, from: start) { mayHoldControlCharacters = true }
        }
    }

    static func hasControlCharacter(in output: TemplateOutput, from start: Int) -> Bool {
        Escape.containsControlCharacter(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(output.bytes)[start...]))
    }

    /// The value a name resolves to: its first component is looked for from the innermost
    /// value outwards (only in the innermost for `.name`), the rest below what it found.
    private func lookUp(_ name: Template.Name) -> TemplateValue? {
        guard let first = name.first else { return stack.last }
        var found: TemplateValue?
        if name.currentOnly {
            found = stack.last?.member(first)
        } else {
            // By index from the innermost value: iterating `stack.reversed()` copies
            // every value it passes.
            var level = stack.count - 1
            while level >= 0 {
                if let child = stack[level].member(first) {
                    found = child
                    break
                }
                level -= 1
            }
            // Found outside the list item being kept, or nowhere (every value was looked in).
            if let recording, level < recording.floor { recording.readsOutside = true }
        }
        guard var value = found else { return nil }
        guard let second = name.second else { return value }
        guard let child = value.member(second) else { return nil }
        value = child
        for component in name.rest {
            guard let child = value.member(component) else { return nil }
            value = child
        }
        return value
    }
}
