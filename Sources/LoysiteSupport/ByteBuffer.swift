#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes appended to the end of one buffer that grows by doubling: what JSON text is
/// written into. An append is a capacity check and a `memcpy`; `[UInt8].append(contentsOf:)`
/// spent about 150 instructions a call around its copy, and JSON text is written in
/// short pieces (a quote, a key, a title), a few dozen per search-index entry.
/// Not copyable: it owns its memory, freed with it.
struct ByteBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        guard let memory = malloc(self.capacity) else { fatalError("out of memory writing JSON") }
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let length = bytes.count
        if count + length > capacity { grow(toHold: count + length) }
        (base + count).update(from: source, count: length)
        count += length
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always) mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// A string's UTF-8 bytes.
    @inline(__always) mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Replaces the last byte (the writer's way of turning `}` into `,`).
    mutating func replaceLast(with byte: UInt8) {
        base[count - 1] = byte
    }

    mutating func removeLast() {
        count -= 1
    }

    @inline(never) private mutating func grow(toHold needed: Int) {
        capacity = Swift.max(needed, capacity * 2)
        guard let memory = realloc(base, capacity) else { fatalError("out of memory writing JSON") }
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    var array: [UInt8] { Array(bytes) }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
