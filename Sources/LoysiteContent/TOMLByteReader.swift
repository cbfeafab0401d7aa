import LoysiteSupport

/// Reads the TOML that page front matter is written in, on UTF-8 bytes, into
/// `TOMLValue`s: bare keys, `key = value` lines, comments, `[name]` tables of one level,
/// basic and literal strings (one line or multi-line, with TOML's escapes), decimal
/// integers, floats, booleans, dates and times, arrays (over several lines too) and
/// inline tables. toml++ (through TOMLKit) with the conversions to YAML nodes was most
/// of loading a TOML page.
///
/// It declines (nil) anything else, and everything it is not sure TOML accepts exactly
/// as it reads it: dotted or quoted keys, `[[arrays of tables]]`, `[a.b]` tables, hex,
/// octal and binary integers, `inf` and `nan`, leap seconds, repeated keys (top-level
/// ones in any case), control characters, and any line inside a multi-line value that
/// `KeyPlaces` would take for a key. Those pages go through TOMLKit, which also words
/// every error.
struct TOMLByteReader {
    /// One top-level entry, with where its key and its value start (as `KeyPlaces`
    /// gives them); a `[table]` is written at its header.
    struct Entry {
        var key: String
        var value: TOMLValue
        var keyLocation: SourceLocation
        var valueLocation: SourceLocation
    }

    private let text: UnsafeBufferPointer<UInt8>
    private let path: String
    private let firstLine: Int
    private var index = 0
    /// 0-based line of `index` and the offset where that line starts.
    private var line = 0
    private var lineStart = 0

    /// The entries of `toml` in file order, or nil where TOMLKit must read it.
    static func entries(_ toml: String, path: String, firstLine: Int) -> [Entry]? {
        var toml = toml
        return toml.withUTF8 { text in
            var reader = TOMLByteReader(text: text, path: path, firstLine: firstLine)
            return reader.document()
        }
    }

    private init(text: UnsafeBufferPointer<UInt8>, path: String, firstLine: Int) {
        self.text = text
        self.path = path
        self.firstLine = firstLine
    }

    private var current: UInt8? { index < text.count ? text[index] : nil }

    private func byte(at offset: Int) -> UInt8? { offset < text.count ? text[offset] : nil }

    private func location(at offset: Int) -> SourceLocation {
        SourceLocation(file: path, line: firstLine + line, column: offset - lineStart + 1)
    }

