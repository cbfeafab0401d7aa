import CYaml
import LoysiteSupport
import Yams

/// Reads YAML front matter straight from libyaml's events — the same parser, the same
/// copy of it (Yams' `CYaml`) that `Yams.compose` drives — into the node tree Yams would
/// build, without the cost that made front matter the largest part of loading a page:
/// Yams resolves every plain scalar's type with up to seven regular expressions, and
/// again for its duplicate-key check. Here a plain scalar that starts with a letter and
/// is not one of YAML's boolean or null words is text without asking them; the rest
/// (numbers, dates, `~`) still go to Yams' own resolver, so every tag is the one Yams
/// gives. `PageFields(reading:)` then reads the tree exactly as it reads Yams'.
///
/// Syntax is libyaml's: quoting and escapes, block and flow lists, block scalars,
/// comments, nested mappings all come out as Yams gives them. What this reader does not
/// reproduce returns nil and is left to `YAMLDocument.parse`, which also words every
/// error: any syntax error, tabs (it has its own message for them), anchors and aliases
/// (the expansion limit), explicit tags, keys that are not scalars, a key twice in one
/// mapping, a document that is not one mapping.
enum EventFrontMatter {
    static func document(_ yaml: String, path: String, firstLine: Int) -> YAMLDocument? {
        guard let origin = MarkMaker() else { return nil }
        var yaml = yaml
        return yaml.withUTF8 { bytes -> YAMLDocument? in
            guard let base = bytes.baseAddress, !bytes.contains(0x09) else { return nil }
            // libyaml's parser keeps pointers to its own state: it stays in one place.
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, base, bytes.count)
            var reader = EventReader(parser: parser, marks: origin)
            guard reader.expect(YAML_STREAM_START_EVENT), reader.expect(YAML_DOCUMENT_START_EVENT),
                  case .mapping(let mapping)? = reader.node(),
                  reader.expect(YAML_DOCUMENT_END_EVENT), reader.expect(YAML_STREAM_END_EVENT) else { return nil }
            let start = SourceLocation(file: path, line: firstLine, column: 1)
            func locate(_ node: Node) -> SourceLocation {
                guard let mark = node.mark else { return start }
                return SourceLocation(file: path, line: firstLine + mark.line - 1, column: mark.column)
            }
            // Keys are scalars here, whose `string` is their text.
            let entries = mapping.map { key, value in
                YAMLDocument.Entry(key: key.scalar?.string ?? "", value: value, keyLocation: locate(key), valueLocation: locate(value))
            }
            return YAMLDocument(entries: entries, location: start)
        }
    }

    /// The tag Yams' default resolver gives a plain scalar. Its rules (bool, int, float,
    /// merge, null, timestamp, value) only match texts that start with a digit, a sign,
    /// a dot, `<`, `=` or `~`, or that are one of the boolean and null words; ICU's `$`
    /// also matches before a final line break, so a text holding one is asked too. The
    /// shapes front matter mostly holds are decided here (see `numericTag`); the rest
    /// goes to Yams' resolver.
    static func plainTag(_ text: String) -> Tag.Name {
        guard let first = text.utf8.first else { return .null }
        let startsAsText = first >= 0x80 || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A)
        if startsAsText, text.utf8.count <= 5, let word = words[text] { return word }
        if startsAsText, !mayHoldLineBreak(text) { return .str }
        if let tag = numericTag(text) { return tag }
        return Resolver.default.resolveTag(of: .scalar(.init(text)))
    }

    /// Four shapes, each matched by exactly one of the resolver's rules before any other:
    /// `0` or a decimal integer without leading zeros, with an optional sign (int; a
    /// leading zero would make it octal or a float); digits `.` digits (float); and the
    /// timestamps `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SSZ`. Nil for anything else.
    static func numericTag(_ text: String) -> Tag.Name? {
        var text = text
        return text.withUTF8 { bytes -> Tag.Name? in
            func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
            func digits(from start: Int) -> Int {
                var end = start
                while isDigit(end) { end += 1 }
                return end - start
            }
            var start = 0
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { start = 1 }
            let whole = digits(from: start)
            if whole > 0, start + whole == bytes.count, whole == 1 || bytes[start] != 0x30 { return .int }
            func at(_ index: Int, _ character: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: character) }
            guard start == 0, whole > 0 else { return nil }
            if at(whole, "."), digits(from: whole + 1) > 0, whole + 1 + digits(from: whole + 1) == bytes.count { return .float }
            guard whole == 4, at(4, "-"), digits(from: 5) == 2, at(7, "-"), digits(from: 8) == 2 else { return nil }
            if bytes.count == 10 { return .timestamp }
            guard bytes.count == 20, at(10, "T"), digits(from: 11) == 2, at(13, ":"), digits(from: 14) == 2, at(16, ":"),
                  digits(from: 17) == 2, at(19, "Z") else { return nil }
            return .timestamp
        }
    }

    /// One tag of each name, shared: a tag with a name is never changed (Yams only
    /// fills in implicit ones), and making one builds Yams' default constructor anew.
    nonisolated(unsafe) static let strTag = Tag(.str), intTag = Tag(.int), floatTag = Tag(.float), boolTag = Tag(.bool),
        nullTag = Tag(.null), timestampTag = Tag(.timestamp), seqTag = Tag(.seq), mapTag = Tag(.map)

    static func tag(_ name: Tag.Name) -> Tag {
        switch name {
        case .str: return strTag
        case .int: return intTag
        case .float: return floatTag
        case .bool: return boolTag
        case .null: return nullTag
        case .timestamp: return timestampTag
        default: return Tag(name)
        }
    }

    private static let words: [String: Tag.Name] = {
        var words: [String: Tag.Name] = [:]
        for word in ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"] {
            words[word] = .bool
        }
        for word in ["null", "Null", "NULL"] { words[word] = .null }
        return words
    }()

    /// Whether `text` has a character ICU counts as ending a line (LF, VT, FF, CR, NEL,
    /// LS, PS).
    private static func mayHoldLineBreak(_ text: String) -> Bool {
        var nonASCII = false
        for byte in text.utf8 {
            if byte >= 0x0A && byte <= 0x0D { return true }
            if byte >= 0x80 { nonASCII = true }
        }
        guard nonASCII else { return false }
        return text.unicodeScalars.contains { $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 }
    }
}

