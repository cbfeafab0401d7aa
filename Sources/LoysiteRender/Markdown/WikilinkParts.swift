import LoysiteSupport

/// What a wikilink `[[target#fragment|label]]` says: the target's name and fragment
/// and the label (the target where there is none), each trimmed of blanks.
///
/// Read on bytes where the wikilink is ASCII without a carriage return: its bytes are
/// then its Characters. Otherwise, and as the reference the fast path is tested
/// against (`WikilinkPartsPropertyTests`), on Characters (`init(characters:)`): a `|`
/// or `#` followed by a combining mark is no separator there. Splitting on Characters
/// was a third of resolving a 10,000-term glossary's wikilinks.
struct WikilinkParts: Equatable {
    /// The text between `[[` and `]]`, for messages.
    var inner: String
    var target: String
    var label: String
    var name: String
    var fragment: String

    /// The parts of the wikilink at `span` of `bytes` (`[[` to `]]` inclusive).
    init(_ bytes: [UInt8], span: Range<Int>) {
        let innerRange = (span.lowerBound + 2)..<(span.upperBound - 2)
        let inner = String(decoding: bytes[innerRange], as: UTF8.self)
        guard !bytes[innerRange].contains(where: { $0 >= 0x80 || $0 == 0x0D }) else {
            self.init(characters: inner)
            return
        }
        let target: String, label: String
        if let bar = bytes[innerRange].firstIndex(of: UInt8(ascii: "|")) {
            target = String(decoding: bytes[innerRange.lowerBound..<bar], as: UTF8.self).trimmingBlanks()
            label = String(decoding: bytes[(bar + 1)..<innerRange.upperBound], as: UTF8.self).trimmingBlanks()
        } else {
            target = inner.trimmingBlanks()
            label = target
        }
        guard let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) else {
            self.init(inner: inner, target: target, label: label, name: target, fragment: "")
            return
        }
        self.init(inner: inner, target: target, label: label, name: String(target[..<hash]), fragment: String(target[hash...]))
    }

    private init(inner: String, target: String, label: String, name: String, fragment: String) {
        self.inner = inner
        self.target = target
        self.label = label
        self.name = name
        self.fragment = fragment
    }

    /// The parts read on Characters.
    init(characters inner: String) {
        self.inner = inner
        let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        target = parts[0].trimmingBlanks()
        label = parts.count > 1 ? parts[1].trimmingBlanks() : target
        (name, fragment) = LinkResolver.splitFragment(target)
    }
}