    private static func isBlank(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func isKeyByte(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private mutating func skipBlanks() {
        while Self.isBlank(current) { index += 1 }
    }

    /// Blanks, then a comment or nothing, up to the end of the line (not consumed).
    private mutating func endOfLine() -> Bool {
        skipBlanks()
        if current == UInt8(ascii: "#") {
            while let byte = current, byte != 0x0A { index += 1 }
        }
        return current == nil || current == 0x0A
    }

    /// Consumes a line break inside a value; nil when the next line is one `KeyPlaces`
    /// would read as a key or a table (it would give that key this place).
    private mutating func newline() -> Bool {
        index += 1
        line += 1
        lineStart = index
        return !mightBeKeyLine(from: index)
    }

    /// What `KeyPlaces` takes for a key or a table line, or more: blanks, then `[` or a
    /// quote, or key characters, blanks and `=`, `:` or `.`.
    private func mightBeKeyLine(from start: Int) -> Bool {
        var offset = start
        while Self.isBlank(byte(at: offset)) { offset += 1 }
        guard let first = byte(at: offset) else { return false }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") { return true }
        guard Self.isKeyByte(first) || first >= 0x80 else { return false }
        while Self.isKeyByte(byte(at: offset)) || (byte(at: offset) ?? 0) >= 0x80 { offset += 1 }
        while Self.isBlank(byte(at: offset)) { offset += 1 }
        let separator = byte(at: offset)
        return separator == UInt8(ascii: "=") || separator == UInt8(ascii: ":") || separator == UInt8(ascii: ".")
    }

    private mutating func document() -> [Entry]? {
        // Control characters (but tab and line feed) are errors or need care anywhere.
        for byte in text where (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return nil }
        var entries: [Entry] = []
        // A front matter has a few keys: looking through an array of short strings is
        // cheaper than a set's hashing and growing.
        var topKeys: [String] = []
        /// The `[table]` being filled: its entry, keys and members (kept apart until the
        /// table ends, so that adding one does not copy the others).
        var table: (entry: Int, keys: [String], members: [(String, TOMLValue)])?
        func close(_ table: (entry: Int, keys: [String], members: [(String, TOMLValue)])?) {
            if let table { entries[table.entry].value = .table(table.members) }
        }
        while index < text.count {
            skipBlanks()
            guard let first = current else { break }
            if first == 0x0A {
                index += 1
                line += 1
                lineStart = index
                continue
            }
            if first == UInt8(ascii: "#") {
                guard endOfLine() else { return nil }
                continue
            }
            let keyStart = index
            if first == UInt8(ascii: "[") {
                index += 1
                skipBlanks()
                guard let name = bareKey() else { return nil }
                skipBlanks()
                guard current == UInt8(ascii: "]") else { return nil }
                index += 1
                let lowercased = name.lowercased()
                guard endOfLine(), !topKeys.contains(lowercased) else { return nil }
                topKeys.append(lowercased)
                let place = location(at: keyStart)
                close(table)
                entries.append(Entry(key: name, value: .table([]), keyLocation: place, valueLocation: place))
                table = (entries.count - 1, [], [])
                continue
            }
            guard let key = bareKey() else { return nil }
            skipBlanks()
            guard current == UInt8(ascii: "=") else { return nil }
            index += 1
            skipBlanks()
            let keyLocation = location(at: keyStart)
            let valueLocation = location(at: index)
            guard let value = value(), endOfLine() else { return nil }
            if table != nil {
                guard !table!.keys.contains(key) else { return nil }
                table!.keys.append(key)
                table!.members.append((key, value))
            } else {
                let lowercased = key.lowercased()
                guard !topKeys.contains(lowercased) else { return nil }
                topKeys.append(lowercased)
                entries.append(Entry(key: key, value: value, keyLocation: keyLocation, valueLocation: valueLocation))
            }
        }
        close(table)
        return entries
    }

    /// A bare key; nil for a quoted or dotted one, or none.
    private mutating func bareKey() -> String? {
        let start = index
        while Self.isKeyByte(current) { index += 1 }
        guard index > start else { return nil }
        let end = index
        var after = index
        while Self.isBlank(byte(at: after)) { after += 1 }
        guard byte(at: after) != UInt8(ascii: ".") else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    private mutating func value() -> TOMLValue? {
        guard let first = current else { return nil }
        switch first {
        case UInt8(ascii: "\""):
            if byte(at: index + 1) == first, byte(at: index + 2) == first { return multiLineString(basic: true) }
            return oneLineString(basic: true)
        case UInt8(ascii: "'"):
            if byte(at: index + 1) == first, byte(at: index + 2) == first { return multiLineString(basic: false) }
            return oneLineString(basic: false)
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "{"): return inlineTable()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            for (word, value) in [("true", true), ("false", false)] where matches(word) {
                index += word.utf8.count
                return Self.isDelimiter(current) ? .boolean(value) : nil
            }
            return nil
        default:
            return numberOrDate()
        }
    }

    private func matches(_ word: String) -> Bool {
        var offset = index
        for expected in word.utf8 {
            guard byte(at: offset) == expected else { return false }
            offset += 1
        }
        return true
    }

    private static func isDelimiter(_ byte: UInt8?) -> Bool {
        guard let byte else { return true }
        return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "#")
    }

    /// `"…"` or `'…'` on one line. Text without escapes is made from its bytes at once.
    private mutating func oneLineString(basic: Bool) -> TOMLValue? {
        let quote = text[index]
        index += 1
        let start = index
        var unescaped: [UInt8]?
        while let byte = current, byte != quote {
            guard byte != 0x0A else { return nil }
            if basic, byte == UInt8(ascii: "\\") {
                if unescaped == nil { unescaped = Array(text[start..<index]) }
                guard escape(into: &unescaped!) else { return nil }
                continue
            }
            unescaped?.append(byte)
            index += 1
        }
        guard current == quote else { return nil }
        let string = unescaped.map { String(decoding: $0, as: UTF8.self) }
            ?? String(decoding: UnsafeBufferPointer(rebasing: text[start..<index]), as: UTF8.self)
        index += 1
        return .string(string)
    }

    /// `"""…"""` or `'''…'''`: a line break right after the opening quotes is dropped;
    /// in a basic one a `\` at the end of a line drops it and the blanks and line breaks
    /// after it. Up to two quotes may stand before the closing three.
    private mutating func multiLineString(basic: Bool) -> TOMLValue? {
        let quote = text[index]
        index += 3
        if current == 0x0A { guard newline() else { return nil } }
        var bytes: [UInt8] = []
        while let byte = current {
            if byte == quote, self.byte(at: index + 1) == quote, self.byte(at: index + 2) == quote {
                var run = 3
                while self.byte(at: index + run) == quote { run += 1 }
                guard run <= 5 else { return nil }
                bytes.append(contentsOf: repeatElement(quote, count: run - 3))
                index += run
                return .string(String(decoding: bytes, as: UTF8.self))
            }
            if byte == 0x0A {
                bytes.append(0x0A)
                guard newline() else { return nil }
                continue
            }
            if basic, byte == UInt8(ascii: "\\") {
                // A line-ending backslash: blanks up to the line break, then every blank
                // and line break up to the next text.
                var after = index + 1
                while Self.isBlank(self.byte(at: after)) { after += 1 }
                if self.byte(at: after) == 0x0A {
                    index = after
                    while current == 0x0A || Self.isBlank(current) {
                        if current == 0x0A { guard newline() else { return nil } } else { index += 1 }
                    }
                    continue
                }
                guard escape(into: &bytes) else { return nil }
                continue
            }
            bytes.append(byte)
            index += 1
        }
        return nil
    }

    /// The escape at `index` (a backslash): TOML 1.0's `\b \t \n \f \r \" \\ \uXXXX
    /// \UXXXXXXXX`, the latter two a Unicode scalar.
    private mutating func escape(into bytes: inout [UInt8]) -> Bool {
        guard let kind = byte(at: index + 1) else { return false }
        index += 2
        switch kind {
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "\""): bytes.append(0x22)
        case UInt8(ascii: "\\"): bytes.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = kind == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let byte = current, let digit = Self.hexDigit(byte) else { return false }
                value = value << 4 | digit
                index += 1
            }
            guard let scalar = Unicode.Scalar(value) else { return false }
            bytes.append(contentsOf: String(Character(scalar)).utf8)
        default:
            return false
        }
        return true
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// Blanks, line breaks and comments between the items of an array.
    private mutating func skipArraySpace() -> Bool {
        while true {
            skipBlanks()
            if current == UInt8(ascii: "#") { guard endOfLine() else { return false } }
            guard current == 0x0A else { return true }
            guard newline() else { return false }
        }
    }

