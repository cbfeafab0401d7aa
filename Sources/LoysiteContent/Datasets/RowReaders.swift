import Foundation
import LoysiteMetrics
import LoysiteSupport

/// Turns the rows of one dataset into figures, one row at a time.
protocol RowConsumer {
    /// Reads one row; returns why it cannot be read, leaving the figures untouched then.
    mutating func consume<Row: DatasetRow>(_ row: Row) -> RowIssue?
}

/// Amounts above this are refused: far beyond any real order, and it keeps exact sums
/// of billions of rows inside `Money`'s range. 10^18 whole units, i.e. 10^30 money
/// units; computed, not a global `let`, which costs a `swift_once` check on every row.
var largestAmount: Money { Money(units: 1_000_000_000_000_000_000_000_000_000_000) }

/// Reads the rows of an orders dataset into an `OrdersAccumulator`.
struct OrdersRowReader: MergeableRowConsumer {
    enum AmountColumns {
        case amount(Int)
        case product(quantity: Int, price: Int)
    }

    let customer: Int
    let date: Int
    let order: Int?
    let amount: AmountColumns
    let header: [String]
    let dates: DateText
    var accumulator: OrdersAccumulator
    var customers = IdInterner()
    var orders = IdInterner()
    private var rowsWithoutOrderId = 0
    private var lastDateBytes: [UInt8] = []
    private var lastDay: Int?
    /// The last CSV row added, whose order, customer and day the next row most often
    /// repeats (`RepeatedOrderRow`).
    private var lastRow = RepeatedOrderRow()
    /// Where the earliest and latest order dates are, to point at a mistyped year.
    private(set) var dateExtremes = DateExtremes()
    /// Rows refused because their order belongs to another customer: whether such a row
    /// is refused depends on every row before it, so a chunk that met one cannot be merged.
    private(set) var customerConflicts = 0

    init(customer: Int, date: Int, order: Int?, amount: AmountColumns, header: [String], dates: DateText, period: Period) {
        self.customer = customer
        self.date = date
        self.order = order
        self.amount = amount
        self.header = header
        self.dates = dates
        self.accumulator = OrdersAccumulator(period: period)
    }

    /// Finds the roles' columns; nil (with diagnostics in `columns`) when one is missing.
    static func make(_ columns: inout ColumnResolver, dates: DateText, period: Period) -> OrdersRowReader? {
        let customer = columns.column(.customer, required: true, purpose: "the customer")
        let date = columns.column(.date, required: true, purpose: "the order date")
        let order = columns.column(.order, required: false, purpose: "the order id")
        var amount: AmountColumns?
        let wantsProduct = !columns.isNamed(.amount) && (columns.isNamed(.quantity) || columns.isNamed(.price))
        if !wantsProduct, columns.isNamed(.amount) || columns.index(of: DatasetRole.amount.defaultColumn) != nil {
            amount = columns.column(.amount, required: true, purpose: "the amount").map { .amount($0) }
        } else {
            let quantityName = columns.sidecar.columns[.quantity]?.value ?? DatasetRole.quantity.defaultColumn
            let priceName = columns.sidecar.columns[.price]?.value ?? DatasetRole.price.defaultColumn
            let quantity = columns.index(of: quantityName)
            let price = columns.index(of: priceName)
            if let quantity, let price {
                amount = .product(quantity: quantity, price: price)
            } else if wantsProduct {
                if quantity == nil { columns.reportMissing([quantityName], role: .quantity, purpose: "the quantity (amount = quantity × price)") }
                if price == nil { columns.reportMissing([priceName], role: .price, purpose: "the price (amount = quantity × price)") }
            } else {
                columns.reportMissing([DatasetRole.amount.defaultColumn], role: .amount, purpose: "the amount (or 'quantity' and 'price')")
            }
        }
        guard let customer, let date, let amount else { return nil }
        return OrdersRowReader(customer: customer, date: date, order: order, amount: amount, header: columns.header, dates: dates, period: period)
    }

