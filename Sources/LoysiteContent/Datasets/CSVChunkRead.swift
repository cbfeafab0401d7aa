#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LoysiteSupport

/// A row reader whose work on consecutive chunks of a file can be merged in file order.
protocol MergeableRowConsumer: RowConsumer, Sendable {
    /// Adds what `chunk` (started empty) read from the rows that follow this reader's,
    /// whose lines are counted from `lineOffset + 1`; false when the result would not be
    /// the one of reading those rows here, and the file must be read in one pass.
    mutating func merge(_ chunk: Self, lineOffset: Int) -> Bool
    /// Makes room for what merging chunks like `first` (the first of them) adds, when
    /// all of them hold `scale` times its bytes.
    mutating func reserveCapacity(forMerging first: Self, scale: Double)
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
        let chunking = self.chunking
        guard end > start, chunking.chunkSize(remaining: end - start, of: end - start) != nil else { return nil }
        let starts = CSVChunkPlan.starts(descriptor: descriptor, from: start, to: end) { chunking.chunkSize(remaining: $0, of: end - start)! }
        guard starts.count > 1 else { return nil }
        // The last chunk reads to the end of the file, as one pass does (were it growing).
        let limits = Array(starts.dropFirst()) + [Int.max]
        let header = self.header, listLimit = badRows.limit
        @Sendable func read(from start: Int, chunk: Int) -> CSVChunkRead<Consumer> {
            CSVChunkRead(descriptor: descriptor, from: start, before: limits[chunk], header: header, consumer: prototype, listLimit: listLimit)
        }
        let merge = ChunkMerge(
            ChunkMerge.State(merged: ChunkedCSVRead(badRows: badRows, consumer: prototype), boundary: start, lineOffset: csv.linesRead),
            chunks: starts.count)
        // Each chunk is merged as soon as the chunks before it are: by the thread that
        // read it, or by the one merging already. So merging runs while later chunks are
        // still being read (the merge of the last chunk is all that is left at the end),
        // and a chunk's ids and totals are freed early: memory stays near one copy of the
        // state.
        Parallel.forEach(Array(starts.indices)) { index in
            guard !merge.isFinished else { return }
            merge.deliver(read(from: starts[index], chunk: index), at: index) { state, chunk, index in
                var chunk = chunk
                if chunk.start != state.boundary {
                    // The speculated start was inside a quoted field (the chunk before read
                    // past it): read this chunk again from the true record boundary.
                    chunk = read(from: state.boundary, chunk: index)
                }
                state.merged.rows += chunk.rows
                for issue in chunk.issues { state.merged.badRows.record(issue.shifted(lines: state.lineOffset)) }
                state.merged.badRows.recordUnlisted(chunk.issueCount - chunk.issues.count)
                guard state.merged.consumer.merge(chunk.consumer, lineOffset: state.lineOffset) else {
                    state.outcome = .readInOnePass
                    return false
                }
                if index == 0 {
                    // The first chunk tells about how many ids the others will add.
                    let share = Double(end - start) / Double(max(1, chunk.end - chunk.start))
                    state.merged.consumer.reserveCapacity(forMerging: chunk.consumer, scale: share)
                }
                if let failure = chunk.failure {
                    // One pass stops here too: the rows after it are not read.
                    state.merged.failure = failure.shifted(lines: state.lineOffset)
                    state.outcome = .stopped
                    return false
                }
                state.boundary = chunk.end
                state.lineOffset += chunk.lines
                return true
            }
        }
        let state = merge.finish()
        return state.outcome == .readInOnePass ? nil : state.merged
    }
}

/// The merging of a file's chunks in file order while they are read on other threads.
/// Chunks arrive in any order; the one that is next in line is merged at once by the
/// thread that delivers it, and then every later one that is waiting, so that only one
/// thread merges at a time and in order. (A lock guards which chunks wait and who
/// merges; the merged state itself is touched only by the merging thread.)
final class ChunkMerge<Consumer: MergeableRowConsumer>: @unchecked Sendable {
    struct State {
        var merged: ChunkedCSVRead<Consumer>
        /// Where the next chunk must start: where the one before stopped.
        var boundary: Int
        /// Line ends before the next chunk.
        var lineOffset: Int
        var outcome = Outcome.merging
    }

    enum Outcome: Equatable {
        case merging
        /// A syntax error ended the file: the rest is not read, as in one pass.
        case stopped
        /// The chunks cannot be merged: the file must be read in one pass.
        case readInOnePass
    }

    private let lock = NSLock()
    private var waiting: [CSVChunkRead<Consumer>?]
    private var next = 0
    private var merging = false
    private var finished = false
    private var state: State

    init(_ state: State, chunks: Int) {
        self.state = state
        waiting = Array(repeating: nil, count: chunks)
    }

    /// Whether merging has stopped, so the chunks not read yet need not be.
    var isFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }

    /// Hands over chunk `index`, and merges it (and the waiting chunks after it) if it
    /// is next in line and no other thread is merging; `body` returns false to stop.
    func deliver(_ chunk: CSVChunkRead<Consumer>, at index: Int, _ body: (inout State, CSVChunkRead<Consumer>, Int) -> Bool) {
        lock.lock()
        guard !finished else { return lock.unlock() }
        waiting[index] = chunk
        guard !merging else { return lock.unlock() }
        merging = true
        while !finished, next < waiting.count, let ready = waiting[next].take() {
            let position = next
            next += 1
            lock.unlock()
            let goOn = body(&state, ready, position)
            lock.lock()
            if !goOn {
                finished = true
                // Chunks past the end are not merged: free them now.
                for slot in waiting.indices { waiting[slot] = nil }
            }
        }
        if next == waiting.count { finished = true }
        merging = false
        lock.unlock()
    }

    /// The merged state, once every chunk has been delivered.
    func finish() -> State {
        lock.lock()
        defer { lock.unlock() }
        precondition(finished && !merging, "every chunk is merged, or merging stopped")
        return state
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
