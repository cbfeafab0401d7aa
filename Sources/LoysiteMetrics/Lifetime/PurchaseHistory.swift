/// What the lifetime-value models and RFM know of each customer (SPEC §2): the counted
/// orders up to the calibration end, reduced to purchase occasions (distinct days).
///
/// Per customer: `x` = occasions − 1, the first and last occasion's day, `m` = mean
/// amount of the occasions after the first, and for RFM the number of counted orders,
/// their revenue and the last order's day. Customers are in interned-id order
/// (`OrderLine.customer`), those without a counted order in the window left out.
package struct PurchaseHistory: Sendable {
    package let calibrationEnd: Int
    /// The interned id of each customer.
    package private(set) var customer: [Int32] = []
    package private(set) var repeatOccasions: [Int32] = []
    package private(set) var firstDay: [Int32] = []
    package private(set) var lastOccasionDay: [Int32] = []
    /// Mean amount of the occasions after the first; 0 where x = 0.
    package private(set) var meanRepeatSpend: [Double] = []
    package private(set) var orders: [Int32] = []
    package private(set) var revenue: [Money] = []

    package var count: Int { customer.count }

    /// Gathers the counted orders dated on or before `calibrationEnd`.
    init(_ accumulator: OrdersAccumulator, calibrationEnd: Int) {
        self.calibrationEnd = calibrationEnd
        // Bucket the orders by customer (counting sort: linear, no comparisons).
        var customers = 0
        var selected: [Int] = []
        for order in accumulator.orderCustomer.indices {
            let owner = accumulator.orderCustomer[order]
            guard owner >= 0, accumulator.orderDay[order] <= calibrationEnd,
                  accumulator.isCounted(accumulator.orderAmount[order]) else { continue }
            selected.append(order)
            customers = max(customers, Int(owner) + 1)
        }
        var start = [Int](repeating: 0, count: customers + 1)
        for order in selected { start[Int(accumulator.orderCustomer[order]) + 1] += 1 }
        for index in 0..<customers { start[index + 1] += start[index] }
        var fill = start
        var bucketDay = [Int32](repeating: 0, count: selected.count)
        var bucketAmount = [Money](repeating: .zero, count: selected.count)
        for order in selected {
            let owner = Int(accumulator.orderCustomer[order])
            bucketDay[fill[owner]] = accumulator.orderDay[order]
            bucketAmount[fill[owner]] = accumulator.orderAmount[order]
            fill[owner] += 1
        }
        var days: [(day: Int32, amount: Money)] = []
        for owner in 0..<customers where start[owner + 1] > start[owner] {
            days.removeAll(keepingCapacity: true)
            for slot in start[owner]..<start[owner + 1] { days.append((bucketDay[slot], bucketAmount[slot])) }
            days.sort { $0.day < $1.day }
            var total = Money.zero
            for entry in days { total += entry.amount }
            // Occasions: one per distinct day, its amount the day's orders summed.
            var occasions = 0
            var repeatSpend = Money.zero
            var previousDay = Int32.min
            for entry in days {
                if entry.day != previousDay {
                    occasions += 1
                    previousDay = entry.day
                }
                if occasions > 1 { repeatSpend += entry.amount }
            }
            customer.append(Int32(owner))
            repeatOccasions.append(Int32(occasions - 1))
            firstDay.append(days[0].day)
            lastOccasionDay.append(days[days.count - 1].day)
            meanRepeatSpend.append(occasions > 1 ? repeatSpend.doubleValue / Double(occasions - 1) : 0)
            orders.append(Int32(days.count))
            revenue.append(total)
        }
    }
}
