import LoysiteSupport

/// Reads front matter of the form nearly every page has — one `key: value` line per
/// known key, the value a plain or simply quoted text, a one-line `[a, b]` list, or
/// `true`/`false` — without a YAML parser. Yams builds a node tree and resolves every
/// scalar's type with seven regular expressions (for the duplicate-key check too),
/// which made YAML the largest part of loading a page.
///
/// Anything else returns nil, and the page goes through `YAMLDocument` and
/// `FieldReader` as before: unknown keys (template params need YAML's typing), block
/// lists, empty values, indented or continued lines, escapes, comments after a value,
/// anchors, tags, flow mappings, characters YAML treats specially at the start of a
/// value, a lone value where a list is expected unless it is certainly text. For what
/// it accepts the fields, values and locations are exactly what `PageFields(reading:)`
/// gives (a test compares both on many front matters).
///
/// It reads UTF-8 bytes, as YAML does, and makes strings from byte ranges, so a
/// combining mark after a quote or a comma stays part of the text.
enum SimpleFrontMatter {
    static func fields(_ yaml: String, path: String, firstLine: Int) -> PageFields? {
        var yaml = yaml
        return yaml.withUTF8 { text in
            guard isPlainYAMLText(text) else { return nil }
            var fields = PageFields()
            var seen = Set<String>()
            var lineNumber = firstLine - 1
            var lineStart = 0
            while lineStart <= text.count {
                var lineEnd = lineStart
                while lineEnd < text.count, text[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                lineNumber += 1
                let line = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
                if line.allSatisfy({ $0 == 0x20 }) || line.first == UInt8(ascii: "#") { continue }
                // `key:`, a space, the value.
                var index = 0
                while index < line.count, isKeyByte(line[index]) { index += 1 }
                guard index > 0, index < line.count, line[index] == UInt8(ascii: ":") else { return nil }
                let key = String(decoding: line[..<index].map { $0 | 0x20 }, as: UTF8.self)
                guard PageLoader.knownKeys.contains(key), seen.insert(key).inserted else { return nil }
                index += 1
                guard index < line.count, line[index] == 0x20 else { return nil }
                while index < line.count, line[index] == 0x20 { index += 1 }
                var end = line.count
                while end > index, line[end - 1] == 0x20 { end -= 1 }
                guard index < end else { return nil }
                let location = SourceLocation(file: path, line: lineNumber, column: column(line, index))
                guard let value = Value(line, index..<end, lineNumber: lineNumber, path: path),
                      assign(value, to: key, at: location, in: &fields) else { return nil }
            }
            return seen.isEmpty ? nil : fields
        }
    }

    /// YAML counts columns in Unicode scalars: 1 + the scalars before byte `offset`.
    private static func column(_ line: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        var scalars = 0
        for byte in line[..<offset] where byte & 0xC0 != 0x80 { scalars += 1 }
        return 1 + scalars
    }

    /// A value as written.
    private enum Value {
        case plain(String)
        case quoted(String)
        case list([Located<String>])

        init?(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lineNumber: Int, path: String) {
            let first = line[range.lowerBound]
            let last = line[range.upperBound - 1]
            guard first < 0x80 else { return nil }
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                guard range.count >= 2, last == first else { return nil }
                let inner = line[(range.lowerBound + 1)..<(range.upperBound - 1)]
                guard !inner.contains(first), !inner.contains(UInt8(ascii: "\\")) else { return nil }
                self = .quoted(String(decoding: inner, as: UTF8.self))
            } else if first == UInt8(ascii: "[") {
                guard last == UInt8(ascii: "]") else { return nil }
                let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
                guard !line[inner].contains(where: { SimpleFrontMatter.flowSpecial[Int($0)] }) else { return nil }
                var items: [Located<String>] = []
                // Items are met left to right: their columns are counted in one pass.
                var columns = ColumnCounter()
                if line[inner].contains(where: { $0 != 0x20 }) {
                    var pieceStart = inner.lowerBound
                    while pieceStart <= inner.upperBound {
                        var pieceEnd = pieceStart
                        while pieceEnd < inner.upperBound, line[pieceEnd] != UInt8(ascii: ",") { pieceEnd += 1 }
                        var start = pieceStart
                        while start < pieceEnd, line[start] == 0x20 { start += 1 }
                        var end = pieceEnd
                        while end > start, line[end - 1] == 0x20 { end -= 1 }
                        guard start < end, line[start] < 0x80, SimpleFrontMatter.isSafePlain(line[start..<end], inFlow: true) else { return nil }
                        let location = SourceLocation(file: path, line: lineNumber, column: columns.column(at: start, in: line))
                        items.append(Located(String(decoding: line[start..<end], as: UTF8.self), at: location))
                        pieceStart = pieceEnd + 1
                    }
                }
                self = .list(items)
            } else {
                guard SimpleFrontMatter.isSafePlain(line[range], inFlow: false) else { return nil }
                self = .plain(String(decoding: line[range], as: UTF8.self))
            }
        }
    }

