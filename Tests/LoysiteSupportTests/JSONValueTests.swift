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

    @Test func controlCharactersAreEscaped() {
        #expect(JSONValue.string("\u{01}").serialized() == #""\u0001""#)
    }
}
