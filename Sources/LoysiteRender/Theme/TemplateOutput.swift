import Foundation
import LoysiteSupport

/// The bytes one render writes, in one buffer of its own that grows by doubling.
///
/// The renderer appends a piece at every text node and value (a few hundred a page);
/// `[UInt8].append(contentsOf:)` spent about 150 instructions a call around its copy
/// (uniqueness and capacity checks, the generic copy path), more than the copies. Here an
/// append is a capacity check and a `memcpy`. A finished page is handed to `Data` as it
/// is (`takeData`), where the array had to be copied into one.
final class TemplateOutput {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = TemplateOutput.allocate(self.capacity)
    }

    deinit { free(base) }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        guard let memory = malloc(capacity) else { fatalError("out of memory rendering a template") }
        return memory.assumingMemoryBound(to: UInt8.self)
    }

    @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let length = bytes.count
        if count + length > capacity { grow(toHold: count + length) }
        (base + count).update(from: source, count: length)
        count += length
    }

    @inline(__always) func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// A string's UTF-8 bytes (copied out first only for a string not stored as UTF-8,
    /// such as one bridged from Objective-C).
    @inline(__always) func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        append(Array(text.utf8))
    }

    @inline(never) private func grow(toHold needed: Int) {
        capacity = Swift.max(needed, capacity * 2)
        guard let memory = realloc(base, capacity) else { fatalError("out of memory rendering a template") }
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes from `start` on, copied.
    func array(from start: Int = 0) -> [UInt8] {
        Array(UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// Drops the control characters `Escape.removingControlCharacters` drops, in place.
    func removeControlCharacters() {
        count = Escape.removeControlCharacters(in: UnsafeMutableBufferPointer(start: base, count: count))
    }

    /// The bytes as `Data`, which takes the buffer over (no copy); the output is empty
    /// after, with a new buffer.
    func takeData() -> Data {
        guard count > 0 else { return Data() }
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        capacity = 64
        count = 0
        base = TemplateOutput.allocate(capacity)
        return data
    }
}