    mutating func consume<Row: DatasetRow>(_ row: Row) -> RowIssue? {
        // (A test on the row's type, decided when `consume` is specialised for it.)
        let record = row as? CSVRecord
        let repeated: Bool
        if let record, let order { repeated = lastRow.matches(record, order: order, customer: customer, date: date) } else { repeated = false }
        // The date: rows of one order usually repeat it, so the last one is cached.
        let day: Int? = repeated ? lastRow.day : row.withBytes(of: date) { bytes in
            if let lastDay, bytes.hasSameBytes(as: lastDateBytes) { return lastDay }
            guard let parsed = dates.dayNumber(bytes) else { return nil }
            lastDateBytes.removeAll(keepingCapacity: true)
            lastDateBytes.append(contentsOf: bytes)
            lastDay = parsed
            return parsed
        }
        guard let day else {
            return issue(row, date, "'\(row.text(of: date) ?? "")' is not \(dates.expectation)")
        }

        let lineAmount: Money
        switch amount {
        case .amount(let column):
            switch number(row, column) {
            case .failure(let issue): return issue
            case .success(let value):
                guard let money = value.money else { return issue(row, column, "'\(row.text(of: column) ?? "")' has more than \(Money.scale) decimal places") }
                lineAmount = money
            }
        case .product(let quantityColumn, let priceColumn):
            // Most rows: two short decimals, multiplied as they are read.
            if let money = row.withBytes(of: quantityColumn, { quantity in row.withBytes(of: priceColumn) { DecimalText.shortProduct(quantity, $0) } }) {
                lineAmount = money
                break
            }
            let quantity: DecimalText.Value, price: DecimalText.Value
            switch number(row, quantityColumn) {
            case .failure(let issue): return issue
            case .success(let value): quantity = value
            }
            switch number(row, priceColumn) {
            case .failure(let issue): return issue
            case .success(let value): price = value
            }
            guard let money = quantity.moneyProduct(price) else {
                return issue(row, priceColumn, "quantity × price has more than \(Money.scale) decimal places or is too large")
            }
            lineAmount = money
        }
        guard lineAmount.units.magnitude < largestAmount.units.magnitude else {
            return issue(row, amountColumn, "amount \(lineAmount) is too large (at most \(largestAmount) per row)")
        }

        let customerIndex: Int? = repeated ? lastRow.customer : row.withBytes(of: customer) { bytes in
            let id = bytes.trimmed
            return id.isEmpty ? nil : customers.index(of: id)
        }
        guard let customerIndex else {
            accumulator.addRowWithoutCustomer()
            return nil
        }
        let orderIndex: Int
        if repeated {
            orderIndex = lastRow.order
        } else if let order {
            orderIndex = row.withBytes(of: order) { bytes in
                let id = bytes.trimmed
                if !id.isEmpty { return orders.index(of: id) }
                // A row without an order id is an order of its own.
                rowsWithoutOrderId += 1
                let ownId = Array("\u{0}row \(rowsWithoutOrderId)".utf8)
                return ownId.withUnsafeBufferPointer { orders.index(of: $0) }
            }
        } else {
            orderIndex = accumulator.lines
        }
        do {
            try accumulator.add(OrderLine(order: orderIndex, customer: customerIndex, day: day, amount: lineAmount))
            dateExtremes.note(day) { row.position(of: date) }
            if !repeated, let record, let order {
                lastRow.remember(record, order: order, customer: customer, date: date, as: (orderIndex, customerIndex, day))
            }
        } catch {
            customerConflicts += 1
            let orderName = orders.name(at: error.order)
            return issue(row, customer,
                "order '\(orderName)' belongs to customer '\(customers.name(at: error.existingCustomer))' on earlier rows, but this row says '\(customers.name(at: error.customer))'; the rows of one order must share one customer")
        }
        return nil
    }

