/// One value for each page of a build, addressed by `PageID`: the pages themselves
/// (`PageIndex.pages`) and everything worked out per page (bodies, summaries,
/// backlinks …). Iterating gives the values, `indices` the ids.
///
/// Inlinable: it is read in the inner loops of other modules, where a call into a
/// generic accessor per read cost more than the read. `public`, unlike every other
/// declaration here (the package has no library product, so nothing outside it sees
/// this): Swift 6.3.1 does not inline `@inlinable package` code into other modules, and
/// each read was a generic call retaining the page array both cores share. Made public
/// with `PageID`, a 1,000-term build took 1.6% fewer instructions and a 10,000-term one
/// about 6% less CPU time (medians of 5 alternating runs: 1.90 s against 2.03 s).
public struct PerPage<Value>: RandomAccessCollection, MutableCollection {
    public typealias Index = PageID
    public typealias Indices = Range<PageID>

    @usableFromInline var values: [Value]

    @inlinable public init(_ values: [Value]) {
        self.values = values
    }

    @inlinable public init(repeating value: Value, count: Int) {
        values = Array(repeating: value, count: count)
    }

    @inlinable public var startIndex: PageID { PageID(0) }
    @inlinable public var endIndex: PageID { PageID(values.count) }
    @inlinable public var indices: Range<PageID> { startIndex..<endIndex }
    @inlinable public var count: Int { values.count }

    // `get` rather than a `_read` coroutine: inlined, `bodies[id].html` is the array's
    // own element access, which the optimiser reads in place; a coroutine was a call
    // per read (a tenth of a rebuild's time, measured with perf).
    @inlinable public subscript(id: PageID) -> Value {
        get { values[id.number] }
        _modify { yield &values[id.number] }
    }

    // The collection's moves written out, inlinable, rather than left to the defaults
    // for a Strideable index: called through the conformance's witness table from
    // other modules, those were a tenth of an add-a-term rebuild under perf.
    @inlinable public func index(after i: PageID) -> PageID { PageID(i.number + 1) }
    @inlinable public func index(before i: PageID) -> PageID { PageID(i.number - 1) }
    @inlinable public func formIndex(after i: inout PageID) { i = PageID(i.number + 1) }
    @inlinable public func formIndex(before i: inout PageID) { i = PageID(i.number - 1) }
    @inlinable public func index(_ i: PageID, offsetBy distance: Int) -> PageID { PageID(i.number + distance) }
    @inlinable public func distance(from start: PageID, to end: PageID) -> Int { end.number - start.number }
    @inlinable public func makeIterator() -> IndexingIterator<[Value]> { values.makeIterator() }
    @inlinable public func map<T>(_ transform: (Value) throws -> T) rethrows -> [T] { try values.map(transform) }

    /// The values as a plain array, in page order (for `Parallel.map` and the like).
    @inlinable public var array: [Value] { values }

    @inlinable public mutating func append(_ value: Value) { values.append(value) }

    /// Whether `id` names a page of this list (ids kept from another build may not).
    @inlinable public func contains(id: PageID) -> Bool { id.number >= 0 && id.number < values.count }
}

extension PerPage: Sendable where Value: Sendable {}
extension PerPage: Equatable where Value: Equatable {}
