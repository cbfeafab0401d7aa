import Foundation
@testable import LoysiteContent
import LoysiteSupport
import PropertyBased
import Testing

/// A response's segment is trimmed on bytes (`TrimmingSet.spacesAndTabs`): exactly as
/// Foundation trims `[" ", "\t"]`, for any text, Unicode spaces and marks at its edges
/// included.
@Suite struct SegmentTrimmingTests {
    static let pieces = [" ", "\t", "a", "web", "\u{A0}", "\u{2003}", "\u{301}", "é", "e\u{301}", "\n", "😀", "\u{200B}", "  "]

    @Test func trimsAsFoundationDoes() async {
        await propertyCheck(count: 3000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...7)) { parts in
            let text = parts.compactMap { $0 }.joined()
            #expect(text.trimming(.spacesAndTabs) == text.trimmingCharacters(in: [" ", "\t"]), "\(Array(text.unicodeScalars))")
        }
    }
}
