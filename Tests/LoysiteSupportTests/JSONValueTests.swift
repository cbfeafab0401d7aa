import Foundation
import LoysiteSupport
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
