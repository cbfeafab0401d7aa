import CCmark
import Foundation
import LoysiteContent
import LoysiteSupport

/// A page's Markdown body turned into HTML, with what the build needs to know about it.
public struct RenderedMarkdown: Sendable {
    public var html: String
    /// The first paragraph as plain text (the default summary).
    public var firstParagraph: String?
    /// Pages this page links to (wikilinks, auto-links, plain links), for backlinks.
    public var linkedPages: Set<Int>
    public var diagnostics: [Diagnostic]
}

/// Converts one page's Markdown with libcmark, editing the syntax tree (never the HTML):
/// block directives, wikilinks, checked site links, then auto-links, then HTML.
public struct MarkdownConverter: Sendable {
    public var index: PageIndex
    /// Nil when auto-linking is off (`autolink: false`).
    public var matcher: TermMatcher?
    public var unsafe: Bool
    public var directives: (any BlockDirectiveRenderer)?

    public init(index: PageIndex, matcher: TermMatcher?, unsafe: Bool, directives: (any BlockDirectiveRenderer)?) {
        self.index = index
        self.matcher = matcher
        self.unsafe = unsafe
        self.directives = directives
    }

    /// Converts page number `pageNumber` of the index.
    public func convert(page pageNumber: Int) -> RenderedMarkdown {
        var pass = ConversionPass(converter: self, page: index.pages[pageNumber], pageNumber: pageNumber)
        return pass.run()
    }

    /// Converts a page that is not in the index (the home page's content).
    public func convert(_ page: Page) -> RenderedMarkdown {
        var pass = ConversionPass(converter: self, page: page, pageNumber: -1)
        return pass.run()
    }
}

/// The state of converting one page: its tree, its diagnostics, the pages it links.
private struct ConversionPass {
    let converter: MarkdownConverter
    let page: Page
    let pageNumber: Int
    let document: MarkdownDocument
    var diagnostics: [Diagnostic] = []
    var linked = Set<Int>()

    init(converter: MarkdownConverter, page: Page, pageNumber: Int) {
        self.converter = converter
        self.page = page
        self.pageNumber = pageNumber
        self.document = MarkdownDocument(page.body, unsafe: converter.unsafe)
    }

