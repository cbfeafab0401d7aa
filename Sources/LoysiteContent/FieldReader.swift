import Foundation
import LoysiteSupport
import Yams

/// Reads typed values out of a YAML mapping, recording a diagnostic at the value's own
/// line for every value of the wrong type, and remembering which keys were read so the
/// rest can be treated as unknown (warned about, or kept as template params).
package struct FieldReader {
    package let document: YAMLDocument
    package var diagnostics: [Diagnostic] = []
    private(set) var readKeys: Set<String> = []

    package init(_ document: YAMLDocument) {
        self.document = document
    }

    private mutating func entry(_ key: String) -> YAMLDocument.Entry? {
        readKeys.insert(key)
        return document[key]
    }

    /// A text value. Numbers and dates are accepted as their text (`title: 2024` is a title).
    package mutating func string(_ key: String) -> Located<String>? {
        guard let entry = entry(key) else { return nil }
        guard case .scalar = entry.value else {
            diagnostics.append(.error("'\(key)' must be text, found \(entry.value.kindDescription)", at: entry.valueLocation))
            return nil
        }
        guard let text = entry.value.scalarText else { return nil }
        return Located(text.trimmingWhitespace(), at: entry.valueLocation)
    }

    package mutating func bool(_ key: String) -> Located<Bool>? {
        guard let entry = entry(key) else { return nil }
        if entry.value.scalarText == nil, case .scalar = entry.value { return nil }
        guard case .scalar(let scalar) = entry.value, scalar.style == .plain, let value = entry.value.bool else {
            diagnostics.append(.error("'\(key)' must be true or false, found \(entry.value.kindDescription)", at: entry.valueLocation))
            return nil
        }
        return Located(value, at: entry.valueLocation)
    }

    /// A list of names: `[a, b]`, a block list, or one name on its own. A lone number or
    /// boolean (`aliases: 3`) is taken for a mistake, not a name.
    package mutating func stringList(_ key: String) -> [Located<String>]? {
        guard let entry = entry(key) else { return nil }
        switch entry.value {
        case .sequence(let sequence):
            var items: [Located<String>] = []
            for item in sequence {
                guard case .scalar = item else {
                    diagnostics.append(.error("'\(key)' must be a list of names; this item is \(item.kindDescription)", at: document.locate(item)))
                    continue
                }
                guard let text = item.scalarText?.trimmingBlanks(), !text.isEmpty else { continue }
                // Items read from TOML or JSON have no place of their own: the list's.
                items.append(Located(text, at: item.mark == nil ? entry.valueLocation : document.locate(item)))
            }
            return items
        case .scalar(let scalar):
            guard let text = entry.value.scalarText else { return [] }
            if scalar.style == .plain, entry.value.tag.rawValue != Tag.Name.str.rawValue {
                diagnostics.append(.error("'\(key)' must be a list of names, like [\(key == "aliases" ? "NPS" : "name")], found \(entry.value.kindDescription)", at: entry.valueLocation))
                return nil
            }
            return [Located(text.trimmingBlanks(), at: entry.valueLocation)]
        default:
            diagnostics.append(.error("'\(key)' must be a list of names, found \(entry.value.kindDescription)", at: entry.valueLocation))
            return nil
        }
    }

    /// A number (`40`, `-2.5`).
    package mutating func number(_ key: String) -> Located<Double>? {
        guard let entry = entry(key) else { return nil }
        guard case .scalar(let scalar) = entry.value, scalar.style == .plain,
              let value = entry.value.float ?? entry.value.int.map(Double.init), value.isFinite else {
            diagnostics.append(.error("'\(key)' must be a number, found \(entry.value.kindDescription)", at: entry.valueLocation))
            return nil
        }
        return Located(value, at: entry.valueLocation)
    }

    /// A mapping of names to texts (`labels: {retention_rate: Retention}`).
    package mutating func stringMap(_ key: String) -> [String: String]? {
        guard let entry = entry(key) else { return nil }
        guard case .mapping(let mapping) = entry.value else {
            diagnostics.append(.error("'\(key)' must be a mapping like {name: text}, found \(entry.value.kindDescription)", at: entry.valueLocation))
            return nil
        }
        var result: [String: String] = [:]
        for (name, value) in mapping {
            guard let name = name.scalarText, let text = value.scalarText else {
                diagnostics.append(.error("'\(key)' must map names to texts", at: document.locate(value)))
                continue
            }
            result[name] = text
        }
        return result
    }

    /// A calendar date written `YYYY-MM-DD` (a time after it is allowed and ignored).
    package mutating func date(_ key: String) -> Located<String>? {
        guard let text = string(key) else { return nil }
        switch FieldReader.date(text, key: key) {
        case .success(let day): return day
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// The day of a date text (`2026-03-07`, or with a time after it), or why it is not one.
    static func date(_ text: Located<String>, key: String) -> Result<Located<String>, Diagnostic> {
        let day = String(text.value.prefix(10))
        guard CalendarDate(iso: day) != nil, text.value.count == 10 || text.value.dropFirst(10).first.map({ $0 == "T" || $0 == " " }) == true else {
            return .failure(.error("'\(key)' must be a date written YYYY-MM-DD, found '\(text.value)'", at: text.location))
        }
        return .success(Located(day, at: text.location))
    }

    /// Entries not read by any accessor, in file order.
    package var unreadEntries: [YAMLDocument.Entry] {
        document.entries.filter { !readKeys.contains($0.key.lowercased()) }
    }
}

/// A valid proleptic Gregorian calendar date, checked without Foundation's Calendar.
struct CalendarDate {
    let year: Int, month: Int, day: Int

    init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month) else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }
}

extension Node {
    /// The value as JSON, for params passed through to templates and the search index.
    var json: JSONValue {
        switch self {
        case .scalar(let scalar):
            guard let text = scalarText else { return .null }
            if scalar.style == .plain {
                switch Tag.Name(rawValue: tag.rawValue) {
                case .bool: if let value = bool { return .bool(value) }
                case .int: if let value = int { return .int(value) }
                case .float: if let value = float, value.isFinite { return .double(value) }
                default: break
                }
            }
            return .string(text)
        case .sequence(let sequence):
            return .array(sequence.map(\.json))
        case .mapping(let mapping):
            return .object(mapping.map { ($0.key.string ?? "", $0.value.json) })
        case .alias:
            return .null
        }
    }
}
