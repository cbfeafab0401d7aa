import CCmark
import Foundation
import LoysiteContent
import LoysiteSupport

/// A page's Markdown body turned into HTML, with what the build needs to know about it.
package struct RenderedMarkdown: Sendable {
    package var html: String
    /// The first paragraph as plain text (the default summary).
    package var firstParagraph: String?
    /// The page's summary: front matter's (other generators' syntax carried over as
    /// plain text), else the text before a `<!--more-->` divider, else `firstParagraph`.
    package var summary: String?
    /// Pages this page links to (wikilinks, auto-links, plain links), for backlinks.
    package var linkedPages: Set<PageID>
    /// Links and images that name no file of the site, as written, already reported at
    /// their place (the check of the built site leaves them to these warnings).
    package var reportedLinks: Set<String> = []
    package var diagnostics: [Diagnostic]
}

/// Converts one page's Markdown with libcmark, editing the syntax tree (never the HTML):
/// block directives, wikilinks, checked site links, then auto-links, then HTML.
package struct MarkdownConverter: Sendable {
    package var index: PageIndex
    /// Nil when auto-linking is off (`autolink: false`).
    package var matcher: TermMatcher?
    package var unsafe: Bool
    package var directives: (any BlockDirectiveRenderer)?
    /// Curly quotes and dashes (`smart:` in site.yml, on by default as in Hugo).
    package var smart: Bool
    /// Every file the build writes (`glossary/nps/index.html`, `assets/style.css` …),
    /// when known: relative links and images are checked against it. Nil in tests of
    /// the converter alone.
    package var outputPaths: Set<String>?
    /// Files under `content/` that are copied into the site (images beside terms),
    /// by their path from the root, and where each goes in the output.
    package var resources: [String: String]

    package init(index: PageIndex, matcher: TermMatcher?, unsafe: Bool, directives: (any BlockDirectiveRenderer)?,
                smart: Bool = true, outputPaths: Set<String>? = nil, resources: [String: String] = [:]) {
        self.index = index
        self.matcher = matcher
        self.unsafe = unsafe
        self.directives = directives
        self.smart = smart
        self.outputPaths = outputPaths
        self.resources = resources
    }

    /// Converts page `id` of the index.
    package func convert(page id: PageID) -> RenderedMarkdown {
        var pass = ConversionPass(converter: self, page: index.pages[id], pageID: id)
        return pass.run()
    }

    /// Converts a page that is not in the index (the home page's content).
    package func convert(_ page: Page) -> RenderedMarkdown {
        var pass = ConversionPass(converter: self, page: page, pageID: nil)
        return pass.run()
    }
}

/// The state of converting one page: its tree, its diagnostics, the pages it links.
private struct ConversionPass {
    let converter: MarkdownConverter
    let page: Page
    /// Nil for a page that is not in the index.
    let pageID: PageID?
    let document: MarkdownDocument
    /// The body as libcmark reads it: other generators' syntax carried over.
    let body: String
    let foreign: ForeignSyntax?
    var diagnostics: [Diagnostic] = []
    /// Made with room for a page's usual links: grown from empty, each set was hashed
    /// again three or four times a page (about 800 instructions an insertion).
    var linked = Set<PageID>(minimumCapacity: 16)
    var reportedLinks = Set<String>()
    /// Links the wikilink pass made: already relative links to pages, not checked again.
    var madeLinks = Set<OpaquePointer>(minimumCapacity: 8)

    init(converter: MarkdownConverter, page: Page, pageID: PageID?) {
        self.converter = converter
        self.page = page
        self.pageID = pageID
        foreign = ForeignSyntax.mayContain(page.body) ? ForeignSyntax(body: page.body) : nil
        body = foreign?.text ?? page.body
        self.document = MarkdownDocument(body, unsafe: converter.unsafe, smart: converter.smart)
    }