    mutating func run() -> RenderedMarkdown {
        removeHugoShortcodes()
        if !converter.unsafe { removeScriptURLs(in: document.root) }
        let firstParagraph = document.root.children.first { $0.type == CMARK_NODE_PARAGRAPH }?.plainText
        renderDirectives()
        renderTables()
        resolveWikilinks(in: document.root)
        checkLinks(in: document.root)
        autolink(in: document.root)
        return RenderedMarkdown(
            html: document.html(),
            firstParagraph: firstParagraph.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 },
            linkedPages: linked, diagnostics: diagnostics)
    }

    /// Where the table cell being converted starts in the body (nil outside cells).
    var cellOrigin: (line: Int, column: Int)?

    /// A position in the Markdown body (or in the table cell being converted), as a
    /// location in the file.
    func location(line: Int, column: Int) -> SourceLocation {
        if let cellOrigin {
            return SourceLocation(file: page.source, line: page.bodyFirstLine + cellOrigin.line + line - 2,
                                  column: line == 1 ? cellOrigin.column + column - 1 : column)
        }
        return SourceLocation(file: page.source, line: page.bodyFirstLine + line - 1, column: column)
    }

    func location(of node: MarkdownNode) -> SourceLocation {
        let position = node.knownPosition
        return location(line: position.line, column: position.column)
    }

    func href(to target: Int, fragment: String = "") -> String {
        RelativeURL.link(from: page.path, to: converter.index.pages[target].path) + fragment
    }

    // MARK: Hugo shortcodes

    /// Glossaries written for Hugo carry shortcodes such as `{{% sign-language-section ID %}}`
    /// on a line of their own; printed as text they would only puzzle readers.
    mutating func removeHugoShortcodes() {
        // A shortcode's text starts with `{{`: a body with no `{` (nor `&`, which could
        // spell one as an entity) has none, and its paragraphs need no plain text made.
        guard page.body.utf8.containsByte(UInt8(ascii: "{")) || page.body.utf8.containsByte(UInt8(ascii: "&")) else { return }
        for paragraph in document.root.children where paragraph.type == CMARK_NODE_PARAGRAPH {
            let text = paragraph.plainText.trimmingBlanks()
            guard (text.hasPrefix("{{%") && text.hasSuffix("%}}")) || (text.hasPrefix("{{<") && text.hasSuffix(">}}")) else { continue }
            let name = text.dropFirst(3).split(separator: " ").first.map(String.init) ?? "?"
            let position = paragraph.knownPosition
            diagnostics.append(.warning("Hugo shortcode '\(name)' is not supported by loysite; it was left out of the page", at: location(line: position.line, column: position.column)))
            paragraph.replace(with: [])
        }
    }

    // MARK: Script URLs

    /// Safe mode: a link or image whose URL could run script (`javascript:` …) keeps its
    /// text and loses the link, with a warning. (cmark alone would write `href=""`, an
    /// empty link that validators reject and readers cannot follow.)
    mutating func removeScriptURLs(in root: MarkdownNode) {
        for type in [CMARK_NODE_LINK, CMARK_NODE_IMAGE] {
            for node in root.descendants(ofType: type) where ScriptURL.isScript(node.url, image: type == CMARK_NODE_IMAGE) {
                let kind = type == CMARK_NODE_IMAGE ? "image" : "link"
                diagnostics.append(.warning("\(kind) to '\(node.url.prefix(60))' left out: a URL that runs script is only kept with 'unsafe: true' in site.yml", at: location(of: node)))
                node.unwrap()
            }
        }
    }

    // MARK: Directives

    mutating func renderDirectives() {
        guard let renderer = converter.directives else { return }
        var ordinal = 0
        for block in document.root.descendants(ofType: CMARK_NODE_CODE_BLOCK) {
            let name = block.fenceInfo.split(separator: " ").first.map(String.init) ?? ""
            guard renderer.names.contains(name) else { continue }
            ordinal += 1
            let fence = location(line: block.startLine, column: block.startColumn)
            let directive = BlockDirective(
                name: name, body: block.literal, location: fence,
                bodyLocation: SourceLocation(file: page.source, line: (fence.line ?? 1) + 1, column: block.startColumn),
                ordinal: ordinal, page: page)
            let result = renderer.render(directive)
            diagnostics += result.diagnostics
            if let html = result.html {
                block.replace(with: [.rawBlock(html)])
            }
        }
    }

    // MARK: Tables

    /// GitHub-style pipe tables, which CommonMark (and so cmark) reads as a paragraph.
    /// A paragraph whose second source line is a delimiter row (`|---|:--:|`) becomes a
    /// table; each cell goes through the same passes as the page (wikilinks, links,
    /// auto-links), so a cell is Markdown like any other text.
    mutating func renderTables() {
        // No pipe, no table: most pages skip splitting their body into lines.
        guard page.body.utf8.containsByte(UInt8(ascii: "|")) else { return }
        // Only a paragraph of two lines or more can be a table: split the body into
        // lines when the first one turns up.
        var bodyLines: [Substring]?
        for paragraph in document.root.descendants(ofType: CMARK_NODE_PARAGRAPH) {
            let first = paragraph.startLine, last = Int(cmark_node_get_end_line(paragraph.pointer))
            guard first > 0, last > first else { continue }
            // Split at line-feed bytes: a line feed is never part of a larger character.
            let lines = bodyLines ?? page.body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
            bodyLines = lines
            guard last <= lines.count else { continue }
            let indent = max(paragraph.startColumn - 1, 0)
            let sourceLines = lines[(first - 1)...(last - 1)]
            let rows = sourceLines.map { line -> Substring in
                let dropped = line.dropFirst(min(indent, line.prefix { $0 == " " || $0 == ">" }.count))
                return dropped.drop { $0 == " " }
            }
            // Where each row starts in its line, to report problems at a cell's column.
            let rowOffsets = zip(sourceLines, rows).map { line, row in line.count - row.count }
            guard let table = PipeTable(rows: rows) else { continue }
            var html = "<table>\n<thead>\n<tr>\n"
            for (column, cell) in table.header.enumerated() {
                html += "<th\(table.alignmentAttribute(column))>\(renderInline(cell.text, line: first, column: rowOffsets[0] + cell.column))</th>\n"
            }
            html += "</tr>\n</thead>\n"
            if !table.body.isEmpty {
                html += "<tbody>\n"
                for (offset, row) in table.body.enumerated() {
                    html += "<tr>\n"
                    for column in table.header.indices {
                        let cell = column < row.count ? row[column] : PipeTable.Cell(text: "", column: 1)
                        html += "<td\(table.alignmentAttribute(column))>\(renderInline(cell.text, line: first + 2 + offset, column: rowOffsets[2 + offset] + cell.column))</td>\n"
                    }
                    html += "</tr>\n"
                }
                html += "</tbody>\n"
            }
            html += "</table>\n"
            paragraph.replace(with: [.rawBlock(html)])
        }
    }

    /// One table cell's Markdown as inline HTML, through the page's link passes. The cell
    /// is parsed on its own, so positions in it are moved to where it is in the body:
    /// `line` and `column` of its first character.
    mutating func renderInline(_ text: String, line: Int, column: Int) -> String {
        guard !text.isEmpty else { return "" }
        cellOrigin = (line, column)
        defer { cellOrigin = nil }
        let cell = MarkdownDocument(text, unsafe: converter.unsafe)
        if !converter.unsafe { removeScriptURLs(in: cell.root) }
        resolveWikilinks(in: cell.root)
        checkLinks(in: cell.root)
        autolink(in: cell.root)
        var html = cell.html().trimmingWhitespace()
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }

    // MARK: Wikilinks

    /// `[[Target]]` and `[[Target|shown text]]`, resolved by title, alias or slug.
    mutating func resolveWikilinks(in root: MarkdownNode) {
        for node in root.descendants(ofType: CMARK_NODE_TEXT) {
            // Most text has no `[[` at all; a byte scan of cmark's own copy says so
            // without making a string of it.
            guard node.withLiteralBytes({ $0.containsPair(UInt8(ascii: "["), UInt8(ascii: "[")) }) else { continue }
            let literal = node.literal
            // Brackets with ASCII on both sides (all real text) are found byte by byte;
            // otherwise Foundation's search decides, as it always did.
            let isolated = literal.utf8.isASCII || literal.utf8.wikilinkSyntaxIsASCIIBounded
            guard isolated || literal.contains("[["),
                  !node.isInside(where: { $0 == CMARK_NODE_LINK || $0 == CMARK_NODE_IMAGE }) else { continue }
            func find(_ needle: String, in text: Substring) -> Range<String.Index>? {
                isolated ? text.asciiRange(of: needle) : text.range(of: needle)
            }
            var pieces: [MarkdownNode] = []
            var rest = Substring(literal)
            var consumedBytes = 0
            while let open = find("[[", in: rest), let close = find("]]", in: rest[open.upperBound...]) {
                let inner = rest[open.upperBound..<close.lowerBound]
                let offset = consumedBytes + rest.utf8.distance(from: rest.startIndex, to: open.lowerBound)
                let parts = isolated ? inner.asciiSplit(at: UInt8(ascii: "|")) : inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].trimmingBlanks()
                let label = parts.count > 1 ? parts[1].trimmingBlanks() : target
                if !rest[..<open.lowerBound].isEmpty { pieces.append(.text(String(rest[..<open.lowerBound]))) }
                let (name, fragment) = isolated ? asciiSplitFragment(target) : splitFragment(target)
                if let targetPage = converter.index.page(named: name) {
                    linked.insert(targetPage)
                    let title = converter.index.pages[targetPage].title
                    pieces.append(.link(url: href(to: targetPage, fragment: fragment), title: title == label ? nil : title, label: label.isEmpty ? title : label))
                } else {
                    diagnostics.append(.error("wikilink [[\(inner)]] matches no page's title, alias or slug\(suggestion(for: name))", at: column(in: node, literal: literal, byteOffset: offset), subject: String(name)))
                    pieces.append(.text(label))
                }
                consumedBytes = offset + rest.utf8.distance(from: open.lowerBound, to: close.upperBound)
                rest = rest[close.upperBound...]
            }
            if let open = find("[[", in: rest), find("]]", in: rest[open.upperBound...]) == nil {
                let offset = consumedBytes + rest.utf8.distance(from: rest.startIndex, to: open.lowerBound)
                diagnostics.append(.warning("wikilink '[[' is not closed by ']]' on the same line; a wikilink cannot span lines", at: column(in: node, literal: literal, byteOffset: offset)))
            }
            guard !pieces.isEmpty else { continue }
            if !rest.isEmpty { pieces.append(.text(String(rest))) }
            node.replace(with: pieces)
        }
    }

    /// `splitFragment` for text whose `#` has ASCII neighbours, on bytes.
    func asciiSplitFragment(_ target: String) -> (String, String) {
        guard let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (target, "") }
        return (String(target[..<hash]), String(target[hash...]))
    }

    func splitFragment(_ target: String) -> (String, String) {
        guard let hash = target.firstIndex(of: "#") else { return (target, "") }
        return (String(target[..<hash]), String(target[hash...]))
    }

    /// The file location of byte `byteOffset` of a text node's literal.
    func column(in node: MarkdownNode, literal: String, byteOffset: Int) -> SourceLocation {
        let position = node.knownPosition
        let characters = String(decoding: literal.utf8.prefix(byteOffset), as: UTF8.self).count
        return location(line: position.line, column: position.column + characters)
    }

    /// "; did you mean 'Net Promoter Score'?" when a name is close to an existing one.
    func suggestion(for name: String) -> String {
        let wanted = name.lowercased()
        var best: (distance: Int, title: String)?
        for candidate in converter.index.pages where candidate.kind == .term {
            let distance = EditDistance.between(wanted, candidate.title.lowercased(), limit: 3)
            if distance <= 3, distance < (best?.distance ?? .max) { best = (distance, candidate.title) }
        }
        return best.map { "; did you mean '\($0.title)'?" } ?? ""
    }

    // MARK: Plain links

    /// Site-relative links (`/glossary/nps/`) and links to Markdown files (`nps.md`) must
    /// name a page; they are rewritten to relative links. Links written for a glossary
    /// that lived at the site root (`/nps/`, as in Hugo) go to the term of that slug.
    mutating func checkLinks(in root: MarkdownNode) {
        for link in root.descendants(ofType: CMARK_NODE_LINK) {
            let url = link.url
            // Only a path from the site root or to a `.md` file is checked; the relative
            // links wikilinks just made (and most others) are neither, which bytes tell.
            guard url.utf8.first == UInt8(ascii: "/") || url.utf8.containsSequence(".md") else { continue }
            guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("//"), !hasScheme(url) else { continue }
            let (path, fragment) = splitFragment(url)
            var target: Int?
            if path.hasPrefix("/") {
                target = converter.index.page(atPath: path)
                if target == nil {
                    let parts = path.split(separator: "/")
                    if parts.count == 1 { target = converter.index.term(slug: String(parts[0])) }
                }
                if target == nil, path.hasPrefix("/assets/") {
                    link.url = RelativeURL.link(from: page.path, to: String(path.dropFirst())) + fragment
                    continue
                }
            } else if path.hasSuffix(".md") {
                let folder = (page.source as NSString).deletingLastPathComponent
                let source = ((folder as NSString).appendingPathComponent(path) as NSString).standardizingPath
                target = converter.index.page(source: source)
            } else {
                continue
            }
            if let target {
                linked.insert(target)
                link.url = href(to: target, fragment: fragment)
            } else {
                // Its last segment (`nps` of `/glossary/nps/` or `nps.md`) is the page it wanted.
                let wanted = path.split(separator: "/").last.map { $0.hasSuffix(".md") ? String($0.dropLast(3)) : String($0) }
                diagnostics.append(.warning("link to '\(url)' matches no page of the site", at: location(of: link), subject: wanted))
            }
        }
    }

    func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." } && !scheme.contains("/")
    }

    // MARK: Auto-links

    /// Links the first plain mention of each other term, outside links, images, code and
    /// headings, unless the page already links that term.
    mutating func autolink(in root: MarkdownNode) {
        guard let matcher = converter.matcher else { return }
        for node in root.descendants(ofType: CMARK_NODE_TEXT)
        where !node.isInside(where: { $0 == CMARK_NODE_LINK || $0 == CMARK_NODE_IMAGE || $0 == CMARK_NODE_HEADING }) {
            // The text is read where cmark keeps it; strings are made only for the
            // pieces of a text that has something to link.
            let pieces = node.withLiteralBytes { bytes -> [MarkdownNode] in
                let mentions = matcher.mentions(in: bytes).filter { $0.page != pageNumber && !linked.contains($0.page) }
                guard !mentions.isEmpty else { return [] }
                func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
                var pieces: [MarkdownNode] = []
                var cursor = 0
                for mention in mentions where !linked.contains(mention.page) {
                    linked.insert(mention.page)
                    if mention.start > cursor { pieces.append(.text(text(cursor..<mention.start))) }
                    pieces.append(.link(url: href(to: mention.page), title: converter.index.pages[mention.page].title, label: text(mention.start..<mention.end)))
                    cursor = mention.end
                }
                if !pieces.isEmpty, cursor < bytes.count { pieces.append(.text(text(cursor..<bytes.count))) }
                return pieces
            }
            guard !pieces.isEmpty else { continue }
            node.replace(with: pieces)
        }
    }
}

