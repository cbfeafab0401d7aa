#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LoysiteSupport

/// The build's output paths as an open-addressing hash table over their UTF-8 bytes, so
/// the link check asks about a link's target without making a String of it (it runs for
/// every link of every page; making and hashing a String per link was most of its cost).
/// The paths' bytes sit end to end in one array, compared with memcmp; hashed with
/// `ByteHash`, as the datasets' ids are.
struct OutputPathTable: Sendable {
    /// One slot: a path's hash, where its bytes start in `bytes` and how many (length −1:
    /// empty). Side by side, so a probe reads one cache line before the bytes.
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var start: Int32 = 0
        var length: Int32 = -1
    }

    private let bytes: [UInt8]
    /// A power of two of them.
    private let slots: [Slot]
    private let mask: Int

    static let home = Array("index.html".utf8)

    init(_ files: Set<String>) {
        var size = 16
        while size < files.count * 2 { size *= 2 }
        var bytes: [UInt8] = [], slots = [Slot](repeating: Slot(), count: size)
        for file in files {
            let path = Array(file.utf8)
            let hash = path.withUnsafeBufferPointer(ByteHash.hash)
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot].length >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Slot(hash: hash, start: Int32(bytes.count), length: Int32(path.count))
            bytes += path
        }
        self.bytes = bytes
        self.slots = slots
        mask = size - 1
    }

    func contains(_ path: [UInt8]) -> Bool {
        path.withUnsafeBufferPointer(contains)
    }

    func contains(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = ByteHash.hash(path)
        return bytes.withUnsafeBufferPointer { stored in
            slots.withUnsafeBufferPointer { slots in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot].length >= 0 {
                    if slots[slot].hash == hash, Int(slots[slot].length) == path.count,
                       path.isEmpty || memcmp(stored.baseAddress! + Int(slots[slot].start), path.baseAddress!, path.count) == 0 {
                        return true
                    }
                    slot = (slot + 1) & mask
                }
                return false
            }
        }
    }
}
