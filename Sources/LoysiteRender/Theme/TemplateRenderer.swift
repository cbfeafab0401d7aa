/// Renders parsed templates with a `TemplateValue` context. Semantics are those of
/// swift-mustache 2.1 (which earlier versions used), so themes render byte for byte as
/// before: names are looked up from the innermost value outwards, then followed down
/// dotted paths; lists repeat a section, `true` shows it, an empty string hides it (as
/// template authors expect); partials and parents share the context; a parent's blocks
/// are replaced by the blocks its child gives, the outermost child winning.
///
/// One renderer renders one page: it keeps the context stack and appends UTF-8 bytes to
/// one buffer, instead of building a string per tag (appending to a String checks and
/// grows it at every call, which cost more than the rest of rendering).
struct TemplateRenderer {
    let templates: [String: Template]
    private var stack: [TemplateValue] = []
    private var output: [UInt8] = []

    init(templates: [String: Template]) {
        self.templates = templates
    }

    /// What a template's tags share besides the values: set by partials, parents and
    /// `{{% CONTENT_TYPE }}`.
    struct Frame {
        /// Added after each line break of a standalone partial's output; nil: none.
        var indentation: String?
        /// Blocks given by the templates that included this one as a parent.
        var blocks: [String: [Template.Token]]?
        var escapesHTML = true
    }

    mutating func render(_ template: Template, context: TemplateValue) -> String {
        String(decoding: renderBytes(template, context: context), as: UTF8.self)
    }

    /// The output as UTF-8 bytes, for writing to a file without making a string of it.
    mutating func renderBytes(_ template: Template, context: TemplateValue) -> [UInt8] {
        output = []
        output.reserveCapacity(32_768)
        stack = [context]
        render(template.tokens, frame: Frame())
        return output
    }

    private mutating func render(_ tokens: [Template.Token], frame: Frame) {
        var frame = frame
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for token in tokens { render(token, frame: &frame) }
            return
        }
        // In an indented partial each tag's output that starts a new line of this
        // template's output is indented (the first line's indentation is the text before
        // the tag, which the including template writes).
        let outer = output
        var local: [UInt8] = []
        for token in tokens {
            output = []
            render(token, frame: &frame)
            // The last character a line feed (not a CR LF pair, one character).
            if !output.isEmpty, local.last == 0x0A, local.count < 2 || local[local.count - 2] != 0x0D {
                TemplateRenderer.append(indentation, to: &local)
            }
            local += output
        }
        output = outer + local
    }

    private mutating func render(_ token: Template.Token, frame: inout Frame) {
        switch token {
        case .text(let text):
            output.append(contentsOf: text.bytes)

        case .variable(let name, let escaped):
            guard let value = lookUp(name) else { return }
            if case .string(let text) = value {
                if escaped && frame.escapesHTML { TemplateEscaping.appendHTML(text, to: &output) } else { TemplateRenderer.append(text, to: &output) }
            } else {
                let text = value.text
                if escaped && frame.escapesHTML { TemplateEscaping.appendHTML(text, to: &output) } else { TemplateRenderer.append(text, to: &output) }
            }

        case .section(let name, let body):
            guard let value = lookUp(name) else { return }
            switch value {
            case .list(let items):
                for item in items {
                    stack.append(item)
                    render(body, frame: frame)
                    stack.removeLast()
                }
            case .bool(let shown):
                if shown { render(body, frame: frame) }
            case .string(let text) where text.isEmpty:
                return
            default:
                stack.append(value)
                render(body, frame: frame)
                stack.removeLast()
            }

        case .invertedSection(let name, let body):
            let value = lookUp(name)
            switch value {
            case .none:
                render(body, frame: frame)
            case .list(let items)?:
                guard items.isEmpty else { return }
                stack.append(.list(items))
                render(body, frame: frame)
                stack.removeLast()
            case .bool(let shown)?:
                if !shown { render(body, frame: frame) }
            case .string(let text)? where text.isEmpty:
                render(body, frame: frame)
            default:
                return
            }

        case .blockExpansion(let name, let body, let indentation):
            var inner = frame
            inner.indentation = (frame.indentation ?? "") + indentation
            render(frame.blocks?[name] ?? body, frame: inner)

        case .blockDefinition:
            // Only inside `{{<parent}}`, where the parser collects them.
            return

        case .partial(let name, let dynamic, let indentation, let blocks):
            var templateName = name
            if dynamic {
                guard case .string(let text)? = lookUp(Template.Name(name)) else { return }
                templateName = text
            }
            guard let template = templates[templateName] else { return }
            var inner = Frame()
            if let indentation {
                inner.indentation = (frame.indentation ?? "") + indentation
            } else {
                inner.indentation = frame.indentation
            }
            if let blocks {
                // Blocks already given by an outer child win over this one's.
                inner.blocks = frame.blocks.map { $0.merging(blocks) { outer, _ in outer } } ?? blocks
            } else {
                inner.blocks = frame.blocks
            }
            render(template.tokens, frame: inner)

        case .contentType(let html):
            frame.escapesHTML = html
        }
    }

    @inline(__always) static func append(_ text: String, to output: inout [UInt8]) {
        if let _ = text.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) { return }
        output.append(contentsOf: Array(text.utf8))
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
