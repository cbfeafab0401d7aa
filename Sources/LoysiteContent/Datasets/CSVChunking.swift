import Foundation

/// How a CSV dataset is split to be read on every core. Whatever it says, the figures,
/// the rows skipped and every message are those of reading the file in one pass.
public enum CSVChunking: Sendable, Equatable {
    /// In one pass, on one core.
    case serial
    /// In about four chunks per core, when the file is large enough to gain from it.
    case automatic
    /// In chunks of about this many bytes whatever the file's size: a test hook, so that
    /// chunk edges fall inside quoted fields, CRLFs and bad rows of small inputs.
    case bytes(Int)

    /// Below this a file is read in one pass: starting threads and merging would cost
    /// more than the second core gives.
    static let smallestAutomaticFile = 4 << 20

    /// The chunk size for `count` bytes of records; nil to read them in one pass.
    func chunkSize(forBytes count: Int) -> Int? {
        switch self {
        case .serial:
            return nil
        case .bytes(let size):
            return max(1, size)
        case .automatic:
            let cores = ProcessInfo.processInfo.activeProcessorCount
            guard cores > 1, count >= CSVChunking.smallestAutomaticFile else { return nil }
            // More chunks than cores, so a core that is slowed by the neighbours' work
            // does not leave the other one waiting at the end.
            return max(1 << 20, count / (cores * 4))
        }
    }
}
