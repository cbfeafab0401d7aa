import LoysiteSupport
import Yams

/// A TOML value as `TOMLByteReader` reads it, and what `TOMLFrontMatter` makes of the
/// same value through TOMLKit: the text a scalar has as a YAML node, the JSON of a
/// template param.
indirect enum TOMLValue {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A date, time or date-time, as `TOMLFrontMatter` writes it (`1979-05-27`,
    /// `1979-05-27T07:32:00`, `07:32:00`: no fraction, no offset).
    case dateText(String)
    case array([TOMLValue])
    /// Members in file order (toml++ keeps them sorted: `json` sorts).
    case table([(String, TOMLValue)])

    /// The text of the scalar node `TOMLFrontMatter.node` makes; nil for arrays and tables.
    var scalarText: String? {
        switch self {
        case .string(let text), .dateText(let text): return text
        case .integer(let value): return String(value)
        case .float(let value): return JSONValue.format(value)
        case .boolean(let value): return value ? "true" : "false"
        case .array, .table: return nil
        }
    }

    /// Whether the node is a plain (typed) scalar: a number or a boolean. Strings and
    /// dates are quoted text.
    var isTypedScalar: Bool {
        switch self {
        case .integer, .float, .boolean: return true
        default: return false
        }
    }

    /// `Node.json` of the node `TOMLFrontMatter.node` makes.
    var json: JSONValue {
        switch self {
        case .string(let text), .dateText(let text): return .string(text)
        case .integer(let value): return .int(value)
        // Through the node, as TOMLKit's values go: the float's text read back by Yams.
        case .float(let value): return Node.scalar(.init(JSONValue.format(value), EventFrontMatter.floatTag, .plain)).json
        case .boolean(let value): return .bool(value)
        case .array(let items): return .array(items.map(\.json))
        case .table(let members):
            // toml++'s order: keys compared as bytes.
            return .object(members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map { ($0.0, $0.1.json) })
        }
    }
}
