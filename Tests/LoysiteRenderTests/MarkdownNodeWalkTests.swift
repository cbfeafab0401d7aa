import CCmark
import PropertyBased
import Testing
@testable import LoysiteRender

/// The one walk that collects two kinds of node gives each list exactly as a walk for
/// that kind alone does, for documents mixing links, images, links inside images and
/// images inside links; and the setters that hand cmark a string's bytes store what a
/// getter reads back, non-ASCII and empty text included.
@Suite struct MarkdownNodeWalkTests {
    static let pieces = [
        "[a](x)", "![b](y)", "[![c](z)](w)", "![d [e](v)](u)", "text ", "\n\n", "> ", "- ", "*em* ", "`code` ",
        "[[Wiki]] ", "<https://a.example>", "| a | b |\n|---|---|\n| [x](y) | ![i](j) |\n", "# H [l](m)\n",
    ]

    @Test func pairedWalkMatchesSingleWalks() async {
        await propertyCheck(count: 2000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...12)) { parts in
            let text = parts.compactMap { $0 }.joined()
            let document = MarkdownDocument(text, unsafe: false)
            let pair = document.root.descendants(ofType: CMARK_NODE_LINK, CMARK_NODE_IMAGE)
            #expect(pair.first == document.root.descendants(ofType: CMARK_NODE_LINK), "\(text)")
            #expect(pair.second == document.root.descendants(ofType: CMARK_NODE_IMAGE), "\(text)")
        }
    }

    @Test func settersStoreTheirText() {
        let document = MarkdownDocument("[a](x)", unsafe: false)
        let link = document.root.descendants(ofType: CMARK_NODE_LINK)[0]
        for value in ["", "../b/", "é ü 😀 \u{301}", String(repeating: "long text ", count: 40)] {
            link.url = value
            link.title = value
            #expect(link.url == value)
            #expect(link.title == value)
            let text = MarkdownNode.text(value)
            #expect(text.literal == value)
            cmark_node_free(text.pointer)
            var bytes = Array(value.utf8)
            let fromBytes = bytes.withUnsafeMutableBufferPointer { MarkdownNode.text(bytes: UnsafeBufferPointer($0)) }
            #expect(fromBytes.literal == value)
            cmark_node_free(fromBytes.pointer)
        }
        link.url = "../b/"
        link.title = "Net Promoter Score"
        #expect(document.html() == "<p><a href=\"../b/\" title=\"Net Promoter Score\">a</a></p>\n")
        var label = Array("NPS é".utf8)
        let made = label.withUnsafeMutableBufferPointer { MarkdownNode.link(url: "../c/", title: "T", labelBytes: UnsafeBufferPointer($0)) }
        link.insertBefore(made)
        #expect(document.html() == "<p><a href=\"../c/\" title=\"T\">NPS é</a><a href=\"../b/\" title=\"Net Promoter Score\">a</a></p>\n")
    }
}
