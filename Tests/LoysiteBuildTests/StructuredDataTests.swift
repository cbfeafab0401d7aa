@testable import LoysiteBuild
import LoysiteSupport
import Testing

/// The A–Z page's JSON-LD is put together from strings (`JSONValue.serializedObject`) and
/// must be the text the byte-level serializer (`serializedObjectBytes`) makes of the same parts.
@Suite struct StructuredDataTests {
    @Test func joinedIsWhatSerializedObjectMakes() {
        let head: [(String, JSONValue)] = [("@type", .string("DefinedTermSet")), ("name", .string("Lexique – “é”"))]
        for items in [[], ["{\"a\":1}"], ["{\"name\":\"Échelle\"}", "{\"b\":\"\\u0001\"}", "{}"]] {
            let expected = JSONValue.serializedObjectBytes(head, endingWithArray: "hasDefinedTerm", of: items)
            let joined = JSONValue.serializedObject(head, endingWithArray: "hasDefinedTerm", of: items)
            #expect(Array(joined.utf8) == expected)
        }
    }
}
