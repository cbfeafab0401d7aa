import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin, non-owning view of one libcmark node. The tree is owned by `MarkdownDocument`;
/// a node view must not outlive it.
struct MarkdownNode: Equatable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    /// Makes a free-standing node; it must be inserted into a tree (which then owns it).
    static func make(_ type: cmark_node_type) -> MarkdownNode {
        MarkdownNode(cmark_node_new(type))
    }

    static func text(_ literal: String) -> MarkdownNode {
        let node = make(CMARK_NODE_TEXT)
        node.literal = literal
        return node
    }

    /// A text node of `bytes` (valid UTF-8, no NUL), read where they are: auto-linking
    /// cuts a text into pieces of its own bytes, and making a string of each piece only
    /// to hand cmark its bytes again cost more than cmark's copy.
    static func text(bytes: UnsafeBufferPointer<UInt8>) -> MarkdownNode {
        let node = make(CMARK_NODE_TEXT)
        node.setLiteral(bytes: bytes)
        return node
    }

    /// `link(url:title:label:)` with the label's bytes.
    static func link(url: String, title: String? = nil, labelBytes: UnsafeBufferPointer<UInt8>) -> MarkdownNode {
        let node = make(CMARK_NODE_LINK)
        node.url = url
        if let title { node.title = title }
        cmark_node_append_child(node.pointer, MarkdownNode.text(bytes: labelBytes).pointer)
        return node
    }

    static func link(url: String, title: String? = nil, label: String) -> MarkdownNode {
        let node = make(CMARK_NODE_LINK)
        node.url = url
        if let title { node.title = title }
        cmark_node_append_child(node.pointer, MarkdownNode.text(label).pointer)
        return node
    }

    /// A block rendered as `html`, verbatim, in safe mode too: how trusted output of
    /// loysite itself (charts, tiles) goes into the document.
    static func rawBlock(_ html: String) -> MarkdownNode {
        let node = make(CMARK_NODE_CUSTOM_BLOCK)
        html.withCString { _ = cmark_node_set_on_enter(node.pointer, $0) }
        return node
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var parent: MarkdownNode? { MarkdownNode(cmark_node_parent(pointer)) }
    var firstChild: MarkdownNode? { MarkdownNode(cmark_node_first_child(pointer)) }
    var next: MarkdownNode? { MarkdownNode(cmark_node_next(pointer)) }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    // Setters hand cmark the string's own bytes (`withCString`): passing a String where
    // a C string is expected made a NUL-terminated copy of it on the heap first, once for
    // every text and link node the passes make.
    var literal: String {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { newValue.withCString { _ = cmark_node_set_literal(pointer, $0) } }
    }

    /// Sets the literal to `bytes` (valid UTF-8, no NUL) through a NUL-terminated copy
    /// on the stack.
    func setLiteral(bytes: UnsafeBufferPointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            let start = buffer.baseAddress!
            if let source = bytes.baseAddress, bytes.count > 0 { memcpy(start, source, bytes.count) }
            start[bytes.count] = 0
            _ = cmark_node_set_literal(pointer, start)
        }
    }

    /// The literal's UTF-8 bytes where cmark keeps them, read without making a string
    /// (auto-linking looks at every text node; most have nothing to link). Valid only
    /// inside `body`, and only while the node is unchanged.
    func withLiteralBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let text = cmark_node_get_literal(pointer) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text)))
    }

    var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { newValue.withCString { _ = cmark_node_set_url(pointer, $0) } }
    }

    /// A link's or image's title (read by no pass; set on the links they make).
    var title: String {
        get { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { newValue.withCString { _ = cmark_node_set_title(pointer, $0) } }
    }

    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// The nearest line known for this node: inline nodes may carry none, their block does.
    var knownPosition: (line: Int, column: Int) {
        var node: MarkdownNode? = self
        while let current = node {
            if current.startLine > 0 { return (current.startLine, max(current.startColumn, 1)) }
            node = current.parent
        }
        return (1, 1)
    }

    /// Whether an enclosing node's type is one `matches` takes.
    func isInside(where matches: (cmark_node_type) -> Bool) -> Bool {
        var node = parent
        while let current = node {
            if matches(current.type) { return true }
            node = current.parent
        }
        return false
    }

    func insertBefore(_ sibling: MarkdownNode) { cmark_node_insert_before(pointer, sibling.pointer) }

    /// Replaces this node with its own children (a link with its text) and frees it.
    func unwrap() {
        for child in children {
            cmark_node_unlink(child.pointer)
            insertBefore(child)
        }
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// Replaces this node with `nodes` and frees it.
    func replace(with nodes: [MarkdownNode]) {
        for node in nodes { insertBefore(node) }
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// Calls `body` for every node below (and including) this one, in document order.
    func forEachDescendant(_ body: (MarkdownNode) -> Void) {
        let iterator = cmark_iter_new(pointer)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = MarkdownNode(cmark_iter_get_node(iterator)) else { continue }
            body(node)
        }
    }

    /// Every node of `type` below (and including) this one, in document order, collected
    /// first so that passes may edit the tree while going through the list.
    func descendants(ofType type: cmark_node_type) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        forEachDescendant { if $0.type == type { result.append($0) } }
        return result
    }

    /// Every node of `first` and of `second` below (and including) this one, each list in
    /// document order, from one walk: the link passes read links and then images, and
    /// each walk of a long page's tree costs more than what the pass does with it.
    func descendants(ofType first: cmark_node_type, _ second: cmark_node_type) -> (first: [MarkdownNode], second: [MarkdownNode]) {
        var found: (first: [MarkdownNode], second: [MarkdownNode]) = ([], [])
        forEachDescendant { node in
            let type = node.type
            if type == first { found.first.append(node) } else if type == second { found.second.append(node) }
        }
        return found
    }

    /// The text a reader sees, without markup: for summaries and plain-text titles.
    var plainText: String {
        var text = ""
        forEachDescendant { node in
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }
}