/// Yams' `Mark` has no package initialiser; it is two `Int`s, line then column, and is
/// made from them by layout. The maker checks once that a mark made so reads back as
/// made, and is nil (so the event reader is not used) where it does not.
struct MarkMaker {
    init?() {
        guard MarkMaker.layoutHolds else { return nil }
    }

    func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    private static let layoutHolds: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size else { return false }
        let mark = unsafeBitCast((12, 34), to: Mark.self)
        return mark.line == 12 && mark.column == 34
    }()
}

/// Composes nodes from libyaml's events as `Yams.Parser` does (same strings, styles,
/// tags, marks), nil at anything it leaves to Yams.
private struct EventReader {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    let marks: MarkMaker

    init(parser: UnsafeMutablePointer<yaml_parser_t>, marks: MarkMaker) {
        self.parser = parser
        self.marks = marks
    }

    /// The next event, or nil on a syntax error. The caller deletes it.
    private mutating func next() -> yaml_event_t? {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        return event
    }

    mutating func expect(_ type: yaml_event_type_t) -> Bool {
        guard var event = next() else { return false }
        defer { yaml_event_delete(&event) }
        return event.type == type
    }

    /// The node that starts with the next event.
    mutating func node() -> Node? {
        guard var event = next() else { return nil }
        defer { yaml_event_delete(&event) }
        return node(from: &event)
    }

    private mutating func node(from event: inout yaml_event_t) -> Node? {
        let mark = marks.mark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            guard scalar.anchor == nil, scalar.tag == nil,
                  let style = Node.Scalar.Style(rawValue: numericCast(scalar.style.rawValue)) else { return nil }
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let tag = scalar.quoted_implicit == 1 ? EventFrontMatter.strTag : EventFrontMatter.tag(EventFrontMatter.plainTag(text))
            return .scalar(.init(text, tag, style, mark))
        case YAML_SEQUENCE_START_EVENT:
            guard event.data.sequence_start.anchor == nil, event.data.sequence_start.tag == nil else { return nil }
            var items: [Node] = []
            while true {
                guard var item = next() else { return nil }
                defer { yaml_event_delete(&item) }
                if item.type == YAML_SEQUENCE_END_EVENT { break }
                guard let node = node(from: &item) else { return nil }
                items.append(node)
            }
            // Yams reads a collection's style from its end event, which has none; its
            // implicit tag resolves to `seq`.
            return .sequence(.init(items, EventFrontMatter.seqTag, .any, mark))
        case YAML_MAPPING_START_EVENT:
            guard event.data.mapping_start.anchor == nil, event.data.mapping_start.tag == nil else { return nil }
            var pairs: [(Node, Node)] = []
            var keys: [String] = []
            while true {
                guard var keyEvent = next() else { return nil }
                defer { yaml_event_delete(&keyEvent) }
                if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                // Yams reports a repeated key; that wording is its own. (Front matter has
                // a few keys: looking through them beats hashing; a long mapping is Yams'.)
                guard keys.count < 64 else { return nil }
                guard keyEvent.type == YAML_SCALAR_EVENT, let key = node(from: &keyEvent),
                      let name = key.scalar?.string, !keys.contains(name),
                      let value = node() else { return nil }
                keys.append(name)
                pairs.append((key, value))
            }
            return .mapping(.init(pairs, EventFrontMatter.mapTag, .any, mark))
        default:
            return nil
        }
    }
}
