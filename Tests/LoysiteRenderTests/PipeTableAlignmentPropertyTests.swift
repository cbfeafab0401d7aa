import PropertyBased
import Testing
@testable import LoysiteRender

/// A delimiter cell read on bytes gives the alignment Foundation's trimming and
/// Characters give, for any mix of colons, dashes, blanks, letters and combining marks.
@Suite struct PipeTableAlignmentPropertyTests {
    static let pieces = [":", "-", "--", "::", " ", "a", "é", "\u{301}", ":\u{301}", "-\u{301}", "😀", "|"]

    @Test func bytesAgreeWithCharacters() async {
        await propertyCheck(count: 5000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...6)) { parts in
            let cell = parts.compactMap { $0 }.joined()
            #expect(PipeTable.alignment(delimiter: cell) == PipeTable.referenceAlignment(delimiter: cell), "\(Array(cell.unicodeScalars))")
        }
    }

    @Test func alignments() {
        #expect(PipeTable.alignment(delimiter: "---") == PipeTable.Alignment.none)
        #expect(PipeTable.alignment(delimiter: ":--") == .left)
        #expect(PipeTable.alignment(delimiter: ":-:") == .center)
        #expect(PipeTable.alignment(delimiter: "--:") == .right)
        #expect(PipeTable.alignment(delimiter: "::") == nil)
        #expect(PipeTable.alignment(delimiter: ":") == nil)
        #expect(PipeTable.alignment(delimiter: "") == nil)
        #expect(PipeTable.alignment(delimiter: "-x-") == nil)
    }
}
