/// One value for each page of a build, addressed by `PageID`: the pages themselves
/// (`PageIndex.pages`) and everything worked out per page (bodies, summaries,
/// backlinks …). Iterating gives the values, `indices` the ids.
///
/// Inlinable: it is read in the inner loops of other modules, where a call into a
/// generic accessor per read cost more than the read.
package struct PerPage<Value>: RandomAccessCollection, MutableCollection {
    package typealias Index = PageID
    package typealias Indices = Range<PageID>

    @usableFromInline var values: [Value]

    @inlinable package init(_ values: [Value]) {
        self.values = values
    }

    @inlinable package init(repeating value: Value, count: Int) {
        values = Array(repeating: value, count: count)
    }

    @inlinable package var startIndex: PageID { PageID(0) }
    @inlinable package var endIndex: PageID { PageID(values.count) }
    @inlinable package var indices: Range<PageID> { startIndex..<endIndex }
    @inlinable package var count: Int { values.count }

    // `get` rather than a `_read` coroutine: inlined, `bodies[id].html` is the array's
    // own element access, which the optimiser reads in place; a coroutine was a call
    // per read (a tenth of a rebuild's time, measured with perf).
    @inlinable package subscript(id: PageID) -> Value {
        get { values[id.number] }
        _modify { yield &values[id.number] }
    }

    // The collection's moves written out, inlinable, rather than left to the defaults
    // for a Strideable index: called through the conformance's witness table from
    // other modules, those were a tenth of an add-a-term rebuild under perf.
    @inlinable package func index(after i: PageID) -> PageID { PageID(i.number + 1) }
    @inlinable package func index(before i: PageID) -> PageID { PageID(i.number - 1) }
    @inlinable package func formIndex(after i: inout PageID) { i = PageID(i.number + 1) }
    @inlinable package func formIndex(before i: inout PageID) { i = PageID(i.number - 1) }
    @inlinable package func index(_ i: PageID, offsetBy distance: Int) -> PageID { PageID(i.number + distance) }
    @inlinable package func distance(from start: PageID, to end: PageID) -> Int { end.number - start.number }
    @inlinable package func makeIterator() -> IndexingIterator<[Value]> { values.makeIterator() }
    @inlinable package func map<T>(_ transform: (Value) throws -> T) rethrows -> [T] { try values.map(transform) }

    /// The values as a plain array, in page order (for `Parallel.map` and the like).
    @inlinable package var array: [Value] { values }

    @inlinable package mutating func append(_ value: Value) { values.append(value) }

    /// Whether `id` names a page of this list (ids kept from another build may not).
    @inlinable package func contains(id: PageID) -> Bool { id.number >= 0 && id.number < values.count }
}

extension PerPage: Sendable where Value: Sendable {}
extension PerPage: Equatable where Value: Equatable {}
