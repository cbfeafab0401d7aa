#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the chunks of a CSV file start: a speculation, checked while merging.
///
/// Each chunk after the first starts just past the first line end at or after a multiple
/// of the chunk size. That is a record boundary unless the line end is inside a quoted
/// field; which it is cannot be told from nearby bytes alone (`"` opens and closes
/// fields alike), but it is told exactly by reading the chunk before: that reader stops
/// at the first record boundary at or past the speculated start, and the merge
/// (`DatasetFileLoad.readInChunks`) reads a chunk again from there when the two differ.
/// A wrong guess costs one chunk read twice, never a wrong figure.
enum CSVChunkPlan {
    /// Offsets where chunks of `start..<end` start, `start` first, in increasing order;
    /// `chunkSize` gives each chunk's size from the bytes left.
    static func starts(descriptor: Int32, from start: Int, to end: Int, chunkSize: (_ remaining: Int) -> Int) -> [Int] {
        var starts = [start]
        var window = [UInt8](repeating: 0, count: 64 << 10)
        var nominal = start + chunkSize(end - start)
        while nominal < end, let next = lineStart(atOrAfter: nominal, before: end, descriptor: descriptor, window: &window), next < end {
            starts.append(next)
            nominal = next + chunkSize(end - next)
        }
        return starts
    }

    /// The offset just past the first line end (LF, CRLF or a lone CR, as `CSVReader`
    /// counts them) at or after `offset`; nil when there is none before `end`.
    static func lineStart(atOrAfter offset: Int, before end: Int, descriptor: Int32, window: inout [UInt8]) -> Int? {
        let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var base = offset
        while base < end {
            let count = window.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(base)) }
            guard count > 0 else { return nil }
            for index in 0..<count {
                let byte = window[index]
                if byte == lf { return base + index + 1 }
                guard byte == cr else { continue }
                if index + 1 < count { return base + index + (window[index + 1] == lf ? 2 : 1) }
                // A CR at the window's end: the byte after it says CRLF or a lone CR.
                var after: UInt8 = 0
                let read = pread(descriptor, &after, 1, off_t(base + index + 1))
                return base + index + (read == 1 && after == lf ? 2 : 1)
            }
            base += count
        }
        return nil
    }
}