    private mutating func array() -> TOMLValue? {
        index += 1
        var items: [TOMLValue] = []
        while true {
            guard skipArraySpace() else { return nil }
            if current == UInt8(ascii: "]") { break }
            guard let item = value() else { return nil }
            items.append(item)
            guard skipArraySpace() else { return nil }
            if current == UInt8(ascii: ",") { index += 1; continue }
            guard current == UInt8(ascii: "]") else { return nil }
            break
        }
        index += 1
        return .array(items)
    }

    /// `{key = value, …}` on one line, no comma after the last.
    private mutating func inlineTable() -> TOMLValue? {
        index += 1
        var members: [(String, TOMLValue)] = []
        var keys: [String] = []
        skipBlanks()
        if current == UInt8(ascii: "}") { index += 1; return .table([]) }
        while true {
            skipBlanks()
            guard let key = bareKey(), !keys.contains(key) else { return nil }
            keys.append(key)
            skipBlanks()
            guard current == UInt8(ascii: "=") else { return nil }
            index += 1
            skipBlanks()
            guard let value = value() else { return nil }
            members.append((key, value))
            skipBlanks()
            if current == UInt8(ascii: ",") { index += 1; continue }
            guard current == UInt8(ascii: "}") else { return nil }
            index += 1
            return .table(members)
        }
    }

    /// A decimal integer, a float, or a date, time or date-time.
    private mutating func numberOrDate() -> TOMLValue? {
        let start = index
        while let byte = current, !Self.isDelimiter(byte) { index += 1 }
        // `1979-05-27 07:32:00`: a date, a space, a time.
        if index - start == 10, current == 0x20, let next = byte(at: index + 1), next >= 0x30, next <= 0x39, byte(at: index + 3) == UInt8(ascii: ":") {
            index += 1
            while let byte = current, !Self.isDelimiter(byte) { index += 1 }
        }
        let token = UnsafeBufferPointer(rebasing: text[start..<index])
        if let date = TOMLScalarText.date(token) { return .dateText(date) }
        return TOMLScalarText.number(token)
    }
}
