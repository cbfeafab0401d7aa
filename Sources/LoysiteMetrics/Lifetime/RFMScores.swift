/// RFM scores (SPEC §2): recency, frequency and monetary value, each scored 1–5 as
/// score(v) = 1 + ⌊5 · W(v) / n⌋, W(v) being the number of customers whose value is
/// strictly worse. Equal values always get equal scores, however many there are.
package struct RFMScores: Sendable, Equatable {
    /// Per customer of the history, in its order.
    package var recency: [Int8] = []
    package var frequency: [Int8] = []
    package var monetary: [Int8] = []

    package init(_ history: PurchaseHistory) {
        let recencyDays = history.lastOccasionDay.map { history.calibrationEnd - Int($0) }
        // Worse recency is larger: negate it so that for all three worse means smaller.
        recency = RFMScores.scores(counts: recencyDays.map { -$0 })
        frequency = RFMScores.scores(counts: history.orders.map(Int.init))
        monetary = RFMScores.scores(history.revenue)
    }

    /// `scores` for whole numbers in a modest range (days, order counts): a histogram
    /// and its running sum give each value the count below it, without sorting.
    static func scores(counts values: [Int]) -> [Int8] {
        guard let low = values.min(), let high = values.max(), high - low < 4 * values.count + 1024 else {
            return scores(values)
        }
        var below = [Int](repeating: 0, count: high - low + 2)
        for value in values { below[value - low + 1] += 1 }
        for index in 1..<below.count { below[index] += below[index - 1] }
        let n = values.count
        return values.map { Int8(1 + 5 * below[$0 - low] / n) }
    }

    /// 1 + ⌊5 · (values strictly smaller than v) / n⌋ for each v: one sort, then a walk
    /// along it in which each run of equal values gets the count before the run.
    static func scores<Value: Comparable>(_ values: [Value]) -> [Int8] {
        let n = values.count
        guard n > 0 else { return [] }
        let order = values.indices.sorted { values[$0] < values[$1] }
        var scores = [Int8](repeating: 0, count: n)
        var runStart = 0
        for position in 0..<n {
            if position > 0, values[order[position - 1]] < values[order[position]] { runStart = position }
            scores[order[position]] = Int8(1 + 5 * runStart / n)
        }
        return scores
    }
}

/// One cell of the R × F grid: the customers with that recency and frequency score and
/// their revenue up to the calibration end.
package struct RFMCell: Sendable, Equatable {
    package var recency: Int
    package var frequency: Int
    package var customers: Int
    package var revenue: Money

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
