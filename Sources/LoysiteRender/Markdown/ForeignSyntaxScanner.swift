/// The byte scan behind `ForeignSyntax`.
struct ForeignSyntaxScanner {
    let input: [UInt8]
    var output: [UInt8] = []
    var warnings: [(message: String, line: Int, column: Int)] = []
    var moreLine: Int?
    var edits = SourceEdits()
    /// Summaries: links become their words.
    var plain = false

    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Where the current output line starts, for the columns of edits.
    private var outputLineStart = 0
    /// Inside `{% raw %}`: copied as written up to `{% endraw %}`.
    private var raw = false
    /// The line start `mkDocsLine` last looked at.
    private var checkedLine = -1
    /// Inside a MkDocs admonition: its lines are indented by four spaces.
    private var inAdmonition = false
    /// `find`'s last answer per needle: where it searched from, what it found.
    private var finds: [String: (from: Int, found: Int?)] = [:]
    /// Line breaks before each position of the input (and its end).
    private let breaksBefore: [Int32]

    init(_ input: [UInt8]) {
        self.input = input
        output.reserveCapacity(input.count)
        var breaks: [Int32] = []
        breaks.reserveCapacity(input.count + 1)
        var count: Int32 = 0
        for byte in input {
            breaks.append(count)
            if byte == 0x0A { count += 1 }
        }
        breaks.append(count)
        breaksBefore = breaks
    }

    mutating func run() {
        while index < input.count {
            if index == lineStart, !plain, !raw, checkedLine != lineStart {
                checkedLine = lineStart
                if mkDocsLine() { continue }
            }
            if index == lineStart, !plain, let end = fencedBlockEnd() {
                copy(upTo: end)
                continue
            }
            let byte = input[index]
            if byte == 0x0A {
                copy(upTo: index + 1)
                continue
            }
            if raw {
                if starts(with: "{%"), let end = find("%}", from: index + 2), tagName(index + 2, end) == "endraw" {
                    replace(upTo: end + 2, with: "")
                    raw = false
                } else {
                    copy(upTo: index + 1)
                }
                continue
            }
            if byte == UInt8(ascii: "`") {
                copy(upTo: codeSpanEnd())
                continue
            }
            if byte == UInt8(ascii: "\\"), index + 1 < input.count, input[index + 1] != 0x0A {
                copy(upTo: index + 2)
                continue
            }
            if byte == UInt8(ascii: "{") {
                if starts(with: "{{<") || starts(with: "{{%") { shortcode(); continue }
                if starts(with: "{%") { liquidTag(); continue }
                if starts(with: "{{") { doubleBrace(); continue }
                if attributeList() { continue }
            }
            if byte == UInt8(ascii: "<"), starts(with: "<!--more-->") {
                moreLine = moreLine ?? line
                replace(upTo: index + "<!--more-->".utf8.count, with: "")
                continue
            }
            copy(upTo: index + 1)
        }
    }

    // MARK: MkDocs (Python-Markdown) blocks