    /// Stores `value` the way `FieldReader` reads that key; false where that needs YAML.
    private static func assign(_ value: Value, to key: String, at location: SourceLocation, in fields: inout PageFields) -> Bool {
        switch key {
        case "title", "slug", "summary", "period", "date":
            let text: Located<String>?
            switch value {
            case .plain(let plain): text = isNull(plain) ? nil : Located(plain.trimmingWhitespace(), at: location)
            case .quoted(let quoted): text = Located(quoted.trimmingWhitespace(), at: location)
            case .list: return false
            }
            switch key {
            case "title": fields.title = text
            case "slug": fields.slug = text
            case "summary": fields.summary = text
            case "period": fields.period = text
            default:
                guard let text else { fields.date = nil; return true }
                switch FieldReader.date(text, key: key) {
                case .success(let day): fields.date = day
                case .failure(let diagnostic): fields.diagnostics.append(diagnostic)
                }
            }
        case "draft":
            guard case .plain(let plain) = value, plain == "true" || plain == "false" else { return false }
            fields.draft = Located(plain == "true", at: location)
        default:
            let list: [Located<String>]
            switch value {
            case .list(let items):
                list = items.compactMap { item in
                    guard !isNull(item.value) else { return nil }
                    let text = item.value.trimmingBlanks()
                    return text.isEmpty ? nil : Located(text, at: item.location)
                }
            case .plain(let plain):
                if isNull(plain) {
                    list = []
                } else {
                    // YAML would type `3` or `yes` as a number or a boolean: an error
                    // that FieldReader words.
                    guard isCertainlyText(plain) else { return false }
                    list = [Located(plain.trimmingBlanks(), at: location)]
                }
            case .quoted(let quoted):
                list = [Located(quoted.trimmingBlanks(), at: location)]
            }
            switch key {
            case "aliases": fields.aliases = list
            case "category": fields.category = list
            case "categories": fields.categories = list
            default: fields.related = list
            }
        }
        return true
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    /// YAML's null in plain form: no text.
    private static func isNull(_ plain: String) -> Bool {
        plain == "~" || plain == "null" || plain == "Null" || plain == "NULL"
    }

    private static let booleans: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"]

    /// Whether no rule of Yams' default resolver (bool, int, float, merge, null,
    /// timestamp, value) can match: numbers and timestamps start with a digit, a sign
    /// or a dot.
    private static func isCertainlyText(_ plain: String) -> Bool {
        guard let first = plain.utf8.first, !"0123456789+-.".utf8.contains(first) else { return false }
        return !booleans.contains(plain) && plain != "<<" && plain != "=" && !isNull(plain)
    }

    private static func table(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    /// Characters YAML reads as structure at the start of a plain value.
    private static let indicators = table("-?:,[]{}#&*!|>'\"%@`")
    /// Characters that end the simple case of a flow list.
    private static let flowSpecial = table("[]{}\"'#:")

    /// A plain scalar YAML reads as exactly this text: no indicator first, no `: ` or
    /// ` #` inside, no `:` last (and in a flow list no `:` at all).
    private static func isSafePlain(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, inFlow: Bool) -> Bool {
        guard let first = bytes.first, !indicators[Int(first)] else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "#"), previous == 0x20 { return false }
            if previous == UInt8(ascii: ":"), byte == 0x20 { return false }
            if inFlow, byte == UInt8(ascii: ":") { return false }
            previous = byte
        }
        return previous != UInt8(ascii: ":")
    }

    /// Printable text as YAML's reader accepts it, with no character it treats as a
    /// line break or an indentation problem: no tabs or control characters, no NEL,
    /// line or paragraph separators, byte-order marks or non-characters.
    private static func isPlainYAMLText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var hasNonASCII = false
        for byte in text {
            if byte >= 0x80 { hasNonASCII = true; continue }
            if byte == 0x0A { continue }
            if byte < 0x20 || byte == 0x7F { return false }
        }
        guard hasNonASCII else { return true }
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars where scalar.value >= 0x80 {
            let value = scalar.value
            if value < 0xA0 || value == 0x2028 || value == 0x2029 || value == 0xFEFF || value == 0xFFFE || value == 0xFFFF { return false }
        }
        return true
    }
}
