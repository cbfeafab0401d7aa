/// The customers of a `PurchaseHistory` grouped where (x, t_x, T) are equal: the BG/NBD
/// likelihood and predictions depend on nothing else, so each is computed once per
/// group. Distinct x, t_x and T values are listed separately as well, so the terms that
/// depend on only one of them (ln Γ(r + x), ln(α + T), …) are computed once per value.
struct RecencyFrequencyGroups: Sendable {
    /// Distinct x (repeat occasions), t_x and T (in model units), each ascending.
    var xValues: [Double] = []
    var recencyValues: [Double] = []
    var ageValues: [Double] = []
    /// Per group: indices into the three lists, and how many customers it holds.
    var groupX: [Int32] = []
    var groupRecency: [Int32] = []
    var groupAge: [Int32] = []
    var groupCount: [Double] = []
    /// Per customer of the history: its group.
    var customerGroup: [Int32] = []

    var repeatCustomers = 0
    /// Mean T, the scale α is optimised relative to.
    var meanAge = 0.0

    init(_ history: PurchaseHistory, unitDays: Double) {
        let count = history.count
        var xIndex: [Int32: Int32] = [:]
        var recencyIndex: [Int32: Int32] = [:]
        var ageIndex: [Int32: Int32] = [:]
        var groupIndex: [Int64: Int32] = [:]
        customerGroup.reserveCapacity(count)
        var rawX: [Int32] = [], rawRecency: [Int32] = [], rawAge: [Int32] = []
        func index(_ value: Int32, _ table: inout [Int32: Int32], _ list: inout [Int32]) -> Int32 {
            if let found = table[value] { return found }
            let next = Int32(list.count)
            table[value] = next
            list.append(value)
            return next
        }
        var ageSum = 0.0
        for customer in 0..<count {
            let x = history.repeatOccasions[customer]
            let recencyDays = history.lastOccasionDay[customer] - history.firstDay[customer]
            let ageDays = Int32(history.calibrationEnd) - history.firstDay[customer]
            if x > 0 { repeatCustomers += 1 }
            ageSum += Double(ageDays)
            // x < 2^23, days < 2^20 each: one 64-bit key.
            let key = Int64(x) << 40 | Int64(recencyDays) << 20 | Int64(ageDays)
            if let group = groupIndex[key] {
                groupCount[Int(group)] += 1
                customerGroup.append(group)
                continue
            }
            let group = Int32(groupCount.count)
            groupIndex[key] = group
            groupX.append(index(x, &xIndex, &rawX))
            groupRecency.append(index(recencyDays, &recencyIndex, &rawRecency))
            groupAge.append(index(ageDays, &ageIndex, &rawAge))
            groupCount.append(1)
            customerGroup.append(group)
        }
        xValues = rawX.map(Double.init)
        recencyValues = rawRecency.map { Double($0) / unitDays }
        ageValues = rawAge.map { Double($0) / unitDays }
        meanAge = count > 0 ? ageSum / Double(count) / unitDays : 0
    }

    var groups: Int { groupCount.count }
}
