import Foundation
import LoysiteSupport
import Yams

/// JSON front matter (a leading `{ … }` object, which Hugo allows), parsed by
/// Foundation's JSONSerialization and turned into the document YAML front matter gives.
enum JSONFrontMatter {
    static func parse(_ json: String, path: String, firstLine: Int) -> Result<YAMLDocument, Diagnostic> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [])
        } catch {
            // The place is given as line:column; Foundation's own "around character N" is dropped.
            let message = reason(error).replacingOccurrences(of: #" around (character \d+|line \d+, column \d+)"#, with: "", options: .regularExpression)
            return .failure(.error("invalid JSON: \(message)", at: location(of: error, in: json, path: path, firstLine: firstLine)))
        }
        guard let mapping = object as? [String: Any] else {
            return .failure(.error("JSON front matter must be an object of \"key\": value pairs", at: SourceLocation(file: path, line: firstLine, column: 1)))
        }
        let places = KeyPlaces(toml: json, path: path, firstLine: firstLine)
        var entries = mapping.map { key, value in
            let (keyLocation, valueLocation) = places.locations(of: key)
            return YAMLDocument.Entry(key: key, value: node(value), keyLocation: keyLocation, valueLocation: valueLocation)
        }
        // A dictionary has no order; the file's is what templates see as params.
        entries.sort { ($0.keyLocation.line ?? 0, $0.keyLocation.column ?? 0, $0.key) < ($1.keyLocation.line ?? 0, $1.keyLocation.column ?? 0, $1.key) }
        return .success(YAMLDocument(entries: entries, location: SourceLocation(file: path, line: firstLine, column: 1)))
    }

    static func node(_ value: Any) -> Node {
        switch value {
        case let text as String: return .scalar(.init(text, Tag(.str), .doubleQuoted))
        case let flag as Bool where !(value is NSNumber) || isBoolean(value as! NSNumber):
            return .scalar(.init(flag ? "true" : "false", Tag(.bool), .plain))
        case let number as NSNumber:
            if isBoolean(number) { return .scalar(.init(number.boolValue ? "true" : "false", Tag(.bool), .plain)) }
            if let integer = Int(exactly: number.doubleValue), !"\(number)".contains(".") { return .scalar(.init(String(integer), Tag(.int), .plain)) }
            return .scalar(.init(JSONValue.format(number.doubleValue), Tag(.float), .plain))
        case let list as [Any]: return .sequence(.init(list.map(node)))
        case let mapping as [String: Any]:
            return .mapping(.init(mapping.sorted { $0.key < $1.key }.map { (Node.scalar(.init($0.key, Tag(.str), .plain)), node($0.value)) }))
        default: return .scalar(.init("null", Tag(.null), .plain))
        }
    }

    /// JSON's true and false arrive as NSNumbers too, of type char.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// Foundation's message, without the sentence about "the correct format".
    static func reason(_ error: Error) -> String {
        let debug = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return debug ?? error.localizedDescription
    }

    /// Where the parser stopped: "line L, column C" in its message, or the byte offset
    /// it gives ("around character N"), as a place in the file.
    static func location(of error: Error, in json: String, path: String, firstLine: Int) -> SourceLocation {
        let message = reason(error)
        if let range = message.range(of: #"line (\d+), column (\d+)"#, options: .regularExpression) {
            let numbers = message[range].split { !$0.isNumber }.compactMap { Int($0) }
            if numbers.count == 2 { return SourceLocation(file: path, line: firstLine + numbers[0] - 1, column: numbers[1]) }
        }
        var offset = (error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int
        if offset == nil, let range = message.range(of: #"character \d+"#, options: .regularExpression) {
            offset = Int(message[range].dropFirst("character ".count))
        }
        if let offset {
            let before = json.utf8.prefix(offset)
            let line = before.filter { $0 == 0x0A }.count
            let column = String(decoding: before.reversed().prefix { $0 != 0x0A }.reversed(), as: UTF8.self).count + 1
            return SourceLocation(file: path, line: firstLine + line, column: column)
        }
        return SourceLocation(file: path, line: firstLine, column: 1)
    }
}
