import Foundation

/// How a CSV dataset is split to be read on every core. Whatever it says, the figures,
/// the rows skipped and every message are those of reading the file in one pass.
package enum CSVChunking: Sendable, Equatable {
    /// In one pass, on one core.
    case serial
    /// In chunks that shrink toward the end of the file (about a quarter of what is
    /// left per core, down to a sixteenth of the file per core), when the file is large
    /// enough to gain from it.
    case automatic
    /// In chunks of about this many bytes whatever the file's size: a test hook, so that
    /// chunk edges fall inside quoted fields, CRLFs and bad rows of small inputs.
    case bytes(Int)

    /// Below this a file is read in one pass: starting threads and merging would cost
    /// more than the second core gives.
    static let smallestAutomaticFile = 4 << 20

    /// The size of the next chunk of `count` bytes of records when `remaining` of them
    /// are left to plan; nil to read them in one pass.
    func chunkSize(remaining: Int, of count: Int) -> Int? {
        switch self {
        case .serial:
            return nil
        case .bytes(let size):
            return max(1, size)
        case .automatic:
            let cores = ProcessInfo.processInfo.activeProcessorCount
            guard cores > 1, count >= CSVChunking.smallestAutomaticFile else { return nil }
            // Chunks are taken in file order, so the last ones read are the small ones:
            // the core that finishes first waits at most for a small chunk, and the merge
            // of the last chunk, all that is left after the reading, is short. (Equal
            // chunks, four per core, left one core idle for half a chunk on average.)
            return max(1 << 20, count / (cores * 16), remaining / (cores * 2))
        }
    }
}
