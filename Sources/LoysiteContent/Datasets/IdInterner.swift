import LoysiteSupport

/// Turns text ids (customers, orders) into dense integers 0, 1, 2 … in first-seen order,
/// remembering each id's first spelling for messages.
///
/// Ids are compared as Swift `String`s compare them (canonical equivalence: `é` written
/// precomposed or as `e` + U+0301 is one id; so are the Kelvin sign `K` and `K`). For
/// ASCII ids that is byte equality, so while every id is ASCII (every real export we
/// know) they are hashed and compared as bytes in a table of its own, with no `String`
/// made per lookup — `String` hashing was a sixth of the CPU time at 10.8M rows. The
/// first id that is not ASCII switches the interner to a `String` dictionary for good
/// (`textKeys`), built from the ids so far, so that it can equal one of them.
///
/// The hash is `ByteHash` (unseeded: ids come from the site's own data, and a collision
/// costs time, never a wrong index). Each id's hash is kept, so growing the table and merging the
/// interner of another chunk (`index(ofIdAt:in:)`) hash nothing again.
struct IdInterner: Sendable {
    /// The ids' bytes, one after the other; id `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing, never more than half full: per used slot the
    /// id + 1 in the low 32 bits and the hash's high 32 bits above them, 0 for a free
    /// one. With the hash in the slot, a new id (most of them, when merging) costs one
    /// memory access, not three. Unused (empty) in `textKeys` mode.
    private var slots: [UInt64] = []
    /// Every id by its text, once an id that is not ASCII has been seen.
    private var textKeys: [String: Int]?
    /// The last id looked up: rows of one order usually follow each other, so most rows
    /// are answered by one comparison.
    private var lastIndex = -1

    var count: Int { hashes.count }

    /// The first spelling of id `index`.
    func name(at index: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[starts[index]..<starts[index + 1]]), as: UTF8.self) }
    }

    /// Whether id `index` starts with a NUL byte: the own id of a row without an order
    /// id (`"\0row N"`, see `OrdersRowReader`), which no real id holds.
    func startsWithNUL(_ index: Int) -> Bool {
        starts[index + 1] > starts[index] && bytes[starts[index]] == 0
    }

    /// Per index, its name's position in name order (as `String` compares them; byte
    /// order for ASCII ids): how ties are broken "by customer id".
    func rankByName() -> [Int32] {
        let names = (0..<count).map(name(at:))
        var rank = [Int32](repeating: 0, count: names.count)
        for (position, index) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() {
            rank[index] = Int32(position)
        }
        return rank
    }

    /// The index of the id spelled `id`, a new one if it is new.
    @inline(__always)
    mutating func index(of id: UnsafeBufferPointer<UInt8>) -> Int {
        // Most rows: the id of the row before, answered inline.
        if lastIndex >= 0, spells(lastIndex, id) { return lastIndex }
        return lookUp(id)
    }

    private mutating func lookUp(_ id: UnsafeBufferPointer<UInt8>) -> Int {
        let index = insert(id, hash: ByteHash.hash(id))
        lastIndex = index
        return index
    }

    /// The index here of id `index` of `other` (a new one if it is new here): merging
    /// the ids of a chunk read on another core.
    mutating func index(ofIdAt index: Int, in other: IdInterner) -> Int {
        other.bytes.withUnsafeBufferPointer { all in
            insert(UnsafeBufferPointer(rebasing: all[other.starts[index]..<other.starts[index + 1]]), hash: other.hashes[index])
        }
    }

    /// The index of an id given as text.
    mutating func index(ofName name: String) -> Int {
        var name = name
        return name.withUTF8 { insert($0, hash: ByteHash.hash($0)) }
    }

    /// Makes room for `count` ids in all.
    mutating func reserveCapacity(_ count: Int) {
        hashes.reserveCapacity(count)
        starts.reserveCapacity(count + 1)
        if textKeys != nil {
            textKeys!.reserveCapacity(count)
        } else if slots.count < 2 * count {
            rebuildSlots(capacity: IdInterner.slotCount(for: count))
        }
    }

    private mutating func insert(_ id: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        if textKeys == nil, !IdInterner.isASCII(id) { switchToTextKeys() }
        if textKeys != nil {
            let text = String(decoding: id, as: UTF8.self)
            if let existing = textKeys![text] { return existing }
            let index = append(id, hash: hash)
            textKeys![text] = index
            return index
        }
        if 2 * (count + 1) > slots.count { rebuildSlots(capacity: IdInterner.slotCount(for: count + 1)) }
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let candidate = Int(entry & 0xFFFF_FFFF) - 1
                if spells(candidate, id) { return candidate }
            }
            slot = (slot + 1) & mask
        }
        let index = append(id, hash: hash)
        slots[slot] = tag | UInt64(index + 1)
        return index
    }

    private mutating func append(_ id: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let index = count
        bytes.append(contentsOf: id)
        starts.append(bytes.count)
        hashes.append(hash)
        return index
    }

    /// Whether id `index` is spelled exactly `id`.
    @inline(__always)
    private func spells(_ index: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index], length = starts[index + 1] - start
        guard length == id.count else { return false }
        guard length > 0 else { return true }
        return bytes.withUnsafeBufferPointer { equalBytes($0.baseAddress! + start, id.baseAddress!, length) }
    }

    private mutating func rebuildSlots(capacity: Int) {
        slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for index in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hashes[index] & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
        }
    }

    private mutating func switchToTextKeys() {
        var keys: [String: Int] = [:]
        keys.reserveCapacity(count)
        // All ASCII so far, hence all distinct as text too.
        for index in 0..<count { keys[name(at: index)] = index }
        textKeys = keys
        slots = []
    }

    /// A power of two at least twice `count` (and at least 16).
    private static func slotCount(for count: Int) -> Int {
        var capacity = 16
        while capacity < 2 * count { capacity <<= 1 }
        return capacity
    }

    static func isASCII(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in id { combined |= byte }
        return combined < 0x80
    }
}
