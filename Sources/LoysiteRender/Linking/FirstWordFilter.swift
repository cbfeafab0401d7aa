/// The first words of a set of names, as a bitset of keys of their ASCII-folded bytes:
/// a quick "no" for a word of running text that begins none of the names.
///
/// `TermMatcher` walks its trie of names from every word start; in the benchmark
/// corpora only about one word in 25 begins a name (the first two bytes of two words in
/// three begin one, so looking at those tells little), and the walks from the others
/// were most of auto-linking's time. A hash collision, or a bit left by a name since
/// removed, only lets a word through to the walk: the filter never keeps a mention out.
struct FirstWordFilter: Sendable {
    /// 2¹⁶ bits (8 KB): a few thousand first words leave it mostly clear.
    static let slotBits = 16
    private var bits = [UInt64](repeating: 0, count: (1 << slotBits) / 64)

    /// A word's key: its first eight bytes (fewer if it is shorter) with ASCII letters
    /// folded and its length, mixed. Read with one load where the text goes on for
    /// eight bytes, so the scan pays per word, not per byte (hashing every byte as the
    /// scan passed it cost more instructions than the walks it saved). Bytes are folded
    /// by setting 0x20 in each, which folds more than `PrefixTrie.fold` does (`_` with
    /// DEL, some UTF-8 bytes with others): words the trie takes as equal get one key.
    @inline(__always) static func key(in text: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> UInt64 {
        var prefix: UInt64
        if start + 8 <= text.count {
            prefix = UInt64(littleEndian: UnsafeRawPointer(text.baseAddress.unsafelyUnwrapped + start).loadUnaligned(as: UInt64.self))
        } else {
            prefix = 0
            for offset in 0..<Swift.min(8, text.count - start) { prefix |= UInt64(text[start + offset]) << UInt64(8 * offset) }
        }
        return key(first8: prefix, length: length)
    }

    /// `key` from the eight bytes at the word's start as loaded (bytes past the word
    /// are ignored), for a scan that has loaded them already.
    @inline(__always) static func key(first8 loaded: UInt64, length: Int) -> UInt64 {
        var prefix = loaded | 0x2020_2020_2020_2020
        if length < 8 { prefix &= (1 &<< UInt64(truncatingIfNeeded: 8 &* length)) &- 1 }
        return (prefix ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The bit of a key: its top bits (the multiplication in `key` carries every
    /// byte into them).
    @inline(__always) static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: key >> UInt64(64 - slotBits))
    }

    init() {}

    /// Adds the word `text[start..<start + length]`.
    mutating func insert(_ text: UnsafeBufferPointer<UInt8>, start: Int, length: Int) {
        let slot = FirstWordFilter.slot(FirstWordFilter.key(in: text, start: start, length: length))
        bits[slot >> 6] |= 1 << UInt64(slot & 63)
    }

    /// The bits in place, for a scan's many look-ups (no bounds check: every slot is
    /// inside).
    struct View {
        let bits: UnsafeBufferPointer<UInt64>

        /// Whether a word with this key may be one of the first words.
        @inline(__always) func mayContain(_ key: UInt64) -> Bool {
            let slot = FirstWordFilter.slot(key)
            return (bits.baseAddress.unsafelyUnwrapped[slot >> 6] >> UInt64(slot & 63)) & 1 != 0
        }
    }

    func withView<Result>(_ body: (View) -> Result) -> Result {
        bits.withUnsafeBufferPointer { body(View(bits: $0)) }
    }

    /// `View.mayContain` for the word `text[start..<start + length]`.
    func mayContain(_ text: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> Bool {
        withView { $0.mayContain(FirstWordFilter.key(in: text, start: start, length: length)) }
    }
}
