/// A JSON document with ordered object keys, so output is byte-identical from build to
/// build and keys appear in the order a reader expects (the order SPEC §4 lists them).
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A binary floating-point figure (a rate, a share). Non-finite values are written as `null`.
    case double(Double)
    /// A number already in exact decimal form (money summed in decimal), written as is.
    case decimal(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// An optional figure: `null` when it could not be computed.
    package static func double(_ value: Double?) -> JSONValue {
        guard let value else { return .null }
        return .double(value)
    }

    /// Writes the value as JSON. `<`, `>`, `&` and the line separators U+2028/U+2029 are
    /// written as `\u` escapes, so the text is also safe inside an HTML `<script>` element.
    /// Control characters other than tab, LF and CR (and DEL) are left out of every string,
    /// keys included, as `Escape.html` leaves them out of HTML: an escape sequence from a
    /// CSV header or a file name would otherwise reach whatever prints the JSON.
    package func serialized(pretty: Bool = false) -> String {
        var out = ByteBuffer(capacity: 256)
        write(to: &out, pretty: pretty, indent: 0)
        return out.text
    }

    /// The text `.object(head + [(key, .array(items))]).serialized()` gives, with the
    /// items already serialized (each on any core: long lists are written in parallel).
    package static func serializedObject(_ head: [(String, JSONValue)], endingWithArray key: String, of items: [String]) -> String {
        // Put together from the strings, which are known to be UTF-8: a string made of the
        // bytes would check them again (megabytes for the A–Z page's JSON-LD, at every
        // rebuild). The head is `…:[]}` less its last two bytes.
        var text = String(decoding: serializedObjectBytes(head, endingWithArray: key, of: []).dropLast(2), as: UTF8.self)
        text.reserveCapacity(items.reduce(text.utf8.count + 2) { $0 + $1.utf8.count + 1 })
        for (index, item) in items.enumerated() {
            if index > 0 { text.append(",") }
            text.append(item)
        }
        text.append("]}")
        return text
    }

    /// `serializedObject`'s UTF-8 bytes between `prefix` and `suffix`, for a file made of
    /// it: the search index is megabytes, and making a string of them checked every byte
    /// again before the file copied them out.
    package static func serializedObjectBytes(_ head: [(String, JSONValue)], endingWithArray key: String, of items: [String],
                                              prefix: String = "", suffix: String = "") -> [UInt8] {
        // Sized once: the search index and the A–Z page's JSON-LD are megabytes, and
        // growing the buffer piece by piece copied them over and over.
        var out = ByteBuffer(capacity: items.reduce(key.utf8.count + prefix.utf8.count + suffix.utf8.count + 64) { $0 + $1.utf8.count + 1 })
        out.append(prefix)
        JSONValue.object(head).write(to: &out, pretty: false, indent: 0)
        if head.isEmpty { out.removeLast() } else { out.replaceLast(with: UInt8(ascii: ",")) }
        writeString(key, to: &out)
        out.append(":[" as StaticString)
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(item)
        }
        out.append("]}" as StaticString)
        out.append(suffix)
        return out.array
    }

    /// Appends the JSON text to a byte buffer (which `serialized` makes a string of once:
    /// appending to a string checks and grows it at every piece).
    private func write(to out: inout ByteBuffer, pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append("null" as StaticString)
        case .bool(let value): out.append(value ? "true" : "false" as StaticString)
        case .int(let value): out.append(String(value))
        case .double(let value): out.append(JSONValue.format(value))
        case .decimal(let text): out.append(text)
        case .string(let text): JSONValue.writeString(text, to: &out)
        case .array(let items):
            if items.isEmpty { out.append("[]" as StaticString); return }
            out.append(UInt8(ascii: "["))
            for index in items.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(indent + 1, to: &out) }
                items[index].write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(indent, to: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append("{}" as StaticString); return }
            out.append(UInt8(ascii: "{"))
            for index in members.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(indent + 1, to: &out) }
                JSONValue.writeString(members[index].0, to: &out)
                out.append(pretty ? ": " : ":" as StaticString)
                members[index].1.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(indent, to: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, to out: inout ByteBuffer) {
        out.append(0x0A)
        for _ in 0..<indent { out.append("  " as StaticString) }
    }

    /// Shortest text that reads back as the same Double; integral values without `.0`.
    package static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// Copies runs of bytes that need no escape at once (JSON-LD and the search index
    /// write a lot of text), escaping the rest as described above.
    /// Bytes that are escaped, left out, or may start an escaped sequence (U+2028, U+2029, U+FEFF).
    private static let mayNeedEscape: [Bool] = (0..<256).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0x7F, 0xE2, 0xEF].contains(byte)
    }

    /// Whether one of the eight bytes of `word` may need the table's look: a byte below
    /// 0x20 or from 0x80 (which U+2028, U+2029 and U+FEFF begin with), `"`, `\`, `<`,
    /// `>`, `&` or DEL. Never false when one does.
    @inline(__always) private static func wordMayNeedEscape(_ word: UInt64) -> Bool {
        @inline(__always) func mayEqual(_ byte: UInt8) -> UInt64 { ByteLanes.mayEqual(word, byte) }
        return (word & ByteLanes.highs) | ByteLanes.mayBeBelow(word, 0x20) | mayEqual(0x22) | mayEqual(0x5C) | mayEqual(0x3C) | mayEqual(0x3E) | mayEqual(0x26) | mayEqual(0x7F) != 0
    }

    static func writeString(_ text: String, to out: inout ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        var text = text
        let mayNeedEscape = JSONValue.mayNeedEscape
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            let count = bytes.count
            while index < count {
                // Eight ordinary bytes are passed over at once (titles, URLs and
                // summaries are mostly such words); the bytes of any other word are
                // looked at one by one, the ordinary ones with a table lookup each.
                if index + 8 <= count, !JSONValue.wordMayNeedEscape(UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let end = Swift.min(index + 8, count)
                while index < end {
                    if !mayNeedEscape[Int(bytes[index])] {
                        index += 1
                        continue
                    }
                    let byte = bytes[index]
                    let escape: StaticString?
                    var length = 1
                    var control = false
                    switch byte {
                    case 0x22: escape = "\\\""
                    case 0x5C: escape = "\\\\"
                    case 0x0A: escape = "\\n"
                    case 0x0D: escape = "\\r"
                    case 0x09: escape = "\\t"
                    case 0x3C: escape = "\\u003c"
                    case 0x3E: escape = "\\u003e"
                    case 0x26: escape = "\\u0026"
                    case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                        escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                        length = 3
                    // A byte-order mark pasted into a title is valid in a JSON string, but some
                    // readers drop it as if it began the file; written escaped, it survives.
                    case 0xEF where index + 2 < count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF:
                        escape = "\\ufeff"
                        length = 3
                    default:
                        escape = nil
                        control = byte < 0x20 || byte == 0x7F
                    }
                    if escape != nil || control {
                        if index > runStart { out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                        // A control character is dropped: nothing is written for it.
                        if let escape { out.append(escape) }
                        index += length
                        runStart = index
                    } else {
                        index += 1
                    }
                }
            }
            if count > runStart { out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
