import LoysiteSupport
import Yams

/// Reads front matter of the forms nearly every page has without a YAML parser: one
/// `key: value` entry per known key, the value a plain text, a single- or double-quoted
/// one on one line (escapes `\"`, `\\`, `\/`, and `''`), a one-line `[a, "b"]` list,
/// a block list (`aliases:` then `  - NPS` lines), a block scalar (`summary: >-` then
/// indented lines; `|`, `>`, with or without `-`) or `true`/`false`, with comments on
/// their own lines or after a value. Yams builds a node tree and resolves every
/// scalar's type with seven regular expressions (for the duplicate-key check too), which
/// made YAML the largest part of loading a page.
///
/// Anything else returns nil, and the page goes through `EventFrontMatter` (or Yams)
/// and `FieldReader` as before: unknown keys (template params need YAML's typing),
/// empty values, continued lines, other escapes, anchors, tags, flow mappings, blank
/// or comment lines inside a block, characters YAML treats specially at the start of a
/// value, a lone value where a list is expected unless it is certainly text. For what
/// it accepts the fields, values and locations are exactly what `PageFields(reading:)`
/// gives (tests compare both on many front matters, and on thousands of random ones).
///
/// It reads UTF-8 bytes, as YAML does, and makes strings from byte ranges, so a
/// combining mark after a quote or a comma stays part of the text.
enum SimpleFrontMatter {
    static func fields(_ yaml: String, path: String, firstLine: Int) -> PageFields? {
        var yaml = yaml
        return yaml.withUTF8 { text in
            guard isPlainYAMLText(text) else { return nil }
            var lines: [Range<Int>] = []
            var lineStart = 0
            while lineStart <= text.count {
                var lineEnd = lineStart
                while lineEnd < text.count, text[lineEnd] != 0x0A { lineEnd += 1 }
                lines.append(lineStart..<lineEnd)
                lineStart = lineEnd + 1
            }
            var number = 0
            let reader = Reader(text: text, lines: lines, firstLine: firstLine, path: path)
            guard let entries = reader.mapping(indent: 0, from: &number), number == lines.count, !entries.isEmpty else { return nil }
            var fields = PageFieldsBuilder()
            for entry in entries {
                let key = entry.key.lowercased()
                if let role = PageFieldsBuilder.role(of: key) {
                    guard assign(entry.value, as: role, to: key, at: entry.location, in: &fields) else { return nil }
                } else {
                    fields.addParam(entry.key, entry.value.json)
                }
            }
            return fields.finished()
        }
    }

    /// One `key: value` of a mapping, where its value starts.
    struct Entry {
        var key: String
        var value: Value
        var location: SourceLocation
    }

    /// Reads block mappings line by line.
    private struct Reader {
        let text: UnsafeBufferPointer<UInt8>
        let lines: [Range<Int>]
        let firstLine: Int
        let path: String

        func line(_ number: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[lines[number]]) }

        /// The entries of the mapping whose keys stand at column `indent + 1`, from line
        /// `number` to the first line indented less. Nil where YAML is needed: a line
        /// indented more than a key, a key twice (in any case), anything else unsure.
        func mapping(indent: Int, from number: inout Int) -> [Entry]? {
            var entries: [Entry] = []
            // A front matter has a few keys: comparing short strings is cheaper than a
            // set's hashing and growing.
            var seen: [String] = []
            while number < lines.count {
                let line = line(number)
                var index = 0
                while index < line.count, line[index] == 0x20 { index += 1 }
                if index == line.count || line[index] == UInt8(ascii: "#") { number += 1; continue }
                if index < indent { break }
                guard index == indent else { return nil }
                let lineNumber = firstLine + number
                number += 1
                // `key:`, then a space and the value, or nothing and a block below.
                let keyStart = index
                guard isKeyStart(line[index]) else { return nil }
                while index < line.count, isKeyByte(line[index]) { index += 1 }
                guard index < line.count, line[index] == UInt8(ascii: ":") else { return nil }
                let key = String(decoding: line[keyStart..<index], as: UTF8.self)
                let lowercased = key.lowercased()
                guard !seen.contains(lowercased) else { return nil }
                seen.append(lowercased)
                index += 1
                if index == line.count || isCommentOrSpaces(line[index...]) {
                    guard let (value, location) = block(under: indent, from: &number) else { return nil }
                    entries.append(Entry(key: key, value: value, location: location))
                    continue
                }
                guard line[index] == 0x20 else { return nil }
                while index < line.count, line[index] == 0x20 { index += 1 }
                let location = SourceLocation(file: path, line: lineNumber, column: column(line, index))
                if line[index] == UInt8(ascii: "|") || line[index] == UInt8(ascii: ">") {
                    guard let block = blockScalar(text, lines, header: line[index...], from: &number) else { return nil }
                    entries.append(Entry(key: key, value: .quoted(block), location: location))
                } else {
                    guard let inline = Value(line, index..<line.count, lineNumber: lineNumber, path: path) else { return nil }
                    entries.append(Entry(key: key, value: inline, location: location))
                }
            }
            return entries
        }

