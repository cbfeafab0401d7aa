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
        entries.sort { ($0.keyLocation.line ?? 0, $0.keyLocation.column ?? 0) < ($1.keyLocation.line ?? 0, $1.keyLocation.column ?? 0) }
        return .success(YAMLDocument(entries: entries, location: SourceLocation(file: path, line: firstLine, column: 1)))
    }

    /// A TOML value as the YAML node that means the same (strings quoted, so they stay text).
    static func node(_ value: TOMLValueConvertible) -> Node {
        switch value.type {
        case .string: return .scalar(.init(value.string ?? "", Tag(.str), .doubleQuoted))
        case .int: return .scalar(.init(String(value.int ?? 0), Tag(.int), .plain))
        case .double: return .scalar(.init(JSONValue.format(value.double ?? 0), Tag(.float), .plain))
        case .bool: return .scalar(.init(value.bool == true ? "true" : "false", Tag(.bool), .plain))
        case .date:
            let date = value.date ?? TOMLDate(year: 1, month: 1, day: 1)
            return .scalar(.init(isoDate(date), Tag(.str), .doubleQuoted))
        case .dateTime:
            guard let dateTime = value.dateTime else { return .scalar(.init("", Tag(.str), .doubleQuoted)) }
            return .scalar(.init(isoDate(dateTime.date) + "T" + isoTime(dateTime.time), Tag(.str), .doubleQuoted))
        case .time:
            guard let time = value.time else { return .scalar(.init("", Tag(.str), .doubleQuoted)) }
            return .scalar(.init(isoTime(time), Tag(.str), .doubleQuoted))
        case .array:
            return .sequence(.init((value.array.map { Array($0) } ?? []).map { node($0) }))
        case .table:
            guard let table = value.table else { return .mapping(.init([])) }
            return .mapping(.init(table.keys.compactMap { key in table[key].map { (Node.scalar(.init(key, Tag(.str), .plain)), node($0)) } }))
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
    private var places: [String: (key: SourceLocation, value: SourceLocation)] = [:]
    private let start: SourceLocation

    init(toml: String, path: String, firstLine: Int) {
        start = SourceLocation(file: path, line: firstLine, column: 1)
        var inTable = false
        for (number, line) in toml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            var index = 0
            while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
            guard index < characters.count else { continue }
            let keyColumn = index + 1
            var key = ""
            if characters[index] == "[" {
                // A table header: `[params]` is the key `params`, written here.
                let name = String(characters[(index + 1)...]).split(separator: "]").first.map { $0.trimmingBlanks() } ?? ""
                let top = name.split(separator: ".").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) } ?? name
                let location = SourceLocation(file: path, line: firstLine + number, column: keyColumn)
                if places[top.lowercased()] == nil { places[top.lowercased()] = (location, location) }
                inTable = true
                continue
            }
            if characters[index] == "\"" || characters[index] == "'" {
                let quote = characters[index]
                index += 1
                while index < characters.count, characters[index] != quote { key.append(characters[index]); index += 1 }
                index += 1
            } else {
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" || characters[index] == "-" {
                    key.append(characters[index]); index += 1
                }
            }
            while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
            guard !key.isEmpty, index < characters.count, characters[index] == "=" || characters[index] == ":" || characters[index] == "." else { continue }
            index += 1
            while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
            let lineNumber = firstLine + number
            if !inTable, places[key.lowercased()] == nil {
                places[key.lowercased()] = (SourceLocation(file: path, line: lineNumber, column: keyColumn), SourceLocation(file: path, line: lineNumber, column: index + 1))
            }
        }
    }

    func locations(of key: String) -> (key: SourceLocation, value: SourceLocation) {
        places[key.lowercased()] ?? (start, start)
    }
}
