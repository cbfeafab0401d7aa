/// A JSON document with ordered object keys, so output is byte-identical from build to
/// build and keys appear in the order a reader expects (the order SPEC §4 lists them).
public enum JSONValue: Sendable, Equatable {
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

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// An optional figure: `null` when it could not be computed.
    public static func double(_ value: Double?) -> JSONValue {
        guard let value else { return .null }
        return .double(value)
    }

    /// Writes the value as JSON. `<`, `>`, `&` and the line separators U+2028/U+2029 are
    /// written as `\u` escapes, so the text is also safe inside an HTML `<script>` element.
    public func serialized(pretty: Bool = false) -> String {
        var out = String()
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += JSONValue.format(value)
        case .decimal(let text): out += text
        case .string(let text): JSONValue.writeString(text, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for index in items.indices {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                items[index].write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for index in members.indices {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                JSONValue.writeString(members[index].0, to: &out)
                out += pretty ? ": " : ":"
                members[index].1.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    /// Shortest text that reads back as the same Double; integral values without `.0`.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// Copies runs of bytes that need no escape at once (JSON-LD and the search index
    /// write a lot of text), escaping the rest as described above.
    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            let count = bytes.count
            func flush(_ end: Int) {
                if end > runStart { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self) }
            }
            while index < count {
                let byte = bytes[index]
                let escape: String?
                var length = 1
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
                    if byte < 0x20 {
                        let hex = String(byte, radix: 16)
                        escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        escape = nil
                    }
                }
                if let escape {
                    flush(index)
                    out += escape
                    index += length
                    runStart = index
                } else {
                    index += 1
                }
            }
            flush(count)
        }
        out += "\""
    }
}
