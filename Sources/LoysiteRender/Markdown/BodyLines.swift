/// A text's lines, split at line-feed bytes: a line feed is never part of a larger
/// character, so every line is whole characters. Tables need the source lines of the
/// paragraphs they replace; `utf8.split(separator:)` went through the generic
/// collection path a byte at a time (a seventh of `renderTables` on the benchmark).
enum BodyLines {
    /// The lines of `text`: one more than its line feeds, empty lines kept, no line feed
    /// in any of them.
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        let feeds: [Int]? = utf8.withContiguousStorageIfAvailable { buffer in
            var feeds: [Int] = []
            for offset in buffer.indices where buffer[offset] == 0x0A { feeds.append(offset) }
            return feeds
        }
        guard let feeds else { return reference(text) }
        var lines: [Substring] = []
        lines.reserveCapacity(feeds.count + 1)
        var start = utf8.startIndex
        for feed in feeds {
            // O(1) on a native string's UTF-8 view.
            let end = utf8.index(utf8.startIndex, offsetBy: feed)
            lines.append(Substring(utf8[start..<end]))
            start = utf8.index(after: end)
        }
        lines.append(Substring(utf8[start...]))
        return lines
    }

    /// The same lines through the standard library's split (the reference of the tests).
    static func reference(_ text: String) -> [Substring] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }
}