        /// What follows a `key:` with nothing after it: a block list (at the key's
        /// indentation or deeper) or a mapping indented deeper. Nil for anything else
        /// (an empty value is YAML's null: left to it).
        func block(under indent: Int, from number: inout Int) -> (Value, SourceLocation)? {
            var next = number
            while next < lines.count {
                let line = line(next)
                var index = 0
                while index < line.count, line[index] == 0x20 { index += 1 }
                if index == line.count || line[index] == UInt8(ascii: "#") { next += 1; continue }
                if index + 1 < line.count, line[index] == UInt8(ascii: "-"), line[index + 1] == 0x20, index >= indent, next == number {
                    guard let list = blockList(text, lines, from: &number, firstLine: firstLine, path: path) else { return nil }
                    return (.list(list.items), list.location)
                }
                guard index > indent, isKeyStart(line[index]) else { return nil }
                number = next
                let location = SourceLocation(file: path, line: firstLine + next, column: index + 1)
                guard let entries = mapping(indent: index, from: &number), !entries.isEmpty else { return nil }
                return (.mapping(entries), location)
            }
            return nil
        }
    }

    /// YAML counts columns in Unicode scalars: 1 + the scalars before byte `offset`.
    private static func column(_ line: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        var scalars = 0
        for byte in line[..<offset] where byte & 0xC0 != 0x80 { scalars += 1 }
        return 1 + scalars
    }

    /// Spaces only, or spaces and a comment (a `#` after at least one space, or first).
    private static func isCommentOrSpaces(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var sawSpace = rest.startIndex == 0
        for byte in rest {
            if byte == UInt8(ascii: "#") { return sawSpace }
            guard byte == 0x20 else { return false }
            sawSpace = true
        }
        return true
    }

    /// A list item or a scalar as written.
    struct Item {
        var text: String
        var location: SourceLocation
        /// Plain (unquoted): `~` or `null` is YAML's null.
        var isPlain: Bool
    }

    /// The items of a block list in the lines from `number` on: each `- value` at the
    /// same indentation, value plain or quoted, until a line that is not one. Nil when
    /// there is none, or a line would need YAML (a deeper item, an empty one).
    private static func blockList(_ text: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>], from number: inout Int, firstLine: Int, path: String)
        -> (items: [Item], location: SourceLocation)? {
        var items: [Item] = []
        var indent: Int?
        var location: SourceLocation?
        while number < lines.count {
            let line = UnsafeBufferPointer(rebasing: text[lines[number]])
            var index = 0
            while index < line.count, line[index] == 0x20 { index += 1 }
            guard index + 1 < line.count, line[index] == UInt8(ascii: "-"), line[index + 1] == 0x20 else { break }
            guard indent == nil || indent == index else { return nil }
            indent = index
            let lineNumber = firstLine + number
            if location == nil { location = SourceLocation(file: path, line: lineNumber, column: index + 1) }
            index += 1
            while index < line.count, line[index] == 0x20 { index += 1 }
            guard index < line.count, let value = Value(line, index..<line.count, lineNumber: lineNumber, path: path) else { return nil }
            let itemLocation = SourceLocation(file: path, line: lineNumber, column: column(line, index))
            switch value {
            case .plain(let plain): items.append(Item(text: plain, location: itemLocation, isPlain: true))
            case .quoted(let quoted): items.append(Item(text: quoted, location: itemLocation, isPlain: false))
            case .list, .mapping: return nil
            }
            number += 1
        }
        guard let location, !items.isEmpty else { return nil }
        return (items, location)
    }

    /// The text of a block scalar whose header (`|`, `|-`, `>`, `>-`, then spaces or a
    /// comment) ends the key's line, its content the lines from `number` on that are
    /// indented alike: joined by line breaks (`|`) or spaces (`>`), with one final line
    /// break unless `-`. Nil for what needs YAML: keep (`+`) or indentation indicators,
    /// blank, more-indented or trailing-space lines, no content.
    private static func blockScalar(_ text: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>], header: Slice<UnsafeBufferPointer<UInt8>>, from number: inout Int) -> String? {
        let literal = header.first == UInt8(ascii: "|")
        var index = header.startIndex + 1
        var strip = false
        if index < header.endIndex, header[index] == UInt8(ascii: "-") { strip = true; index += 1 }
        guard isCommentOrSpaces(header[index...]), index == header.endIndex || header[index] == 0x20 else { return nil }
        var parts: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var indent = 0
        while number < lines.count {
            let line = text[lines[number]]
            // The text's last line break ends the block.
            if line.isEmpty, number == lines.count - 1 { break }
            var spaces = 0
            while spaces < line.count, line[line.startIndex + spaces] == 0x20 { spaces += 1 }
            if parts.isEmpty {
                guard spaces > 0 else { return nil }
                indent = spaces
            }
            if spaces < indent, spaces < line.count { break }
            guard spaces == indent, spaces < line.count, line.last != 0x20 else { return nil }
            parts.append(line.dropFirst(indent))
            number += 1
        }
        guard !parts.isEmpty else { return nil }
        var bytes: [UInt8] = []
        for (offset, part) in parts.enumerated() {
            if offset > 0 { bytes.append(literal ? 0x0A : 0x20) }
            bytes.append(contentsOf: part)
        }
        if !strip { bytes.append(0x0A) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A value as written: on one line (with any comment after it), or a block.
    indirect enum Value {
        case plain(String)
        case quoted(String)
        case list([Item])
        case mapping([Entry])

        /// The value as template params hold it: what `Node.json` gives for the node
        /// YAML reads (a plain scalar typed by Yams' own rules and constructors).
        var json: JSONValue {
            switch self {
            case .plain(let text): return SimpleFrontMatter.plainJSON(text)
            case .quoted(let text): return .string(text)
            case .list(let items): return .array(items.map { $0.isPlain ? SimpleFrontMatter.plainJSON($0.text) : .string($0.text) })
            case .mapping(let entries): return .object(entries.map { ($0.key, $0.value.json) })
            }
        }

        init?(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lineNumber: Int, path: String) {
            let first = line[range.lowerBound]
            guard first < 0x80 else { return nil }
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                guard let (text, end) = SimpleFrontMatter.quoted(line, from: range.lowerBound),
                      SimpleFrontMatter.isCommentOrSpaces(line[end..<range.upperBound]), end == range.upperBound || line[end] == 0x20 else { return nil }
                self = .quoted(text)
            } else if first == UInt8(ascii: "[") {
                guard let (items, end) = SimpleFrontMatter.flowList(line, from: range.lowerBound, lineNumber: lineNumber, path: path),
                      SimpleFrontMatter.isCommentOrSpaces(line[end..<range.upperBound]), end == range.upperBound || line[end] == 0x20 else { return nil }
                self = .list(items)
            } else {
                // A plain value ends at a comment: ` #`.
                var end = range.lowerBound
                while end < range.upperBound, !(line[end] == UInt8(ascii: "#") && line[end - 1] == 0x20) { end += 1 }
                while end > range.lowerBound, line[end - 1] == 0x20 { end -= 1 }
                guard end > range.lowerBound, SimpleFrontMatter.isSafePlain(line[range.lowerBound..<end], inFlow: false) else { return nil }
                self = .plain(String(decoding: line[range.lowerBound..<end], as: UTF8.self))
            }
        }
    }

    /// A quoted scalar that opens at byte `start` and closes on the same line: its text
    /// and the byte after the closing quote. Double quotes take the escapes `\"`, `\\`
    /// and `\/` (others are YAML's); single quotes, `''`.
    private static func quoted(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int)? {
        let quote = line[start]
        // Most quoted text has no escape: made from its bytes at once (appending byte by
        // byte was most of reading a Hugo archetype's front matter).
        var end = start + 1
        while end < line.count, line[end] != quote, !(quote == UInt8(ascii: "\"") && line[end] == UInt8(ascii: "\\")) { end += 1 }
        if end < line.count, line[end] == quote, !(quote == UInt8(ascii: "'") && end + 1 < line.count && line[end + 1] == quote) {
            return (String(decoding: UnsafeBufferPointer(rebasing: line[(start + 1)..<end]), as: UTF8.self), end + 1)
        }
        var bytes: [UInt8] = []
        var index = start + 1
        while index < line.count {
            let byte = line[index]
            if byte == quote {
                if quote == UInt8(ascii: "'"), index + 1 < line.count, line[index + 1] == quote {
                    bytes.append(quote)
                    index += 2
                    continue
                }
                return (String(decoding: bytes, as: UTF8.self), index + 1)
            }
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                guard index + 1 < line.count else { return nil }
                let escaped = line[index + 1]
                guard escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "\\") || escaped == UInt8(ascii: "/") else { return nil }
                bytes.append(escaped)
                index += 2
                continue
            }
            bytes.append(byte)
            index += 1
        }
        return nil
    }

    /// A one-line flow list that opens at byte `start`: its items (plain or quoted) and
    /// the byte after `]`.
    private static func flowList(_ line: UnsafeBufferPointer<UInt8>, from start: Int, lineNumber: Int, path: String) -> ([Item], Int)? {
        var items: [Item] = []
        // Items are met left to right: their columns (in Unicode scalars) are counted in
        // one pass. Counted here: `ColumnCounter`'s generic code was not specialised
        // across the module boundary, and cost more than the rest of reading a list.
        var countedTo = 0
        var countedColumn = 1
        func column(at target: Int) -> Int {
            while countedTo < target {
                if line[countedTo] & 0xC0 != 0x80 { countedColumn += 1 }
                countedTo += 1
            }
            return countedColumn
        }
        var index = start + 1
        func skipSpaces() { while index < line.count, line[index] == 0x20 { index += 1 } }
        skipSpaces()
        if index < line.count, line[index] == UInt8(ascii: "]") { return ([], index + 1) }
        while index < line.count {
            skipSpaces()
            guard index < line.count, line[index] < 0x80 else { return nil }
            let location = SourceLocation(file: path, line: lineNumber, column: column(at: index))
            if line[index] == UInt8(ascii: "\"") || line[index] == UInt8(ascii: "'") {
                guard let (text, end) = quoted(line, from: index) else { return nil }
                items.append(Item(text: text, location: location, isPlain: false))
                index = end
                skipSpaces()
            } else {
                var end = index
                while end < line.count, line[end] != UInt8(ascii: ","), line[end] != UInt8(ascii: "]") {
                    guard !flowSpecial[Int(line[end])] else { return nil }
                    end += 1
                }
                var trimmed = end
                while trimmed > index, line[trimmed - 1] == 0x20 { trimmed -= 1 }
                guard trimmed > index, isSafePlain(line[index..<trimmed], inFlow: true) else { return nil }
                items.append(Item(text: String(decoding: line[index..<trimmed], as: UTF8.self), location: location, isPlain: true))
                index = end
            }
            guard index < line.count else { return nil }
            if line[index] == UInt8(ascii: "]") { return (items, index + 1) }
            guard line[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
        return nil
    }

    static func plainJSON(_ text: String) -> JSONValue {
        let tag = EventFrontMatter.plainTag(text)
        // A decimal integer (`weight: 10`) is what Yams' constructor makes of it, without
        // its work for octal, hexadecimal, sexagesimal and `_` forms.
        // A timestamp (`lastmod: 2024-07-27T10:00:00Z`) stays its text, as in `Node.json`.
        if tag == .str || tag == .timestamp { return .string(text) }
        if tag == .int, text.utf8.count <= 18, EventFrontMatter.numericTag(text) == .int, let value = Int(text) { return .int(value) }
        return Node.scalar(.init(text, EventFrontMatter.tag(tag), .plain)).json
    }

    /// Hands `value` over as `FieldReader` would read it for a key of that role; false
    /// where that needs YAML.
    private static func assign(_ value: Value, as role: PageFieldsBuilder.Role, to key: String, at location: SourceLocation,
                               in fields: inout PageFieldsBuilder) -> Bool {
        switch role {
        case .text:
            switch value {
            case .plain(let plain): fields.setText(isNull(plain) ? nil : Located(plain.trimmingWhitespace(), at: location), key: key)
            case .quoted(let quoted): fields.setText(Located(quoted.trimmingWhitespace(), at: location), key: key)
            case .list, .mapping: return false
            }
        case .flag:
            guard case .plain(let plain) = value, plain == "true" || plain == "false" else { return false }
            fields.setFlag(Located(plain == "true", at: location), key: key)
        case .names:
            switch value {
            case .list(let items):
                fields.setNames(items.compactMap { item in
                    guard !item.isPlain || !isNull(item.text) else { return nil }
                    let text = item.text.trimmingBlanks()
                    return text.isEmpty ? nil : Located(text, at: item.location)
                }, key: key)
            case .plain(let plain):
                if isNull(plain) {
                    fields.setNames([], key: key)
                } else {
                    // YAML would type `3` or `yes` as a number or a boolean: an error
                    // that FieldReader words.
                    guard isCertainlyText(plain) else { return false }
                    fields.setNames([Located(plain.trimmingBlanks(), at: location)], key: key)
                }
            case .quoted(let quoted):
                fields.setNames([Located(quoted.trimmingBlanks(), at: location)], key: key)
            case .mapping:
                return false
            }
        }
        return true
    }

    /// Keys start with a letter and hold letters, digits, `_` and `-`: text to YAML
    /// whatever the case.
    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
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
