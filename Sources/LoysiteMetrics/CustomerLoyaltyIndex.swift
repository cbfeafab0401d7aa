/// The Customer Loyalty Index of some survey responses (SPEC §2, "kind: responses"):
/// the mean answer (0–10) to three questions — how likely to recommend us (the NPS
/// score), to buy from us again, to try our other products — and the mean of the three.
/// A question left unanswered counts for neither sum nor count of that question.
package struct CustomerLoyaltyIndex: Sendable, Equatable {
    package private(set) var recommendSum = 0
    package private(set) var recommendAnswers = 0
    package private(set) var repurchaseSum = 0
    package private(set) var repurchaseAnswers = 0
    package private(set) var upsellSum = 0
    package private(set) var upsellAnswers = 0

    package init() {}

    /// Adds one response: its score, and the answers to the other two questions (nil: unanswered).
    package mutating func add(recommend: Int, repurchase: Int?, upsell: Int?) {
        recommendSum += recommend
        recommendAnswers += 1
        if let repurchase {
            repurchaseSum += repurchase
            repurchaseAnswers += 1
        }
        if let upsell {
            upsellSum += upsell
            upsellAnswers += 1
        }
    }

    package var recommend: Double? { CustomerLoyaltyIndex.mean(recommendSum, recommendAnswers) }
    package var repurchase: Double? { CustomerLoyaltyIndex.mean(repurchaseSum, repurchaseAnswers) }
    package var upsell: Double? { CustomerLoyaltyIndex.mean(upsellSum, upsellAnswers) }

    /// (recommend + repurchase + upsell) / 3; nil when a question has no answer.
    package var index: Double? {
        guard let recommend, let repurchase, let upsell else { return nil }
        return (recommend + repurchase + upsell) / 3
    }

    static func mean(_ sum: Int, _ count: Int) -> Double? {
        count == 0 ? nil : Double(sum) / Double(count)
    }
}
