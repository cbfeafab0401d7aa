import LoysiteSupport

/// Tables shaped like the ones the metrics module derives (SPEC §2), plus the awkward
/// cases every chart must survive.
enum Fixtures {
    static func period(_ index: Int, startYear: Int = 2024) -> String {
        let month = index % 12 + 1
        return "\(startYear + index / 12)-" + (month < 10 ? "0\(month)" : "\(month)")
    }

    /// `periods`: period, active_customers, new_customers, retention_rate (null first),
    /// churn_rate, revenue.
    static func periods(_ count: Int = 12) -> DataTable {
        DataTable(
            columns: [
                .init("period", unit: .plain), .init("active_customers", unit: .count),
                .init("new_customers", unit: .count), .init("retention_rate", unit: .ratio),
                .init("churn_rate", unit: .ratio), .init("revenue", unit: .money),
            ],
            rows: (0..<count).map { index in
                let retention = index == 0 ? nil : 0.38 + Double((index * 7) % 10) / 60
                return [
                    .text(period(index)),
                    .number(Double(120 + index * 9 + (index % 3) * 5)),
                    .number(Double(40 + (index * 13) % 25)),
                    retention.map { .number($0) } ?? .null,
                    retention.map { .number(1 - $0) } ?? .null,
                    .number(8_000 + Double(index) * 650.5 + Double((index * 37) % 11) * 120),
                ]
            }
        )
    }

    /// `cohorts`: cohort, size, "0" … "n-1" ratios, null beyond each cohort's last period.
    static func cohorts(_ count: Int = 4) -> DataTable {
        DataTable(
            columns: [.init("cohort", unit: .plain), .init("size", unit: .count)]
                + (0..<count).map { .init(String($0), unit: .ratio) },
            rows: (0..<count).map { row in
                [.text(period(row)), .number(Double(150 - (row * 17) % 120))]
                    + (0..<count).map { k in
                        guard k < count - row else { return .null }
                        return .number(k == 0 ? 1 : max(0.05, 0.55 - Double(k) * 0.09 + Double(row % 2) * 0.03))
                    }
            }
        )
    }

    /// `nps`: period, responses, promoters, passives, detractors, nps.
    static func nps(_ count: Int = 6) -> DataTable {
        DataTable(
            columns: [
                .init("period", unit: .plain), .init("responses", unit: .count), .init("promoters", unit: .count),
                .init("passives", unit: .count), .init("detractors", unit: .count), .init("nps", unit: .score),
            ],
            rows: (0..<count).map { index in
                let promoters = 40 + index * 6
                let passives = 30 + (index % 3) * 4
                let detractors = 25 - index * 2
                let responses = promoters + passives + detractors
                return [
                    .text(period(index)), .number(Double(responses)), .number(Double(promoters)),
                    .number(Double(passives)), .number(Double(detractors)),
                    .number(100 * Double(promoters - detractors) / Double(responses)),
                ]
            }
        )
    }

    /// `nps-segments`: long segment names, one of them negative NPS.
    static func segments() -> DataTable {
        let names = ["Web shop customers", "In-store pickup", "Mobile app (iOS and Android)", "Wholesale partners", "Call centre orders"]
        return DataTable(
            columns: [
                .init("segment", unit: .plain), .init("responses", unit: .count), .init("promoters", unit: .count),
                .init("passives", unit: .count), .init("detractors", unit: .count), .init("nps", unit: .score),
            ],
            rows: names.enumerated().map { index, name in
                let promoters = 30 + index * 11
                let passives = 20 + index * 3
                let detractors = 45 - index * 7
                let responses = promoters + passives + detractors
                return [
                    .text(name), .number(Double(responses)), .number(Double(promoters)), .number(Double(passives)),
                    .number(Double(detractors)), .number(100 * Double(promoters - detractors) / Double(responses)),
                ]
            }
        )
    }

    /// A two-column table (label, value) with the given values.
    static func simple(_ values: [Double?], unit: DataTable.Unit = .count, labels: [String]? = nil) -> DataTable {
        DataTable(
            columns: [.init("label", unit: .plain), .init("value", unit: unit)],
            rows: values.enumerated().map { index, value in
                [.text(labels?[index] ?? period(index)), value.map { .number($0) } ?? .null]
            }
        )
    }

    /// A table with two series and a missing value in each.
    static func twoSeries(_ values: [(Double?, Double?)], unit: DataTable.Unit = .count) -> DataTable {
        DataTable(
            columns: [.init("period", unit: .plain), .init("a", unit: unit), .init("b", unit: unit)],
            rows: values.enumerated().map { index, pair in
                [.text(period(index)), pair.0.map { .number($0) } ?? .null, pair.1.map { .number($0) } ?? .null]
            }
        )
    }
}
