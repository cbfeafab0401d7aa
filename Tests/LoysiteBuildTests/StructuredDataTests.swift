@testable import LoysiteBuild
import LoysiteSupport
import Testing

/// The A–Z page's JSON-LD is put together from strings (`StructuredData.joined`) and
/// must be the text `JSONValue.serializedObject` makes of the same parts.
@Suite struct StructuredDataTests {
    @Test func joinedIsWhatSerializedObjectMakes() {
        let head: [(String, JSONValue)] = [("@type", .string("DefinedTermSet")), ("name", .string("Lexique – “é”"))]
        for items in [[], ["{\"a\":1}"], ["{\"name\":\"Échelle\"}", "{\"b\":\"\\u0001\"}", "{}"]] {
            let expected = JSONValue.serializedObject(head, endingWithArray: "hasDefinedTerm", of: items)
            let joined = StructuredData.joined(JSONValue.serializedObject(head, endingWithArray: "hasDefinedTerm", of: []), items)
            #expect(Array(joined.utf8) == Array(expected.utf8))
        }
    }
}
