/// A table cell's text that cmark would give back unchanged: no byte that starts markup
/// in a line of its own (a list, heading, quote, fence, HTML block), none that inline
/// parsing reads (code, emphasis, links, entities, escapes, HTML, line breaks), none that
/// smart punctuation turns into another character (quotes, `--`, `...`) and none that
/// HTML escaping changes. Such a cell's inline HTML is its text itself: most cells of
/// real tables (`62 %`, `first`, `Segment`) are, and parsing each in a document of its
/// own, rendering it and unwrapping its paragraph was most of a table's cost.
enum PlainCellText {
    /// Whether `text` (trimmed, one line) is plain. ASCII only: non-ASCII spaces and
    /// punctuation change how cmark trims and reads delimiters, so those cells take the
    /// parse.
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: " "), last != UInt8(ascii: " ") else { return false }
            // A line starting a block: `#`, `>`, `-`, `+`, `~`, `=` (and `*`, `_`, `<`
            // and backquotes, which are never plain), or an ordered list's `1.` or `1)`
            // (one to nine digits, then a space or the end; `62.5 %` is no list).
            switch first {
            case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "~"), UInt8(ascii: "="): return false
            default: break
            }
            var digits = 0
            while digits < bytes.count, bytes[digits] >= UInt8(ascii: "0"), bytes[digits] <= UInt8(ascii: "9") { digits += 1 }
            if digits > 0, digits <= 9, digits < bytes.count, bytes[digits] == UInt8(ascii: ")") || bytes[digits] == UInt8(ascii: "."),
               digits + 1 == bytes.count || bytes[digits + 1] == UInt8(ascii: " ") { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                guard allowed[Int(byte)] else { return false }
                // A lone `.` or `-` stays as written; two start an ellipsis or a dash.
                if byte == previous, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") { return false }
                previous = byte
            }
            return true
        }
    }

    /// Printable ASCII less what cmark reads as markup (`\` `` ` `` `&` `_` `*` `[` `]`
    /// `<` `!`), what smart punctuation reads (`"` `'`) and what HTML escapes (`>`).
    private static let allowed: [Bool] = (0..<256).map { byte in
        guard byte >= 0x20, byte < 0x7F else { return false }
        return !"\\`&_*[]<>!\"'".utf8.contains(UInt8(byte))
    }
}
