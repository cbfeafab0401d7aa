import Foundation
import LoysiteSupport
import PropertyBased
import Testing

@Suite struct JSONValueTests {
    @Test func keepsKeyOrderAndWritesCompactJSON() {
        let value = JSONValue.object([("b", .int(1)), ("a", .array([.bool(true), .null, .string("x")]))])
        #expect(value.serialized() == #"{"b":1,"a":[true,null,"x"]}"#)
    }

    @Test func stringsAreSafeInsideScriptElements() {
        let text = JSONValue.string("</script><b>&\u{2028}\"\\\n").serialized()
        #expect(text == #""\u003c/script\u003e\u003cb\u003e\u0026\u2028\"\\\n""#)
        #expect(!text.contains("</"))
    }

    @Test func numbersAtFullPrecisionAndNonFiniteAsNull() {
        #expect(JSONValue.double(0.1).serialized() == "0.1")
        #expect(JSONValue.double(2.0).serialized() == "2")
        #expect(JSONValue.double(1.0 / 3.0).serialized() == "0.3333333333333333")
        #expect(JSONValue.double(.nan).serialized() == "null")
        #expect(JSONValue.double(.infinity).serialized() == "null")
        #expect(JSONValue.double(nil as Double?).serialized() == "null")
        #expect(JSONValue.decimal("9747747.934").serialized() == "9747747.934")
    }

    @Test func controlCharactersAreLeftOutOfEveryString() throws {
        #expect(JSONValue.string("\u{01}").serialized() == #""""#)
        // An ANSI colour sequence in a column name, a NUL, DEL: gone from keys and values;
        // tab, LF and CR stay (escaped).
        let value = JSONValue.object([("col\u{1B}[31mred\u{0}", .string("a\u{7F}b\u{1B}]0;title\u{7}\tc\n"))])
        let text = value.serialized()
        #expect(text == #"{"col[31mred":"ab]0;title\tc\n"}"#)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        for (key, string) in decoded {
            #expect(!(key + string).unicodeScalars.contains { ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || $0.value == 0x7F })
        }
    }
}

/// JSON strings are written eight ordinary bytes at a time; the text is what writing
/// them scalar by scalar gives, wherever in a word the bytes that need a look fall.
@Suite struct JSONStringWordTests {
    static let pieces = ["a", "abcdefgh", " ", "\"", "\\", "<", ">", "&", "\n", "\r", "\t", "\u{1}", "\u{1B}", "\u{7F}", "é", "日本",
                         "\u{2028}", "\u{2029}", "\u{2027}", "\u{FEFF}", "\u{FEFE}", "🎉", "1234567"]

    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case "\u{FEFF}": out += "\\ufeff"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func wordsAgreeWithScalars() async {
        await propertyCheck(count: 4000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...20)) { parts in
            let text = parts.compactMap { $0 }.joined()
            #expect(JSONValue.string(text).serialized() == Self.reference(text), "\(Array(text.unicodeScalars))")
        }
    }
}
