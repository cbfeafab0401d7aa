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
    public func containsByte(_ byte: UInt8) -> Bool {
        withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        } ?? contains(byte)
    }

    /// Whether every byte is ASCII.
    public var isASCII: Bool {
        withContiguousStorageIfAvailable { buffer in
            var combined: UInt8 = 0
            for byte in buffer { combined |= byte }
            return combined < 0x80
        } ?? allSatisfy { $0 < 0x80 }
    }
}
