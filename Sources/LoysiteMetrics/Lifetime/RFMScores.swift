/// RFM scores (SPEC §2): recency, frequency and monetary value, each scored 1–5 as
/// score(v) = 1 + ⌊5 · W(v) / n⌋, W(v) being the number of customers whose value is
/// strictly worse. Equal values always get equal scores, however many there are.
public struct RFMScores: Sendable, Equatable {
    /// Per customer of the history, in its order.
    public var recency: [Int8] = []
    public var frequency: [Int8] = []
    public var monetary: [Int8] = []

    public init(_ history: PurchaseHistory) {
        let recencyDays = history.lastOccasionDay.map { history.calibrationEnd - Int($0) }
        // Worse recency is larger: negate it so that for all three worse means smaller.
        recency = RFMScores.scores(recencyDays.map { -$0 })
        frequency = RFMScores.scores(history.orders.map(Int.init))
        monetary = RFMScores.scores(history.revenue)
    }

    /// 1 + ⌊5 · (values strictly smaller than v) / n⌋ for each v.
    static func scores<Value: Comparable>(_ values: [Value]) -> [Int8] {
        let n = values.count
        guard n > 0 else { return [] }
        let sorted = values.sorted()
        return values.map { value in
            // The first position holding `value`: the count strictly below it.
            var low = 0, high = n
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < value { low = middle + 1 } else { high = middle }
            }
            return Int8(1 + 5 * low / n)
        }
    }
}

/// One cell of the R × F grid: the customers with that recency and frequency score and
/// their revenue up to the calibration end.
public struct RFMCell: Sendable, Equatable {
    public var recency: Int
    public var frequency: Int
    public var customers: Int
    public var revenue: Money

    /// All 25 cells, recency then frequency ascending.
    static func grid(_ scores: RFMScores, history: PurchaseHistory) -> [RFMCell] {
        var cells = (0..<25).map { RFMCell(recency: $0 / 5 + 1, frequency: $0 % 5 + 1, customers: 0, revenue: .zero) }
        for customer in 0..<history.count {
            let cell = (Int(scores.recency[customer]) - 1) * 5 + Int(scores.frequency[customer]) - 1
            cells[cell].customers += 1
            cells[cell].revenue += history.revenue[customer]
        }
        return cells
    }
}
