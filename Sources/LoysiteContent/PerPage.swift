/// One value for each page of a build, addressed by `PageID`: the pages themselves
/// (`PageIndex.pages`) and everything worked out per page (bodies, summaries,
/// backlinks …). Iterating gives the values, `indices` the ids.
package struct PerPage<Value>: RandomAccessCollection, MutableCollection {
    package typealias Index = PageID
    package typealias Indices = Range<PageID>

    private var values: [Value]

    package init(_ values: [Value]) {
        self.values = values
    }

    package init(repeating value: Value, count: Int) {
        values = Array(repeating: value, count: count)
    }

    package var startIndex: PageID { PageID(0) }
    package var endIndex: PageID { PageID(values.count) }
    package var indices: Range<PageID> { startIndex..<endIndex }
    package var count: Int { values.count }

    package subscript(id: PageID) -> Value {
        get { values[id.number] }
        _modify { yield &values[id.number] }
    }

    /// The values as a plain array, in page order (for `Parallel.map` and the like).
    package var array: [Value] { values }

    package mutating func append(_ value: Value) { values.append(value) }

    /// Whether `id` names a page of this list (ids kept from another build may not).
    package func contains(id: PageID) -> Bool { id.number >= 0 && id.number < values.count }
}

extension PerPage: Sendable where Value: Sendable {}
extension PerPage: Equatable where Value: Equatable {}
