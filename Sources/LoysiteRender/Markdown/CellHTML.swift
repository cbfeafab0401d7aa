import LoysiteSupport

/// A table cell's HTML as cmark writes it for the cell alone, without the paragraph it
/// wraps the cell's text in: a table cell holds inline HTML.
enum CellHTML {
    /// `<p>…</p>` (after trimming) becomes what is between the tags; anything else is
    /// only trimmed.
    static func inline(_ html: String) -> String {
        // cmark writes a one-line paragraph as `<p>…</p>\n`. When the bytes next to the
        // tags are ASCII, no character joins a tag (which the Character-wise reference
        // would read as no tag): the text between is the answer, without trimming the
        // whole and cutting a second copy.
        let inner: String?? = html.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            let count = bytes.count
            guard count > 8,
                  bytes[0] == UInt8(ascii: "<"), bytes[1] == UInt8(ascii: "p"), bytes[2] == UInt8(ascii: ">"),
                  bytes[count - 5] == UInt8(ascii: "<"), bytes[count - 4] == UInt8(ascii: "/"),
                  bytes[count - 3] == UInt8(ascii: "p"), bytes[count - 2] == UInt8(ascii: ">"),
                  bytes[count - 1] == UInt8(ascii: "\n"),
                  bytes[3] < 0x80, bytes[count - 6] < 0x80 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[3..<(count - 5)]), as: UTF8.self)
        }
        if let inner = inner ?? nil { return inner }
        return reference(html)
    }

    /// The same on Characters: trimmed, then the tags dropped (the reference of the tests).
    static func reference(_ html: String) -> String {
        let html = html.trimmingWhitespace()
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { return String(html.dropFirst(3).dropLast(4)) }
        return html
    }
}
