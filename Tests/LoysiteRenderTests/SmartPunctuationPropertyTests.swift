import CCmark
import PropertyBased
import Testing
@testable import LoysiteRender

/// A text `SmartPunctuation` says smart punctuation cannot change parses without it to
/// the same tree (every node's type, literal and start) and the same HTML as with it; and
/// the eight-bytes-at-a-time test agrees with the byte-by-byte one, for texts of words,
/// periods, hyphens, the bytes its filter lets by (`,` `/` `#` `&`), entities, code,
/// links and non-ASCII text, at every offset.
@Suite struct SmartPunctuationPropertyTests {
    static let pieces = [
        "word", " ", "\n", "\n\n", ".", "-", "'", "\"", ",", "/", "#", "&", "&quot;", "&#39;", "`code.`", "[a.b](x-y)", "*em*",
        "é", "1. ", "- ", "> ", "# ", "a.b", "a-b", "https://a.example", "..", "--", "\\-", "***", "—",
    ]

    static func shape(_ document: MarkdownDocument) -> [String] {
        var nodes: [String] = []
        document.root.forEachDescendant { node in
            nodes.append("\(node.type.rawValue) \(node.startLine):\(node.startColumn) \(node.literal)")
        }
        return nodes
    }

    @Test func withoutTheOptionWhereItChangesNothing() async {
        await propertyCheck(count: 4000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...14)) { parts in
            let text = parts.compactMap { $0 }.joined()
            var bytes = Array(text.utf8)
            #expect(SmartPunctuation.mayApply(text) == bytes.withUnsafeMutableBufferPointer { SmartPunctuation.mayApplyByBytes(UnsafeBufferPointer($0)) }, "\(text)")
            guard !SmartPunctuation.mayApply(text) else { return }
            let plain = MarkdownDocument(text, unsafe: false)
            let smart = MarkdownDocument(text, unsafe: false, alwaysSmart: true)
            #expect(plain.html() == smart.html(), "\(text)")
            #expect(Self.shape(plain) == Self.shape(smart), "\(text)")
        }
    }

    @Test func findsWhatItChanges() {
        for text in ["it's", "\"q\"", "a--b", "wait...", "a..", String(repeating: "x", count: 20) + "--", "12345678'"] {
            #expect(SmartPunctuation.mayApply(text), "\(text)")
        }
        for text in ["a.b-c", "https://a.example/x", "a, b", "#1 & 2", "", String(repeating: "a.", count: 20)] {
            #expect(!SmartPunctuation.mayApply(text), "\(text)")
        }
    }
}
