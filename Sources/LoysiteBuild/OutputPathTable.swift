/// The build's output paths as an open-addressing hash table over their UTF-8 bytes, so
/// the link check asks about a link's target without making a String of it (it runs for
/// every link of every page; making and hashing a String per link was most of its cost).
struct OutputPathTable: Sendable {
    private let paths: [[UInt8]]
    /// Index into `paths` + 1 per slot (0: empty); the slot count is a power of two.
    private let slots: [Int32]
    private let hashes: [UInt64]
    private let mask: Int

    static let home = Array("index.html".utf8)

    init(_ files: Set<String>) {
        let paths = files.map { Array($0.utf8) }
        var size = 16
        while size < paths.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        let hashes = paths.map { path in path.withUnsafeBufferPointer(OutputPathTable.hash) }
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(number + 1)
        }
        self.paths = paths
        self.slots = slots
        self.hashes = hashes
        mask = size - 1
    }

    func contains(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(contains)
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = OutputPathTable.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if hashes[number] == hash, paths[number].elementsEqual(bytes) { return true }
            slot = (slot + 1) & mask
        }
        return false
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
