#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LoysiteSupport

/// A row reader whose work on consecutive chunks of a file can be merged in file order.
protocol MergeableRowConsumer: RowConsumer, Sendable {
    /// Adds what `chunk` (started empty) read from the rows that follow this reader's,
    /// whose lines are counted from `lineOffset + 1`; false when the result would not be
    /// the one of reading those rows here, and the file must be read in one pass.
    mutating func merge(_ chunk: Self, lineOffset: Int) -> Bool
    /// Makes room for what merging `chunks` adds (at most).
    mutating func reserveCapacity(forMerging chunks: [Self])
}

/// The reading of one chunk of a CSV file: the records that start in `start..<limit`,
/// with lines counted from 1 at `start`.
struct CSVChunkRead<Consumer: MergeableRowConsumer>: Sendable {
    let start: Int
    /// Where reading stopped: the first record boundary at or past the limit (or the
    /// end of the file, or the record of `failure`).
    let end: Int
    /// Line ends between `start` and `end`.
    let lines: Int
    let rows: Int
    let consumer: Consumer
    /// The first bad rows (as many as a `BadRowLog` lists), and how many there were.
    let issues: [RowIssue]
    let issueCount: Int
    let failure: CSVSyntaxError?

    init(descriptor: Int32, from start: Int, before limit: Int, header: [String], consumer prototype: Consumer, listLimit: Int) {
        var csv = CSVReader(fileDescriptor: descriptor, ownsDescriptor: false, from: start, before: limit)
        var consumer = prototype
        var rows = 0
        var issues: [RowIssue] = []
        var issueCount = 0
        failure = DatasetFileLoad.readRecords(&csv, header: header, into: &consumer, rows: &rows) { issue in
            issueCount += 1
            if issues.count < listLimit { issues.append(issue) }
        }
        self.start = start
        end = csv.offset
        lines = csv.linesRead
        self.rows = rows
        self.consumer = consumer
        self.issues = issues
        self.issueCount = issueCount
    }
}

/// What reading a file's records in chunks gave, merged in file order.
struct ChunkedCSVRead<Consumer: MergeableRowConsumer> {
    var rows = 0
    var badRows: BadRowLog
    var consumer: Consumer
    var failure: CSVSyntaxError?
}

extension DatasetFileLoad {
    /// Reads the records after the header (`csv` has read it, and is left unused) in
    /// chunks on every core, and merges them in file order. Nil when `chunking` says one
    /// pass for a file of this size, or when the chunks cannot be merged into the figures
    /// of one pass (an order of two customers): the caller reads the file with `csv` then.
    func readInChunks<Consumer: MergeableRowConsumer>(
        _ csv: borrowing CSVReader, descriptor: Int32, prototype: Consumer
    ) -> ChunkedCSVRead<Consumer>? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let start = csv.offset, end = Int(info.st_size)
        guard end > start, let chunkSize = chunking.chunkSize(forBytes: end - start) else { return nil }
        let starts = CSVChunkPlan.starts(descriptor: descriptor, from: start, to: end, chunkSize: chunkSize)
        guard starts.count > 1 else { return nil }
        // The last chunk reads to the end of the file, as one pass does (were it growing).
        let limits = Array(starts.dropFirst()) + [Int.max]
        let header = self.header, listLimit = badRows.limit
        @Sendable func read(from start: Int, chunk: Int) -> CSVChunkRead<Consumer> {
            CSVChunkRead(descriptor: descriptor, from: start, before: limits[chunk], header: header, consumer: prototype, listLimit: listLimit)
        }
        // Optional, so each chunk's ids and totals are freed once merged: the merged
        // reader grows as they go, and memory stays near one copy of the state.
        var chunks: [CSVChunkRead<Consumer>?] = Parallel.map(Array(starts.indices)) { read(from: starts[$0], chunk: $0) }

        var merged = ChunkedCSVRead(badRows: badRows, consumer: prototype)
        merged.consumer.reserveCapacity(forMerging: chunks.compactMap { $0?.consumer })
        var boundary = start
        var lineOffset = csv.linesRead
        for index in chunks.indices {
            guard var chunk = chunks[index].take() else { continue }
            if chunk.start != boundary {
                // The speculated start was inside a quoted field (the chunk before read
                // past it): read this chunk again from the true record boundary.
                chunk = read(from: boundary, chunk: index)
            }
            merged.rows += chunk.rows
            for issue in chunk.issues { merged.badRows.record(issue.shifted(lines: lineOffset)) }
            merged.badRows.recordUnlisted(chunk.issueCount - chunk.issues.count)
            guard merged.consumer.merge(chunk.consumer, lineOffset: lineOffset) else { return nil }
            if let failure = chunk.failure {
                // One pass stops here too: the rows after it are not read.
                merged.failure = failure.shifted(lines: lineOffset)
                return merged
            }
            boundary = chunk.end
            lineOffset += chunk.lines
        }
        return merged
    }
}

extension RowIssue {
    /// The issue of a chunk whose lines are counted from `lines + 1`, in file lines.
    func shifted(lines: Int) -> RowIssue {
        RowIssue(message: message, line: line + lines, column: column)
    }
}

extension CSVSyntaxError {
    /// The error of a chunk whose lines are counted from `lines + 1`, in file lines.
    func shifted(lines: Int) -> CSVSyntaxError {
        switch self {
        case .unterminatedQuote(let location): return .unterminatedQuote(location: CSVPosition(line: location.line + lines, column: location.column))
        case .nulByte(let location): return .nulByte(location: CSVPosition(line: location.line + lines, column: location.column))
        case .recordTooLong(let line): return .recordTooLong(line: line + lines)
        case .readFailed: return self
        }
    }
}
