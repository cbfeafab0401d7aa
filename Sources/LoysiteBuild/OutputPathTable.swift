#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The build's output paths as an open-addressing hash table over their UTF-8 bytes, so
/// the link check asks about a link's target without making a String of it (it runs for
/// every link of every page; making and hashing a String per link was most of its cost).
/// The paths' bytes sit end to end in one array, compared with memcmp.
struct OutputPathTable: Sendable {
    private let bytes: [UInt8]
    /// Per path: where its bytes start in `bytes` and how many; its hash.
    private let starts: [Int32]
    private let lengths: [Int32]
    private let hashes: [UInt64]
    /// Path number + 1 per slot (0: empty); the slot count is a power of two.
    private let slots: [Int32]
    private let mask: Int

    static let home = Array("index.html".utf8)

    init(_ files: Set<String>) {
        var bytes: [UInt8] = [], starts: [Int32] = [], lengths: [Int32] = [], hashes: [UInt64] = []
        for file in files {
            let path = Array(file.utf8)
            starts.append(Int32(bytes.count))
            lengths.append(Int32(path.count))
            hashes.append(path.withUnsafeBufferPointer(OutputPathTable.hash))
            bytes += path
        }
        var size = 16
        while size < hashes.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(number + 1)
        }
        self.bytes = bytes
        self.starts = starts
        self.lengths = lengths
        self.hashes = hashes
        self.slots = slots
        mask = size - 1
    }

    func contains(_ path: [UInt8]) -> Bool {
        path.withUnsafeBufferPointer(contains)
    }

    func contains(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = OutputPathTable.hash(path)
        return bytes.withUnsafeBufferPointer { stored in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let number = Int(slots[slot]) - 1
                if hashes[number] == hash, Int(lengths[number]) == path.count,
                   path.isEmpty || memcmp(stored.baseAddress! + Int(starts[number]), path.baseAddress!, path.count) == 0 {
                    return true
                }
                slot = (slot + 1) & mask
            }
            return false
        }
    }

    /// FNV-1a, 64 bits: paths are short, and no one chooses them to collide here.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        // The low bits pick the slot: fold the high ones in.
        return hash ^ (hash >> 29)
    }
}