    /// Adds what `chunk` (a reader of the same columns, started empty) read from the rows
    /// that follow this reader's, as if this reader had read them: ids are interned here in
    /// the chunk's first-seen order, rows without an order id are numbered on from this
    /// reader's, and lines of the chunk's dates are counted from `lineOffset + 1`.
    /// False when the chunk or the merge met an order of two customers: the file must
    /// then be read in one pass, for the rows refused and their messages to be the same.
    mutating func merge(_ chunk: OrdersRowReader, lineOffset: Int) -> Bool {
        guard chunk.customerConflicts == 0 else { return false }
        if accumulator.lines == 0, accumulator.rowsWithoutCustomer == 0, orders.count == 0, customers.count == 0 {
            // Nothing read here yet (the first chunk): merging would intern the chunk's
            // ids in the chunk's own order, so its state is taken as it is; only its
            // dates' lines move to file lines.
            let extremes = chunk.dateExtremes
            self = chunk
            dateExtremes = DateExtremes()
            dateExtremes.merge(extremes, lineOffset: lineOffset)
            return true
        }
        let customerIds = (0..<chunk.customers.count).map { customers.index(ofIdAt: $0, in: chunk.customers) }
        let orderIds: [Int]
        if order != nil {
            orderIds = (0..<chunk.orders.count).map { id in
                guard chunk.orders.startsWithNUL(id) else { return orders.index(ofIdAt: id, in: chunk.orders) }
                // "\0row N": a row without an order id (no real id holds a NUL).
                rowsWithoutOrderId += 1
                return orders.index(ofName: "\u{0}row \(rowsWithoutOrderId)")
            }
        } else {
            // Every line is its own order, numbered by the lines before it.
            orderIds = Array(accumulator.lines..<accumulator.lines + chunk.accumulator.lines)
        }
        do {
            try accumulator.merge(chunk.accumulator, orders: orderIds, customers: customerIds)
        } catch {
            return false
        }
        dateExtremes.merge(chunk.dateExtremes, lineOffset: lineOffset)
        return true
    }

    mutating func reserveCapacity(forMerging first: OrdersRowReader, scale: Double) {
        // Orders rarely span chunks, customers often do: the first chunk's orders scaled
        // to the file is a fair guess of all orders, and its customers of the customers.
        let orderCount = Int(Double(max(first.orders.count, first.accumulator.orderCount)) * min(scale, 1e6))
        orders.reserveCapacity(order == nil ? 0 : orderCount)
        customers.reserveCapacity(first.customers.count)
        accumulator.reserveCapacity(orders: orderCount)
    }

    private var amountColumn: Int {
        switch amount {
        case .amount(let column): return column
        case .product(_, let price): return price
        }
    }

    private func number<Row: DatasetRow>(_ row: Row, _ column: Int) -> Result<DecimalText.Value, RowIssue> {
        let result = row.withBytes(of: column) { DecimalText.parse($0) }
        switch result {
        case .success(let value): return .success(value)
        case .failure(let failure): return .failure(issue(row, column, failure.message(for: row.text(of: column) ?? "")))
        }
    }

    private func issue<Row: DatasetRow>(_ row: Row, _ column: Int, _ message: String) -> RowIssue {
        let position = row.position(of: column)
        return RowIssue(message: "column '\(header[column])': \(message)", line: position.line, column: position.column)
    }
}

/// Reads the rows of a responses (NPS survey) dataset into a `ResponsesAccumulator`.
struct ResponsesRowReader: RowConsumer {
    let score: Int
    let date: Int?
    let segment: Int?
    /// The Customer Loyalty Index questions' columns: both or neither.
    let loyaltyQuestions: (repurchase: Int, upsell: Int)?
    let header: [String]
    let dates: DateText
    var accumulator: ResponsesAccumulator
    /// Where the earliest and latest response dates are, to point at a mistyped year.
    private(set) var dateExtremes = DateExtremes()

    static func make(_ columns: inout ColumnResolver, dates: DateText, period: Period) -> ResponsesRowReader? {
        let score = columns.column(.score, required: true, purpose: "the score (0–10)")
        let date = columns.column(.date, required: false, purpose: "the response date")
        let segment = columns.column(.segment, required: false, purpose: "the segment")
        let repurchase = columns.column(.repurchase, required: false, purpose: "the answer to \"how likely are you to buy from us again\" (0–10)")
        let upsell = columns.column(.upsell, required: false, purpose: "the answer to \"how likely are you to try our other products\" (0–10)")
        // The loyalty index needs both questions; one alone is most likely a typo.
        if (repurchase == nil) != (upsell == nil), columns.diagnostics.isEmpty {
            let missing: DatasetRole = repurchase == nil ? .repurchase : .upsell
            columns.reportMissing([columns.sidecar.columns[missing]?.value ?? missing.defaultColumn], role: missing,
                                  purpose: "the Customer Loyalty Index, which asks both 'repurchase' and 'upsell'")
        }
        guard let score, columns.diagnostics.isEmpty else { return nil }
        var accumulator = ResponsesAccumulator(period: period)
        let loyaltyQuestions = repurchase.flatMap { repurchase in upsell.map { (repurchase: repurchase, upsell: $0) } }
        accumulator.asksLoyaltyQuestions = loyaltyQuestions != nil
        return ResponsesRowReader(
            score: score, date: date, segment: segment, loyaltyQuestions: loyaltyQuestions, header: columns.header, dates: dates,
            accumulator: accumulator)
    }

