import Foundation
import LoysiteSupport
import TOMLKit
import Yams

/// TOML front matter (`+++`, Hugo's and Zola's default), parsed by toml++ (through
/// TOMLKit) and turned into the same document YAML front matter gives, so every field
/// is read and checked by the same `FieldReader`.
enum TOMLFrontMatter {
    static func parse(_ toml: String, path: String, firstLine: Int) -> Result<YAMLDocument, Diagnostic> {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            let line = firstLine + max(error.source.begin.line, 1) - 1
            return .failure(.error("invalid TOML: \(error.description)", at: SourceLocation(file: path, line: line, column: max(error.source.begin.column, 1))))
        } catch {
            return .failure(.error("invalid TOML: \(error)", at: SourceLocation(file: path, line: firstLine, column: 1)))
        }
        let places = KeyPlaces(toml: toml, path: path, firstLine: firstLine)
        var entries: [YAMLDocument.Entry] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            let (keyLocation, valueLocation) = places.locations(of: key)
            entries.append(YAMLDocument.Entry(key: key, value: node(value), keyLocation: keyLocation, valueLocation: valueLocation))
        }
        // toml++ keeps keys sorted; the file's order is what templates see as params.
        // (Sorted on places read once: the comparison reads four optionals each time.)
        let order = entries.map { ($0.keyLocation.line ?? 0, $0.keyLocation.column ?? 0) }
        entries = entries.indices.sorted { order[$0] < order[$1] }.map { entries[$0] }
        return .success(YAMLDocument(entries: entries, location: SourceLocation(file: path, line: firstLine, column: 1)))
    }

    /// A TOML value as the YAML node that means the same (strings quoted, so they stay
    /// text). Tags are the shared ones of `EventFrontMatter` (making a tag builds Yams'
    /// default constructor anew, which was a third of reading a TOML front matter).
    static func node(_ value: TOMLValueConvertible) -> Node {
        let str = EventFrontMatter.strTag
        switch value.type {
        case .string: return .scalar(.init(value.string ?? "", str, .doubleQuoted))
        case .int: return .scalar(.init(String(value.int ?? 0), EventFrontMatter.intTag, .plain))
        case .double: return .scalar(.init(JSONValue.format(value.double ?? 0), EventFrontMatter.floatTag, .plain))
        case .bool: return .scalar(.init(value.bool == true ? "true" : "false", EventFrontMatter.boolTag, .plain))
        case .date:
            let date = value.date ?? TOMLDate(year: 1, month: 1, day: 1)
            return .scalar(.init(isoDate(date), str, .doubleQuoted))
        case .dateTime:
            guard let dateTime = value.dateTime else { return .scalar(.init("", str, .doubleQuoted)) }
            return .scalar(.init(isoDate(dateTime.date) + "T" + isoTime(dateTime.time), str, .doubleQuoted))
        case .time:
            guard let time = value.time else { return .scalar(.init("", str, .doubleQuoted)) }
            return .scalar(.init(isoTime(time), str, .doubleQuoted))
        case .array:
            return .sequence(.init((value.array.map { Array($0) } ?? []).map { node($0) }, EventFrontMatter.seqTag))
        case .table:
            guard let table = value.table else { return .mapping(.init([], EventFrontMatter.mapTag)) }
            return .mapping(.init(table.keys.compactMap { key in table[key].map { (Node.scalar(.init(key, str, .plain)), node($0)) } }, EventFrontMatter.mapTag))
        }
    }

    static func isoDate(_ date: TOMLDate) -> String {
        func pad(_ number: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(number).count)) + String(number) }
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
    }

    static func isoTime(_ time: TOMLTime) -> String {
        func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
        return "\(pad(time.hour)):\(pad(time.minute)):\(pad(time.second))"
    }
}

/// Where each top-level key of a TOML or JSON front matter is written: toml++ and
/// JSONSerialization give values without positions, and complaints about a value belong
/// at its line. A key is found as the first line (before any `[table]`) that starts with
/// it, bare or quoted, followed by `=` or `:`.
struct KeyPlaces {
    private let places: [String: (key: SourceLocation, value: SourceLocation)]
    private let start: SourceLocation