    /// At a line start: an admonition (`!!! note "Title"`, `??? tip`), whose indented
    /// text CommonMark would read as code, is dedented and its first line left out; a
    /// snippet include (`--8<-- "file.md"`) or an abbreviation (`*[HTML]: …`) is left
    /// out. Each with a warning. True when the line was handled to its end.
    private mutating func mkDocsLine() -> Bool {
        if inAdmonition {
            if isBlankLine(from: index) { return false }
            if starts(with: "    ") {
                replace(upTo: index + 4, with: "")
                return false
            }
            if input[index] == 0x09 {
                replace(upTo: index + 1, with: "")
                return false
            }
            inAdmonition = false
        }
        var end = index
        while end < input.count, input[end] != 0x0A { end += 1 }
        let line = text(index, end)
        if line.hasPrefix("!!! ") || line.hasPrefix("??? ") || line.hasPrefix("???+ ") {
            let kind = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            warn("MkDocs admonition '\(line.prefix(3)) \(kind)' is not supported by loysite; its title was left out and its text kept as plain paragraphs")
            replace(upTo: end, with: "")
            inAdmonition = true
            return true
        }
        if line.hasPrefix("--8<--") {
            warn("MkDocs snippet '\(line.trimmingBlanks())' is not supported by loysite; it was left out of the page")
            replace(upTo: end, with: "")
            return true
        }
        if line.hasPrefix("*["), let close = line.range(of: "]:"), !line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound].contains("]") {
            warn("Markdown abbreviation '\(line[..<close.lowerBound])]' is not supported by loysite; it was left out of the page")
            replace(upTo: end, with: "")
            return true
        }
        return false
    }

    // MARK: Copying and replacing

    /// Copies the input up to `end` as it is.
    private mutating func copy(upTo end: Int) {
        let end = min(end, input.count)
        let base = output.count
        output.append(contentsOf: input[index..<end])
        for position in index..<end where input[position] == 0x0A {
            line += 1
            lineStart = position + 1
            outputLineStart = base + (position + 1 - index)
        }
        index = end
    }

    /// Replaces the input up to `end` with `replacement`, keeping the line breaks the
    /// replaced text had (at its end), so later lines stay where they were.
    private mutating func replace(upTo end: Int, with replacement: String) {
        let end = min(end, input.count)
        // A replacement made from the construct's own text (a macro's argument that ran
        // over a line break) must not add lines of its own: the breaks are put back below.
        let replacement = replacement.utf8.contains(0x0A) ? replacement.replacingOccurrences(of: "\n", with: " ") : replacement
        let breaks = input[index..<end].filter { $0 == 0x0A }.count
        let column = output.count - outputLineStart + 1
        output.append(contentsOf: replacement.utf8)
        if breaks == 0 {
            edits.record(line: line, column: column, newLength: replacement.utf8.count, oldLength: end - index)
        } else {
            // What stands after the construct on its last line moves to where it started.
            edits.record(line: line, column: column, newLength: replacement.utf8.count, oldLength: 0)
            for _ in 0..<breaks { output.append(0x0A) }
            line += breaks
            let lastBreak = input[index..<end].lastIndex(of: 0x0A)!
            lineStart = lastBreak + 1
            outputLineStart = output.count
            edits.record(line: line, column: 1, newLength: 0, oldLength: end - lineStart)
        }
        index = end
    }

    private mutating func warn(_ message: String) {
        // Columns count bytes, as cmark's do.
        warnings.append((message, line, index - lineStart + 1))
    }

    // MARK: Recognising

    private func starts(with prefix: String, at position: Int? = nil) -> Bool {
        let position = position ?? index
        var offset = 0
        for byte in prefix.utf8 {
            guard position + offset < input.count, input[position + offset] == byte else { return false }
            offset += 1
        }
        return true
    }

    /// The first `needle` at or after `from`, within the next 20 lines (a construct left
    /// open is not looked for to the end of a long file).
    ///
    /// Each needle's last answer is kept: a text with thousands of `{{<` and no `>}}`
    /// is searched once, not once for each opening (which took minutes on one line).
    private mutating func find(_ needle: String, from: Int) -> Int? {
        let found: Int?
        if let memo = finds[needle], memo.from <= from, memo.found.map({ $0 >= from }) ?? true {
            found = memo.found
        } else {
            let bytes = Array(needle.utf8)
            var position = from
            var hit: Int?
            while position + bytes.count <= input.count {
                if input[position] == bytes[0], starts(with: needle, at: position) { hit = position; break }
                position += 1
            }
            finds[needle] = (from, hit)
            found = hit
        }
        guard let found, lineBreaks(from, found) <= 20 else { return nil }
        return found
    }

    /// Line breaks in the input between two positions.
    private func lineBreaks(_ start: Int, _ end: Int) -> Int {
        Int(breaksBefore[end] - breaksBefore[start])
    }

    /// At a line start: the end of a fenced code block (``` or ~~~) opened here, which
    /// is copied as written.
    private func fencedBlockEnd() -> Int? {
        var position = index, indent = 0
        while position < input.count, input[position] == 0x20, indent < 4 { position += 1; indent += 1 }
        guard indent < 4, position < input.count, input[position] == UInt8(ascii: "`") || input[position] == UInt8(ascii: "~") else { return nil }
        let fence = input[position]
        var length = 0
        while position < input.count, input[position] == fence { position += 1; length += 1 }
        guard length >= 3 else { return nil }
        var lineEnd = position
        while lineEnd < input.count, input[lineEnd] != 0x0A { lineEnd += 1 }
        if fence == UInt8(ascii: "`"), input[position..<lineEnd].contains(UInt8(ascii: "`")) { return nil }
        // The closing fence: a line of at least as many fence characters.
        var start = lineEnd + 1
        while start < input.count {
            var end = start
            while end < input.count, input[end] != 0x0A { end += 1 }
            var cursor = start, spaces = 0
            while cursor < end, input[cursor] == 0x20, spaces < 4 { cursor += 1; spaces += 1 }
            var count = 0
            while cursor < end, input[cursor] == fence { cursor += 1; count += 1 }
            while cursor < end, input[cursor] == 0x20 || input[cursor] == 0x09 { cursor += 1 }
            if spaces < 4, count >= length, cursor == end { return min(end + 1, input.count) }
            start = end + 1
        }
        return input.count
    }

    /// A code span from the backticks at `index` to the next run of as many, within the
    /// paragraph; a run that is never closed is literal backticks.
    private func codeSpanEnd() -> Int {
        var position = index
        while position < input.count, input[position] == UInt8(ascii: "`") { position += 1 }
        let length = position - index
        while position < input.count {
            if input[position] == 0x0A, position + 1 < input.count, isBlankLine(from: position + 1) { break }
            if input[position] == UInt8(ascii: "`") {
                var run = position
                while run < input.count, input[run] == UInt8(ascii: "`") { run += 1 }
                if run - position == length { return run }
                position = run
                continue
            }
            position += 1
        }
        return index + length
    }

    private func isBlankLine(from start: Int) -> Bool {
        var position = start
        while position < input.count, input[position] != 0x0A {
            guard input[position] == 0x20 || input[position] == 0x09 else { return false }
            position += 1
        }
        return true
    }

    /// The first word of the tag between `start` and `end` (`raw`, `endraw`, `if` …).
    private func tagName(_ start: Int, _ end: Int) -> String {
        var position = start
        while position < end, input[position] == 0x20 || input[position] == UInt8(ascii: "-") { position += 1 }
        var name = ""
        while position < end, input[position] < 0x80, Character(Unicode.Scalar(input[position])).isLetter || input[position] == UInt8(ascii: "_") {
            name.append(Character(Unicode.Scalar(input[position])))
            position += 1
        }
        return name
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: input[start..<end], as: UTF8.self)
    }

    // MARK: Hugo shortcodes

    private mutating func shortcode() {
        let closer = input[index + 2] == UInt8(ascii: "<") ? ">}}" : "%}}"
        guard let end = find(closer, from: index + 3) else { copy(upTo: index + 1); return }
        let inner = text(index + 3, end).trimmingBlanks()
        // `{{</* name */>}}` shows a shortcode as text (Hugo's escape): kept as written.
        if inner.hasPrefix("/*") {
            let shown = "{{" + String(input[index + 2] == UInt8(ascii: "<") ? "<" : "%") + " " + inner.dropFirst(2).dropLast(2).trimmingBlanks() + " " + closer.prefix(1) + "}}"
            replace(upTo: end + 3, with: "`" + shown + "`")
            return
        }
        let call = ShortcodeCall(inner)
        // `{{< highlight go >}}` … `{{< /highlight >}}` on lines of their own: a fenced
        // code block, which is what Hugo makes of it.
        if call.name == "highlight", !plain, aloneOnLine(from: index, to: end + 3) {
            replace(upTo: end + 3, with: call.closing ? "```" : "```" + (call.positional.first ?? ""))
            return
        }
        if call.closing {
            // The end of a paired shortcode: its opening tag was the one reported.
            replace(upTo: end + 3, with: "")
            return
        }
        switch call.name {
        case "glossary_tooltip", "glossary-tooltip", "glossary_term", "tooltip":
            let id = call.named["term_id"] ?? call.named["id"] ?? call.positional.first ?? ""
            // Without `text`, Hugo shows the term's own name: the link is left empty
            // here, for the title of the page it resolves to.
            let words = call.named["text"] ?? call.positional.dropFirst().first ?? (plain ? id : "")
            replace(upTo: end + 3, with: link(words, to: id))
        case "ref", "relref":
            let path = call.named["path"] ?? call.positional.first ?? ""
            replace(upTo: end + 3, with: reference(to: path))
        case "figure":
            let source = call.named["src"] ?? ""
            let words = call.named["alt"] ?? call.named["caption"] ?? call.named["title"] ?? ""
            replace(upTo: end + 3, with: plain ? words : "![\(ForeignSyntaxScanner.escapeLabel(words))](\(ForeignSyntaxScanner.encode(source)))")
        default:
            warn("Hugo shortcode '\(call.name)' is not supported by loysite; it was left out of the page")
            replace(upTo: end + 3, with: "")
        }
    }

    /// Whether `start..<end` has only blanks before it and after it on its line.
    private func aloneOnLine(from start: Int, to end: Int) -> Bool {
        guard input[lineStart..<start].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return false }
        var after = end
        while after < input.count, input[after] == 0x20 || input[after] == 0x09 { after += 1 }
        return after == input.count || input[after] == 0x0A
    }

    /// What `ref`, `relref` and Liquid's `link` stand for: a URL. As a link's destination
    /// (`[words]({{< ref "x" >}})`) the URL of the page it names; anywhere else a link
    /// showing that page's title (Hugo would print the bare URL).
    private func reference(to path: String) -> String {
        if plain { return "" }
        let url = ForeignSyntax.referenceScheme + ForeignSyntaxScanner.encode(path)
        let before = output.suffix(2)
        if before.elementsEqual("](".utf8) || before.elementsEqual("(<".utf8) { return url }
        return "[](\(url))"
    }

    /// A link to the page another generator's syntax names, or its words in plain text.
    private func link(_ words: String, to name: String) -> String {
        plain ? words : "[\(ForeignSyntaxScanner.escapeLabel(words))](\(ForeignSyntax.referenceScheme)\(ForeignSyntaxScanner.encode(name)))"
    }

    static func escapeLabel(_ words: String) -> String {
        var escaped = ""
        for character in words {
            if "[]\\`*_<>".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// A destination with no space, bracket or parenthesis to end it early.
    static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            if byte <= 0x20 || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "%") || byte >= 0x7F {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" : "") + hex
            } else {
                encoded.append(Character(Unicode.Scalar(byte)))
            }
        }
        return encoded
    }

    // MARK: Liquid

    private mutating func liquidTag() {
        guard let end = find("%}", from: index + 2) else { copy(upTo: index + 1); return }
        let inner = text(index + 2, end).trimmingBlanks().trimmingCharacters("-").trimmingBlanks()
        let words = LiquidWords(inner)
        switch words.name {
        case "raw":
            raw = true
            replace(upTo: end + 2, with: "")
        case "comment":
            // A comment says nothing to readers: left out with what it encloses.
            var close = end + 2
            while let next = find("{%", from: close), let tagEnd = find("%}", from: next + 2) {
                close = tagEnd + 2
                if tagName(next + 2, tagEnd) == "endcomment" { break }
            }
            replace(upTo: close, with: "")
        case "endcomment", "endraw":
            replace(upTo: end + 2, with: "")
        case "link", "post_url":
            replace(upTo: end + 2, with: reference(to: words.arguments.first ?? ""))
        default:
            if words.name.hasPrefix("end") || ["else", "elsif", "when"].contains(words.name) {
                // The rest of a block whose opening tag was reported.
                replace(upTo: end + 2, with: "")
            } else if let call = MacroCall(inner), inner.hasSuffix(")") {
                // Zola's body shortcodes: `{% note(kind="tip") %}` … `{% end %}`.
                warn("Zola shortcode '\(call.name)' is not supported by loysite; it was left out of the page")
                replace(upTo: end + 2, with: "")
            } else {
                warn("Liquid tag '{% \(words.name) %}' is not supported by loysite; it was left out of the page")
                replace(upTo: end + 2, with: "")
            }
        }
    }

    /// `{{ … }}`: an MDN macro (`{{Glossary("HTTP")}}`, `{{GlossarySidebar}}`) or Liquid
    /// output (`{{ page.title }}`).
    private mutating func doubleBrace() {
        guard let end = find("}}", from: index + 2) else { copy(upTo: index + 1); return }
        let inner = text(index + 2, end)
        let trimmed = inner.trimmingBlanks()
        guard !trimmed.isEmpty else { copy(upTo: index + 1); return }
        // Zola's shortcodes look like MDN's macros with spaces inside the braces; MDN's
        // macro names start with a capital (`{{ EmbedLiveSample("x") }}`), Zola's do not,
        // and `{{ glossary("x") }}` is MDN's (its names are case-insensitive).
        let mdnName = trimmed.hasSuffix(")") && MacroCall(trimmed).map { $0.name.first?.isUppercase == true || $0.name.lowercased() == "glossary" } == true
        if inner.first == " ", !mdnName, let call = MacroCall(trimmed), trimmed.hasSuffix(")") {
            warn("Zola shortcode '\(call.name)' is not supported by loysite; it was left out of the page")
            replace(upTo: end + 2, with: "")
            return
        }
        if let macro = MacroCall(trimmed), inner.first != " " || mdnName {
            switch macro.name.lowercased() {
            case "glossary":
                let name = macro.arguments.first ?? ""
                replace(upTo: end + 2, with: link(macro.arguments.dropFirst().first ?? name, to: name))
            default:
                // An xref macro's second argument is the text MDN shows for it
                // (`{{domxref("Window/fetch", "fetch()")}}` reads "fetch()").
                if macro.name.lowercased().hasSuffix("xref"), macro.arguments.count > 1, !macro.arguments[1].isEmpty {
                    let shown = macro.arguments[1]
                    warn("MDN macro '\(macro.name)' is not supported by loysite; only its text '\(shown)' was kept, as code")
                    replace(upTo: end + 2, with: plain ? shown : "`" + shown.replacingBackticks() + "`")
                } else if let first = macro.arguments.first, !first.isEmpty {
                    warn("MDN macro '\(macro.name)' is not supported by loysite; only its first argument '\(first)' was kept, as code")
                    replace(upTo: end + 2, with: plain ? first : "`" + first.replacingBackticks() + "`")
                } else {
                    warn("MDN macro '\(macro.name)' is not supported by loysite; it was left out of the page")
                    replace(upTo: end + 2, with: "")
                }
            }
            return
        }
        // `{{ site.baseurl }}` before a path: loysite's links are relative and need none.
        let expression = trimmed.trimmingCharacters("-").trimmingBlanks()
        if ["site.baseurl", "site.url", "site.base_url", "base_url", "site.url | append: site.baseurl"].contains(expression) {
            replace(upTo: end + 2, with: "")
            return
        }
        // `{{ '/glossary/x/' | relative_url }}`: the path itself.
        if let quote = expression.first, quote == "'" || quote == "\"",
           let close = expression.dropFirst().firstIndex(of: quote) {
            let path = String(expression[expression.index(after: expression.startIndex)..<close])
            let filters = expression[expression.index(after: close)...].split(separator: "|").map { $0.trimmingBlanks() }
            if !filters.isEmpty, filters.allSatisfy({ ["relative_url", "absolute_url", "prepend: site.baseurl"].contains($0) }) {
                replace(upTo: end + 2, with: path)
                return
            }
        }
        warn("Liquid output '{{ \(expression) }}' is not supported by loysite; it was left out of the page")
        replace(upTo: end + 2, with: "")
    }

    // MARK: Attribute lists

    /// kramdown's `{: .class #id key="v"}` (and `{::options … /}`), Goldmark's
    /// `{.class}` / `{#id}` / `{class="…"}` after a block: recognised only when the
    /// braces hold nothing but attributes. Left out, with a warning.
    private mutating func attributeList() -> Bool {
        guard let close = find("}", from: index + 1), lineBreaks(index, close) == 0 else { return false }
        let inner = text(index + 1, close)
        let kramdown = inner.hasPrefix(":")
        let body = kramdown ? inner.drop { $0 == ":" }.trimmingBlanks() : inner.trimmingBlanks()
        if !kramdown {
            // Goldmark's attributes stand on a line of their own or end a heading.
            // (Looked at up to the first thing that is not a blank, so a long line of
            // braces is not read to its end from each one.)
            var after = close + 1
            while after < input.count, input[after] == 0x20 || input[after] == 0x09 { after += 1 }
            guard after == input.count || input[after] == 0x0A, ForeignSyntaxScanner.isAttributeList(body) else { return false }
        } else if !(body.isEmpty || ForeignSyntaxScanner.isAttributeList(body) || body.hasPrefix("options") || body.hasPrefix("nomarkdown") || body.hasSuffix("/") || body == "toc") {
            return false
        }
        let shown = text(index, close + 1)
        if body == "toc" {
            warn("kramdown table of contents '\(shown)' is not supported by loysite; it was left out of the page")
        } else {
            warn("\(kramdown ? "kramdown" : "Markdown") attribute list '\(shown)' is not supported by loysite; it was left out of the page")
        }
        replace(upTo: close + 1, with: "")
        return true
    }

    /// `.class`, `#id`, `key="value"` or `key=value` items separated by spaces.
    static func isAttributeList(_ text: String) -> Bool {
        let items = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !items.isEmpty else { return false }
        return items.allSatisfy { item in
            if item.hasPrefix(".") || item.hasPrefix("#") { return item.count > 1 && item.dropFirst().allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
            guard let equals = item.firstIndex(of: "=") else { return false }
            return item[..<equals].allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } && equals != item.startIndex
        }
    }
}

private extension String {
    func trimmingCharacters(_ characters: String) -> String {
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }

    func replacingBackticks() -> String {
        String(map { $0 == "`" ? "'" : $0 })
    }
}