    mutating func consume<Row: DatasetRow>(_ row: Row) -> RowIssue? {
        let value: Int? = row.withBytes(of: score) { ResponsesRowReader.answer($0.trimmed) }
        guard let value else {
            let text = row.text(of: score) ?? ""
            return issue(row, score, text.isEmpty ? "empty score; a score is an integer from 0 to 10" : "score '\(text)' is not an integer from 0 to 10")
        }
        var day: Int?
        if let date {
            day = row.withBytes(of: date) { dates.dayNumber($0) }
            guard let day else { return issue(row, date, "'\(row.text(of: date) ?? "")' is not \(dates.expectation)") }
            dateExtremes.note(day) { row.position(of: date) }
        }
        var repurchase: Int?, upsell: Int?
        if let loyaltyQuestions {
            switch loyaltyAnswer(row, loyaltyQuestions.repurchase) {
            case .failure(let issue): return issue
            case .success(let answer): repurchase = answer
            }
            switch loyaltyAnswer(row, loyaltyQuestions.upsell) {
            case .failure(let issue): return issue
            case .success(let answer): upsell = answer
            }
        }
        // On bytes: Foundation's trimming built a character set's bitmap for every row.
        let segmentName = segment.flatMap { row.text(of: $0)?.trimming(.spacesAndTabs) }
        accumulator.add(score: value, day: day, segment: segmentName, repurchase: repurchase, upsell: upsell)
        return nil
    }

    /// An integer 0–10 written as one or two digits; nil for anything else.
    static func answer<Bytes: Collection<UInt8>>(_ digits: Bytes) -> Int? {
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let number = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return number <= 10 ? number : nil
    }

    /// A loyalty-index answer: nil when the cell is empty (unanswered), else 0–10 or a row issue.
    private func loyaltyAnswer<Row: DatasetRow>(_ row: Row, _ column: Int) -> Result<Int?, RowIssue> {
        let parsed: (empty: Bool, value: Int?) = row.withBytes(of: column) { bytes in
            let digits = bytes.trimmed
            return (digits.isEmpty, ResponsesRowReader.answer(digits))
        }
        if parsed.empty { return .success(nil) }
        guard let value = parsed.value else {
            return .failure(issue(row, column, "answer '\(row.text(of: column) ?? "")' is not an integer from 0 to 10 (leave the cell empty for an unanswered question)"))
        }
        return .success(value)
    }

    private func issue<Row: DatasetRow>(_ row: Row, _ column: Int, _ message: String) -> RowIssue {
        let position = row.position(of: column)
        return RowIssue(message: "column '\(header[column])': \(message)", line: position.line, column: position.column)
    }
}

/// Keeps the rows of a series dataset, for charts that draw them as they are.
struct SeriesRowReader: RowConsumer {
    let columnCount: Int
    var cells: [[String?]] = []

    mutating func consume<Row: DatasetRow>(_ row: Row) -> RowIssue? {
        cells.append((0..<columnCount).map { row.text(of: $0) })
        return nil
    }

    /// The rows as a table: a column whose every non-empty cell is a plain decimal holds
    /// numbers; empty cells are null.
    func table(header: [String]) -> DataTable {
        var numeric = [Bool](repeating: true, count: columnCount)
        for column in 0..<columnCount {
            var sawNumber = false
            for row in cells {
                guard let text = row[column], !text.trimmingCharacters(in: [" ", "\t"]).isEmpty else { continue }
                if case .success = DecimalText.parse(text) { sawNumber = true } else { numeric[column] = false; break }
            }
            if !sawNumber { numeric[column] = false }
        }
        let rows: [[DataTable.Value]] = cells.map { row in
            (0..<columnCount).map { column in
                guard let text = row[column], !text.trimmingCharacters(in: [" ", "\t"]).isEmpty else { return .null }
                if numeric[column], case .success(let value) = DecimalText.parse(text) { return .number(value.doubleValue) }
                return .text(text)
            }
        }
        return DataTable(columns: header.map { DataTable.Column($0) }, rows: rows)
    }
}

extension TrimmingSet {
    /// `[" ", "\t"]`: what a response's segment is trimmed of.
    static let spacesAndTabs = TrimmingSet([" ", "\t"])
}