    init(toml: String, path: String, firstLine: Int) {
        start = SourceLocation(file: path, line: firstLine, column: 1)
        var inTable = false
        var places: [String: (key: SourceLocation, value: SourceLocation)] = [:]
        for (number, line) in toml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            // A line of ASCII is read scalar by scalar (its scalars are its Characters; line
            // ends are normalised to LF, so no CRLF makes one Character of two bytes).
            let found: Found
            if line.allSatisfy({ $0 < 0x80 }) {
                found = KeyPlaces.scanASCII(line)
            } else {
                let characters = Array(String(Substring(line)))
                found = KeyPlaces.scan(characters, isLetterOrNumber: { $0.isLetter || $0.isNumber }, text: { String($0) })
            }
            switch found {
            case .none: continue
            case .table(let top, let column):
                let location = SourceLocation(file: path, line: firstLine + number, column: column)
                if places[top.lowercased()] == nil { places[top.lowercased()] = (location, location) }
                inTable = true
            case .key(let key, let keyColumn, let valueColumn):
                let lineNumber = firstLine + number
                if !inTable, places[key.lowercased()] == nil {
                    places[key.lowercased()] = (SourceLocation(file: path, line: lineNumber, column: keyColumn), SourceLocation(file: path, line: lineNumber, column: valueColumn))
                }
            }
        }
        self.places = places
    }

    /// `scan` for a line of ASCII, whose bytes are its Characters.
    private static func scanASCII(_ line: Substring.UTF8View) -> Found {
        var index = line.startIndex
        func at(_ i: Substring.UTF8View.Index) -> UInt8? { i < line.endIndex ? line[i] : nil }
        func isBlank(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 }
        func column(_ i: Substring.UTF8View.Index) -> Int { line.distance(from: line.startIndex, to: i) + 1 }
        while isBlank(at(index)) { index = line.index(after: index) }
        guard let first = at(index) else { return .none }
        let keyColumn = column(index)
        if first == UInt8(ascii: "[") {
            // As `scan` does, on bytes: the name up to the first `]`, blanks trimmed; its
            // first dotted part, quotes trimmed.
            let name = line[line.index(after: index)...].split(separator: UInt8(ascii: "]")).first
                .map { String(decoding: $0, as: UTF8.self).trimmingBlanks() } ?? ""
            let top = Array(name.utf8).split(separator: UInt8(ascii: ".")).first.map { part -> String in
                var part = part
                func isQuote(_ byte: UInt8?) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }
                while isQuote(part.first) { part = part.dropFirst() }
                while isQuote(part.last) { part = part.dropLast() }
                return String(decoding: part, as: UTF8.self)
            } ?? name
            return .table(top: top, column: keyColumn)
        }
        let keyStart: Substring.UTF8View.Index, keyEnd: Substring.UTF8View.Index
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            index = line.index(after: index)
            keyStart = index
            while let byte = at(index), byte != first { index = line.index(after: index) }
            keyEnd = index
            if index < line.endIndex { index = line.index(after: index) } else { return .none }
        } else {
            keyStart = index
            while let byte = at(index), (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") {
                index = line.index(after: index)
            }
            keyEnd = index
        }
        while isBlank(at(index)) { index = line.index(after: index) }
        guard keyEnd > keyStart, let separator = at(index), separator == UInt8(ascii: "=") || separator == UInt8(ascii: ":") || separator == UInt8(ascii: ".") else { return .none }
        index = line.index(after: index)
        while isBlank(at(index)) { index = line.index(after: index) }
        return .key(String(Substring(line[keyStart..<keyEnd])), keyColumn: keyColumn, valueColumn: column(index))
    }

    private enum Found {
        case none
        /// A table header: `[params]` (or `[params.x]`) is the key `params`, written here.
        case table(top: String, column: Int)
        case key(String, keyColumn: Int, valueColumn: Int)
    }

    /// What one line holds, read over its Characters or (ASCII) its bytes.
    private static func scan<Unit: Equatable & ExpressibleByUnicodeScalarLiteral>(_ units: [Unit], isLetterOrNumber: (Unit) -> Bool, text: (ArraySlice<Unit>) -> String) -> Found {
        var index = 0
        func isBlank(_ unit: Unit) -> Bool { unit == " " || unit == "\t" }
        while index < units.count, isBlank(units[index]) { index += 1 }
        guard index < units.count else { return .none }
        let keyColumn = index + 1
        if units[index] == "[" {
            let name = text(units[(index + 1)...]).split(separator: "]").first.map { $0.trimmingBlanks() } ?? ""
            let top = name.split(separator: ".").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) } ?? name
            return .table(top: top, column: keyColumn)
        }
        let keyStart: Int, keyEnd: Int
        if units[index] == "\"" || units[index] == "'" {
            let quote = units[index]
            index += 1
            keyStart = index
            while index < units.count, units[index] != quote { index += 1 }
            keyEnd = index
            index += 1
        } else {
            keyStart = index
            while index < units.count, isLetterOrNumber(units[index]) || units[index] == "_" || units[index] == "-" { index += 1 }
            keyEnd = index
        }
        while index < units.count, isBlank(units[index]) { index += 1 }
        guard keyEnd > keyStart, index < units.count, units[index] == "=" || units[index] == ":" || units[index] == "." else { return .none }
        index += 1
        while index < units.count, isBlank(units[index]) { index += 1 }
        return .key(text(units[keyStart..<keyEnd]), keyColumn: keyColumn, valueColumn: index + 1)
    }

    func locations(of key: String) -> (key: SourceLocation, value: SourceLocation) {
        places[key.lowercased()] ?? (start, start)
    }
}
