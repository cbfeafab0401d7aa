/// Counts of promoters, passives and detractors over some responses, and their NPS.
package struct NPSTally: Sendable, Equatable {
    package var promoters = 0
    package var passives = 0
    package var detractors = 0

    package init(promoters: Int = 0, passives: Int = 0, detractors: Int = 0) {
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
    }

    package var responses: Int { promoters + passives + detractors }

    /// Counts one score: promoters score 9–10, passives 7–8, detractors 0–6.
    package mutating func add(score: Int) {
        precondition((0...10).contains(score), "an NPS score is an integer 0–10")
        if score >= 9 {
            promoters += 1
        } else if score >= 7 {
            passives += 1
        } else {
            detractors += 1
        }
    }

    /// 100 × (promoters − detractors) / responses; nil without responses.
    package var nps: Double? {
        responses == 0 ? nil : 100 * Double(promoters - detractors) / Double(responses)
    }
}