    mutating func run() -> RenderedMarkdown {
        for warning in foreign?.warnings ?? [] {
            // Already a place in the file's own text: no column to move back.
            diagnostics.append(.warning(warning.message, at: SourceLocation(file: page.source, line: page.bodyFirstLine + warning.line - 1, column: warning.column)))
        }
        if !converter.unsafe { removeScriptURLs(in: document.root) }
        if foreign != nil { nameEmptyReferences() }
        let firstParagraph = document.root.children.first { $0.type == CMARK_NODE_PARAGRAPH }?.plainText
            .trimmingWhitespace()
        let beforeMore = foreign?.moreLine.map { line in
            document.root.children.filter { Int(cmark_node_get_end_line($0.pointer)) < line && $0.type != CMARK_NODE_HEADING }
                .map { $0.plainText.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        renderDirectives()
        renderTables()
        resolveWikilinks(in: document.root)
        checkLinks(in: document.root)
        autolink(in: document.root)
        var summary: String?
        if let written = page.summary {
            let carried = ForeignSyntax.plainText(written)
            for warning in carried.warnings {
                diagnostics.append(.warning(warning + " (in the summary)", at: page.summaryLocation ?? page.location))
            }
            summary = carried.text.trimmingWhitespace()
        }
        let paragraph = firstParagraph.flatMap { $0.isEmpty ? nil : $0 }
        summary = summary.flatMap { $0.isEmpty ? nil : $0 } ?? beforeMore.flatMap { $0.isEmpty ? nil : $0 } ?? paragraph
        return RenderedMarkdown(
            html: document.html(), firstParagraph: paragraph, summary: summary,
            linkedPages: linked, reportedLinks: reportedLinks, diagnostics: diagnostics)
    }

    /// Where the table cell being converted starts in the body (nil outside cells).
    var cellOrigin: (line: Int, column: Int)?

    /// A position in the Markdown body (or in the table cell being converted), as a
    /// location in the file.
    func location(line: Int, column: Int) -> SourceLocation {
        if let cellOrigin {
            return bodyLocation(line: cellOrigin.line + line - 1, column: line == 1 ? cellOrigin.column + column - 1 : column)
        }
        return bodyLocation(line: line, column: column)
    }

    /// A position in the body libcmark read, as a location in the file: columns moved
    /// back over what carrying other generators' syntax over changed on that line.
    func bodyLocation(line: Int, column: Int) -> SourceLocation {
        let column = foreign?.edits.originalColumn(line: line, column: column) ?? column
        return SourceLocation(file: page.source, line: page.bodyFirstLine + line - 1, column: column)
    }

    func location(of node: MarkdownNode) -> SourceLocation {
        let position = node.knownPosition
        return location(line: position.line, column: position.column)
    }

    func href(to target: PageID, fragment: String = "") -> String {
        let link = RelativeURL.link(from: page.path, to: converter.index.pages[target].path)
        return fragment.isEmpty ? link : link + fragment
    }

    // MARK: Script URLs

    /// Safe mode: a link or image whose URL could run script (`javascript:` …) keeps its
    /// text and loses the link, with a warning. (cmark alone would write `href=""`, an
    /// empty link that validators reject and readers cannot follow.)
    mutating func removeScriptURLs(in root: MarkdownNode) {
        // Links first, then images, as two walks would give them (an image inside a link
        // that loses its link is moved, not freed).
        let (links, images) = root.descendants(ofType: CMARK_NODE_LINK, CMARK_NODE_IMAGE)
        for (type, nodes) in [(CMARK_NODE_LINK, links), (CMARK_NODE_IMAGE, images)] {
            for node in nodes where ScriptURL.isScript(node.url, image: type == CMARK_NODE_IMAGE) {
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
        guard body.utf8.containsByte(UInt8(ascii: "|")) else { return }
        // Only a paragraph of two lines or more can be a table: split the body into
        // lines when the first one turns up.
        var bodyLines: [Substring]?
        for paragraph in document.root.descendants(ofType: CMARK_NODE_PARAGRAPH) {
            let first = paragraph.startLine, last = Int(cmark_node_get_end_line(paragraph.pointer))
            guard first > 0, last > first else { continue }
            let lines = bodyLines ?? BodyLines.lines(of: body)
            bodyLines = lines
            guard last <= lines.count else { continue }
            let indent = max(paragraph.startColumn - 1, 0)
            let sourceLines = lines[(first - 1)...(last - 1)]
            let rows = sourceLines.map { line -> Substring in
                let dropped = line.dropFirst(min(indent, line.prefix { $0 == " " || $0 == ">" }.count))
                return dropped.drop { $0 == " " }
            }
            // Where each row starts in its line, to report problems at a cell's column.
            var rowOffsets = zip(sourceLines, rows).map { line, row in line.count - row.count }
            // As in GFM, a table may interrupt a paragraph: its header is the line before
            // the first delimiter row that makes a table; the lines above stay a paragraph.
            var tableRows = Array(rows)
            var tableStart = 0
            var found: PipeTable?
            // A delimiter row has a dash byte (a quick test; `PipeTable` reads the row).
            for start in 0..<(tableRows.count - 1) where tableRows[start + 1].utf8.contains(UInt8(ascii: "-")) {
                if let table = PipeTable(rows: Array(tableRows[start...])) { found = table; tableStart = start; break }
            }
            guard let table = found else { continue }
            var html = ""
            if tableStart > 0 {
                let text = tableRows[..<tableStart].joined(separator: "\n")
                html += "<p>\(renderInline(text, line: first, column: rowOffsets[0] + 1))</p>\n"
                rowOffsets.removeFirst(tableStart)
            }
            let headerLine = first + tableStart
            html += "<table>\n<thead>\n<tr>\n"
            for (column, cell) in table.header.enumerated() {
                html += "<th\(table.alignmentAttribute(column))>\(renderInline(cell.text, line: headerLine, column: rowOffsets[0] + cell.column))</th>\n"
            }
            html += "</tr>\n</thead>\n"
            if !table.body.isEmpty {
                html += "<tbody>\n"
                for (offset, row) in table.body.enumerated() {
                    html += "<tr>\n"
                    for column in table.header.indices {
                        let cell = column < row.count ? row[column] : PipeTable.Cell(text: "", column: 1)
                        html += "<td\(table.alignmentAttribute(column))>\(renderInline(cell.text, line: headerLine + 2 + offset, column: rowOffsets[2 + offset] + cell.column))</td>\n"
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
        // A plain cell with nothing to auto-link is its own HTML (no link, image or
        // wikilink can be in it, so no other pass has anything to do).
        if PlainCellText.isPlain(text), !hasMentionToLink(text) { return text }
        cellOrigin = (line, column)
        defer { cellOrigin = nil }
        let cell = MarkdownDocument(text, unsafe: converter.unsafe, smart: converter.smart)
        if !converter.unsafe { removeScriptURLs(in: cell.root) }
        resolveWikilinks(in: cell.root)
        checkLinks(in: cell.root)
        autolink(in: cell.root)
        return CellHTML.inline(cell.html())
    }

    /// Whether auto-linking would link something in `text`: a mention of another page
    /// that this page does not link yet (the test `autolink(in:)` makes of each mention).
    func hasMentionToLink(_ text: String) -> Bool {
        guard let matcher = converter.matcher else { return false }
        return matcher.mentions(in: text).contains { $0.page != pageID && !linked.contains($0.page) }
    }

    // MARK: Wikilinks

    /// `[[Target]]` and `[[Target|shown text]]`, resolved by title, alias or slug with
    /// the rule auto-linking reads names by (`PageIndex.page(matching:)`). Only what
    /// CommonMark leaves as text is read, and only a `[[` that is not part of `[[[` or
    /// `![[` and whose `]]` closes it with no bracket between: everything else stays
    /// text as CommonMark has it (`[[[foo]]]`, `![[foo]]`). A code span as the whole
    /// target (``[[`Taxonomy`]]``) is fine. One pass over each text (`WikilinkScan`).
    mutating func resolveWikilinks(in root: MarkdownNode) {
        var suggestions: [String: String] = [:]
        for node in root.descendants(ofType: CMARK_NODE_TEXT) {
            // Most text has no `[[` at all; a byte scan of cmark's own copy says so
            // without making a string of it.
            guard node.withLiteralBytes({ $0.containsPair(UInt8(ascii: "["), UInt8(ascii: "[")) }),
                  !node.isInside(where: { $0 == CMARK_NODE_LINK || $0 == CMARK_NODE_IMAGE }) else { continue }
            // cmark's own bytes (valid UTF-8: the body was a Swift string).
            let bytes = node.withLiteralBytes { Array($0) }
            let scan = WikilinkScan(bytes)
            var columns = ColumnCounter(bytes)
            var pieces: [MarkdownNode] = []
            var cursor = 0
            func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
            for span in scan.links {
                let parts = WikilinkParts(bytes, span: span)
                let (inner, label, name, fragment) = (parts.inner, parts.label, parts.name, parts.fragment)
                if span.lowerBound > cursor { pieces.append(.text(text(cursor..<span.lowerBound))) }
                if let targetPage = converter.index.page(matching: name) {
                    linked.insert(targetPage)
                    let title = converter.index.pages[targetPage].title
                    let link = MarkdownNode.link(url: href(to: targetPage, fragment: fragment), title: title == label ? nil : title, label: label.isEmpty ? title : label)
                    madeLinks.insert(link.pointer)
                    pieces.append(link)
                } else {
                    let hint = suggestions[name] ?? suggestion(for: name)
                    suggestions[name] = hint
                    diagnostics.append(.error("wikilink [[\(inner)]] matches no page's title, alias or slug\(hint)", at: column(in: node, characters: columns.characters(before: span.lowerBound)), subject: String(name)))
                    pieces.append(.text(label))
                }
                cursor = span.upperBound
            }
            var rest = cursor < bytes.count ? text(cursor..<bytes.count) : ""
            if let open = scan.unclosed {
                if open == bytes.count - 2, wikilinkAroundCode(after: node) {
                    // ``[[`code`]]``: the `[[` and what precedes it stay here.
                    rest = open > cursor ? text(cursor..<open) : ""
                    if pieces.isEmpty {
                        node.literal = rest
                        continue
                    }
                } else {
                    diagnostics.append(.warning("wikilink '[[' is not closed by ']]' on the same line; a wikilink cannot span lines", at: column(in: node, characters: columns.characters(before: open))))
                }
            }
            guard !pieces.isEmpty else { continue }
            if !rest.isEmpty { pieces.append(.text(rest)) }
            node.replace(with: pieces)
        }
    }

    /// ``[[`Name`]]``: cmark reads the code span apart, leaving `[[` at the end of one
    /// text and `]]` at the start of the next. The three become a link to the page the
    /// code names, shown as code; false (nothing changed) when that is not what follows.
    mutating func wikilinkAroundCode(after node: MarkdownNode) -> Bool {
        guard let code = node.next, code.type == CMARK_NODE_CODE, let after = code.next, after.type == CMARK_NODE_TEXT,
              after.literal.hasPrefix("]]") else { return false }
        let name = code.literal.trimmingBlanks()
        let (target, fragment) = LinkResolver.splitFragment(name)
        guard let page = converter.index.page(matching: target) else {
            diagnostics.append(.error("wikilink [[`\(name)`]] matches no page's title, alias or slug\(suggestion(for: target))", at: location(of: node)))
            after.literal = String(after.literal.dropFirst(2))
            return true
        }
        linked.insert(page)
        let link = MarkdownNode.make(CMARK_NODE_LINK)
        madeLinks.insert(link.pointer)
        link.url = href(to: page, fragment: fragment)
        let title = converter.index.pages[page].title
        if title != name { link.title = title }
        code.insertBefore(link)
        cmark_node_unlink(code.pointer)
        cmark_node_append_child(link.pointer, code.pointer)
        after.literal = String(after.literal.dropFirst(2))
        return true
    }

    /// The file location of the character `characters` characters into a text node.
    func column(in node: MarkdownNode, characters: Int) -> SourceLocation {
        let position = node.knownPosition
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

    /// `{{< glossary_tooltip term_id="pod" >}}` without `text` shows the term's name, as
    /// in Hugo (the name as written when it names no page): filled in before the first
    /// paragraph is read for the summary.
    func nameEmptyReferences() {
        let resolver = LinkResolver(index: converter.index, page: page, outputPaths: converter.outputPaths, resources: converter.resources)
        for link in document.root.descendants(ofType: CMARK_NODE_LINK) where link.firstChild == nil && link.url.hasPrefix(ForeignSyntax.referenceScheme) {
            let name = String(link.url.dropFirst(ForeignSyntax.referenceScheme.count)).removingPercentEncoding ?? ""
            let title = resolver.reference(LinkResolver.splitFragment(name).0).map { converter.index.pages[$0].title } ?? name
            cmark_node_append_child(link.pointer, MarkdownNode.text(title).pointer)
        }
    }

    /// Links and images inside the site must name a page or a file of it; they are
    /// rewritten to relative links (`LinkResolver` says how each kind is read). One that
    /// names nothing is a warning at its place and loses its link (a link keeps its text,
    /// an image its description), so the site has no broken link in it.
    mutating func checkLinks(in root: MarkdownNode) {
        let resolver = LinkResolver(index: converter.index, page: page, outputPaths: converter.outputPaths, resources: converter.resources)
        // One walk for both kinds; links are done first, as before (a link that loses its
        // link frees only itself: images inside it are moved).
        let (links, images) = root.descendants(ofType: CMARK_NODE_LINK, CMARK_NODE_IMAGE)
        for (type, nodes) in [(CMARK_NODE_LINK, links), (CMARK_NODE_IMAGE, images)] {
            for link in nodes where !madeLinks.contains(link.pointer) {
                let url = link.url
                // Wikilinks and auto-links made above are already relative links to pages.
                guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("//"), !URLScheme.hasScheme(url) || url.hasPrefix(ForeignSyntax.referenceScheme) else { continue }
                switch resolver.resolve(url, text: type == CMARK_NODE_LINK ? link.plainText : "") {
                case .page(let target, let fragment):
                    if type == CMARK_NODE_LINK { linked.insert(target) }
                    link.url = href(to: target, fragment: fragment)

                case .file(let path, let fragment):
                    link.url = RelativeURL.link(from: page.path, to: path) + fragment
                case .unchecked:
                    continue
                case .missing(let message):
                    // Links of other generators' syntax (`loysite-ref:`, Hugo's `(g)`)
                    // lose their link; any other stays as written (CommonMark's own
                    // output), reported here so the check of the built site need not.
                    let own = url.hasPrefix(ForeignSyntax.referenceScheme) || url == "g"
                    let said = type == CMARK_NODE_IMAGE ? "image '\(url)' is not a file of the site" : message
                    // Its last segment (`nps` of `/glossary/nps/` or `nps.md`) is the page it
                    // wanted: a follow-on problem when that page's file failed to load.
                    let wanted = LinkResolver.splitFragment(url).0.split(separator: "/").last.map { segment -> String in
                        for suffix in [".md", ".html"] where segment.hasSuffix(suffix) { return String(segment.dropLast(suffix.count)) }
                        return String(segment)
                    }
                    diagnostics.append(.warning(said, at: location(of: link), subject: wanted))
                    if own { link.unwrap() } else { reportedLinks.insert(url) }
                }
            }
        }
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
                let mentions = matcher.mentions(in: bytes).filter { $0.page != pageID && !linked.contains($0.page) }
                guard !mentions.isEmpty else { return [] }
                func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
                var pieces: [MarkdownNode] = []
                var cursor = 0
                for mention in mentions where !linked.contains(mention.page) {
                    linked.insert(mention.page)
                    if mention.start > cursor { pieces.append(.text(bytes: text(cursor..<mention.start))) }
                    pieces.append(.link(url: href(to: mention.page), title: converter.index.pages[mention.page].title, labelBytes: text(mention.start..<mention.end)))
                    cursor = mention.end
                }
                if !pieces.isEmpty, cursor < bytes.count { pieces.append(.text(bytes: text(cursor..<bytes.count))) }
                return pieces
            }
            guard !pieces.isEmpty else { continue }
            node.replace(with: pieces)
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether `first` is directly followed by `second` somewhere. Every text of every
    /// page is asked (for `[[`), so the bytes are searched with `memchr` for `first`,
    /// not looked at one by one.
    func containsPair(_ first: UInt8, _ second: UInt8) -> Bool {
        guard var position = baseAddress, count > 1 else { return false }
        let end = position + count
        // A `first` in the last byte has nothing after it.
        while end - position > 1, let found = memchr(position, Int32(first), end - position - 1) {
            let hit = found.assumingMemoryBound(to: UInt8.self)
            if hit[1] == second { return true }
            position = UnsafePointer(hit) + 1
        }
        return false
    }

    /// `containsPair` byte by byte: the reference the tests hold it to.
    func containsPairByBytes(_ first: UInt8, _ second: UInt8) -> Bool {
        var previous: UInt8 = 0
        for byte in self {
            if byte == second, previous == first { return true }
            previous = byte
        }
        return false
    }
}