extension Substring {
    /// `range(of:)` for an ASCII needle, comparing bytes.
    func asciiRange(of needle: String) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= pattern.count else { return nil }
            for start in 0...(bytes.count - pattern.count) where bytes[start] == first {
                if bytes[start..<start + pattern.count].elementsEqual(pattern) { return start }
            }
            return nil
        }
        if let found {
            guard let offset = found else { return nil }
            let start = utf8.index(utf8.startIndex, offsetBy: offset)
            return start..<utf8.index(start, offsetBy: pattern.count)
        }
        return range(of: needle)
    }

    /// `split(separator:maxSplits: 1, omittingEmptySubsequences: false)` at an ASCII
    /// byte with ASCII neighbours, on bytes.
    func asciiSplit(at separator: UInt8) -> [Substring] {
        guard let index = utf8.firstIndex(of: separator) else { return [self] }
        return [self[..<index], self[utf8.index(after: index)...]]
    }
}

extension String.UTF8View {
    /// Whether every `[`, `]`, `|` and `#` has ASCII (or nothing) on both sides, so
    /// that no grapheme cluster joins one to its neighbours and finding them by byte
    /// finds what finding them by Character finds.
    var wikilinkSyntaxIsASCIIBounded: Bool {
        withBytes { bytes in
            var previous: UInt8 = 0
            var afterSyntax = false
            for byte in bytes {
                if afterSyntax, byte >= 0x80 { return false }
                let isSyntax = byte == 0x5B || byte == 0x5D || byte == 0x7C || byte == 0x23
                if isSyntax, previous >= 0x80 { return false }
                afterSyntax = isSyntax
                previous = byte
            }
            return true
        }
    }


    /// The bytes in place when the string has them contiguously (native strings do),
    /// else a copy.
    private func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = withContiguousStorageIfAvailable(body) { return result }
        return Array(self).withUnsafeBufferPointer(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether `first` is directly followed by `second` somewhere.
    func containsPair(_ first: UInt8, _ second: UInt8) -> Bool {
        var previous: UInt8 = 0
        for byte in self {
            if byte == second, previous == first { return true }
            previous = byte
        }
        return false
    }
}
