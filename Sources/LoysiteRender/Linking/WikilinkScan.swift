import LoysiteSupport

/// Where the wikilinks of one text are, found in a single pass over its UTF-8 bytes
/// (a text with tens of thousands of `[[` takes as long as reading it once).
///
/// A wikilink opens at `[[` that is neither part of a longer run of `[` nor after `!`
/// (CommonMark reads `[[[foo]]]` and `![[foo]]` as text and images; they stay so) and
/// closes at the first `]]` after it, with no `[` or `]` in between: a later `[[`
/// before the close starts the wikilink instead.
struct WikilinkScan {
    /// Byte ranges from `[[` to `]]` inclusive, in order.
    var links: [Range<Int>] = []
    /// The first `[[` that nothing closes (after the last wikilink), if any.
    var unclosed: Int?

    init(_ bytes: [UInt8]) {
        (links, unclosed) = bytes.withUnsafeBufferPointer(WikilinkScan.scan)
    }

    /// Only brackets change what the scan knows (a `!` is read only before an opener),
    /// so it passes over the bytes between them eight at a time: the byte-by-byte loop
    /// was 2.6% of a 1,000-term build's instructions (60 M, about 6,800 a text).
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (links: [Range<Int>], unclosed: Int?) {
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        var links: [Range<Int>] = []
        var unclosed: Int?
        var start: Int?
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return ([], nil) }
        let raw = UnsafeRawPointer(base)
        // The lowest lane `ByteLanes.mayEqual` marks is a byte that does equal.
        while index + 1 < count {
            // The next bracket: eight bytes at a time (little-endian loads: the lowest
            // marked byte is the first), then one at a time near the end.
            while index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let brackets = ByteLanes.mayEqual(word, open) | ByteLanes.mayEqual(word, close)
                if brackets != 0 {
                    index += brackets.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            while index < count, bytes[index] != open, bytes[index] != close { index += 1 }
            guard index + 1 < count else { break }
            let byte = bytes[index]
            if byte == open, bytes[index + 1] == open {
                let afterRun = index + 2 < count && bytes[index + 2] == open
                let afterBang = index > 0 && (bytes[index - 1] == UInt8(ascii: "!") || bytes[index - 1] == open)
                if afterRun || afterBang {
                    // Part of `[[[` or `![[`: skip the whole run of brackets. An opener
                    // before it is left open.
                    if let opened = start, unclosed == nil { unclosed = opened }
                    start = nil
                    while index < count, bytes[index] == open { index += 1 }
                    continue
                }
                if start != nil, unclosed == nil { unclosed = start }
                start = index
                index += 2
                continue
            }
            if byte == close, bytes[index + 1] == close, let opened = start {
                links.append(opened..<index + 2)
                start = nil
                unclosed = nil
                index += 2
                continue
            }
            if let opened = start {
                // A single bracket inside: not a wikilink target, so the opener is left
                // open (`[[a]b` is a typo the writer wants to hear about).
                if unclosed == nil { unclosed = opened }
                start = nil
            }
            index += 1
        }
        if let start, unclosed == nil { unclosed = start }
        if let first = unclosed, let last = links.last, first < last.lowerBound { unclosed = nil }
        return (links, unclosed)
    }
}

/// Character counts of byte offsets of one text, worked out incrementally for offsets
/// asked for in increasing order (each byte is looked at once).
struct ColumnCounter {
    private let bytes: [UInt8]
    private var offset = 0
    private var count = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Characters (Unicode scalars that start a UTF-8 sequence) before byte `target`.
    mutating func characters(before target: Int) -> Int {
        if target < offset {
            offset = 0
            count = 0
        }
        while offset < target, offset < bytes.count {
            if bytes[offset] & 0xC0 != 0x80 { count += 1 }
            offset += 1
        }
        return count
    }
}
