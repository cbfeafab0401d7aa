import Testing
@testable import LoysiteRender

/// An object made from a literal has each member under its name, in the order written
/// (its description lists them so), as one made by setting them one at a time does.
@Suite struct TemplateObjectTests {
    @Test func literalMatchesMembersSetOneByOne() {
        let members: [(String, TemplateValue)] = [("title", "NPS"), ("count", 3), ("shown", true), ("items", ["a", "b"]), ("", "empty name")]
        let literal = TemplateObject(uniqueMembers: members)
        var oneByOne = TemplateObject()
        for (name, value) in members { oneByOne[name] = value }
        for (name, _) in members {
            #expect(literal[name].map { TemplateValue.object(["v": $0]).text } == oneByOne[name].map { TemplateValue.object(["v": $0]).text })
        }
        #expect(literal["missing"] == nil)
        #expect(TemplateValue.object(literal).text == TemplateValue.object(oneByOne).text)
        #expect(TemplateObject(uniqueMembers: [])["title"] == nil)
    }
}
