/// Eight bytes tested at once as the lanes of one `UInt64` (SWAR): the filters the byte
/// scanners run before they look at a word byte by byte (JSON and HTML escaping, control
/// characters, wikilink brackets, other generators' markers). Each marks a lane by its
/// high bit and never misses one that holds; a borrow between lanes can only mark lanes
/// above a true one, so such a filter is exact about its lowest marked lane and a scan
/// confirms the rest byte by byte.
///
/// Public and inlinable for the same reason as `PerPage`: these run on every eight bytes
/// of every page in other modules, and Swift 6.3.1 does not inline `package` code across
/// modules.
public enum ByteLanes {
    // Computed, not stored: a stored static is reached through its lazy initialiser from
    // other modules.
    @inlinable public static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable public static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The high bit of each lane that may equal `byte`.
    @inlinable @inline(__always) public static func mayEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs
    }

    /// The high bit of each lane that may be below `bound` (at most 0x80).
    @inlinable @inline(__always) public static func mayBeBelow(_ word: UInt64, _ bound: UInt8) -> UInt64 {
        (word &- ones &* UInt64(bound)) & ~word & highs
    }
}
