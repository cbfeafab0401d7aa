#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte tests over a whole text in its own storage: `utf8.contains(_:)` and
/// `allSatisfy` go through the generic collection path a byte at a time, which showed up
/// in every step that asks "is there a `|`", "a `\r`", "anything but ASCII".
extension String.UTF8View {
    /// Whether `byte` occurs (`memchr`).
    package func containsByte(_ byte: UInt8) -> Bool {
        withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        } ?? contains(byte)
    }

    /// Whether every byte is ASCII.
    package var isASCII: Bool {
        withContiguousStorageIfAvailable { buffer in
            var combined: UInt8 = 0
            for byte in buffer { combined |= byte }
            return combined < 0x80
        } ?? allSatisfy { $0 < 0x80 }
    }

    /// Whether the bytes of `needle` occur together.
    package func containsSequence(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        return withContiguousStorageIfAvailable { buffer in
            guard buffer.count >= pattern.count else { return false }
            for start in 0...(buffer.count - pattern.count) where buffer[start] == first {
                if buffer[start..<start + pattern.count].elementsEqual(pattern) { return true }
            }
            return false
        } ?? Array(self).withUnsafeBufferPointer { buffer in
            String(decoding: buffer, as: UTF8.self).utf8.containsSequence(needle)
        }
    }
}
