/// The order, customer and date fields of the last CSV row an `OrdersRowReader` added,
/// as written, and what they gave.
///
/// Why: the rows of one order follow each other and repeat all three fields, so a row
/// whose three fields hold these bytes again has this order, customer and day, without
/// parsing its date or looking its ids up — those three were a third of the work per
/// row at 10.8M rows. Equal bytes give equal ids and an equal date whatever was read in
/// between (an id's index never changes once given), and the remembered row was added
/// with this customer for this order, so the row cannot be refused for another customer
/// either. Only rows with an order id are remembered (one without is an order of its
/// own), and only fields without `""` escapes (whose bytes as written are not the id's).
/// Held to the reading without it by `RepeatedOrderRowTests`.
struct RepeatedOrderRow: Sendable {
    /// The order, customer and date fields one after the other.
    private var bytes: [UInt8] = []
    private var orderLength = -1
    private var customerLength = -1
    private var dateLength = -1
    private(set) var order = 0
    private(set) var customer = 0
    private(set) var day = 0

    /// Whether `record`'s order, customer and date fields (at these columns) are the
    /// remembered row's, byte for byte.
    @inline(__always)
    func matches(_ record: CSVRecord, order orderColumn: Int, customer customerColumn: Int, date dateColumn: Int) -> Bool {
        guard orderLength > 0, orderColumn < record.count, customerColumn < record.count, dateColumn < record.count else { return false }
        let orderBytes = record.rawBytes(of: orderColumn), customerBytes = record.rawBytes(of: customerColumn), dateBytes = record.rawBytes(of: dateColumn)
        guard orderBytes.count == orderLength, customerBytes.count == customerLength, dateBytes.count == dateLength,
              !record.isEscaped(orderColumn), !record.isEscaped(customerColumn), !record.isEscaped(dateColumn) else { return false }
        return bytes.withUnsafeBufferPointer { all in
            let base = all.baseAddress!
            return Self.equal(orderBytes, base) && Self.equal(customerBytes, base + orderLength)
                && Self.equal(dateBytes, base + orderLength + customerLength)
        }
    }

    /// Remembers `record`, just added as `order`, `customer` and `day`; forgets instead
    /// when one of its fields has escapes or its order id is empty.
    mutating func remember(_ record: CSVRecord, order orderColumn: Int, customer customerColumn: Int, date dateColumn: Int,
                           as ids: (order: Int, customer: Int, day: Int)) {
        guard orderColumn < record.count, customerColumn < record.count, dateColumn < record.count,
              !record.isEscaped(orderColumn), !record.isEscaped(customerColumn), !record.isEscaped(dateColumn),
              !record.rawBytes(of: orderColumn).trimmed.isEmpty else {
            orderLength = -1
            return
        }
        let orderBytes = record.rawBytes(of: orderColumn), customerBytes = record.rawBytes(of: customerColumn), dateBytes = record.rawBytes(of: dateColumn)
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: orderBytes)
        bytes.append(contentsOf: customerBytes)
        bytes.append(contentsOf: dateBytes)
        (orderLength, customerLength, dateLength) = (orderBytes.count, customerBytes.count, dateBytes.count)
        (order, customer, day) = ids
    }

    @inline(__always)
    private static func equal(_ field: UnsafeBufferPointer<UInt8>, _ remembered: UnsafePointer<UInt8>) -> Bool {
        field.isEmpty || equalBytes(field.baseAddress!, remembered, field.count)
    }
}
