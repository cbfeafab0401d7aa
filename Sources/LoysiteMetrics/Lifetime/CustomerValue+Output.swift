import LoysiteSupport

// metrics.json, derived tables and headline figures of `CustomerValue` (SPEC §2).

extension CustomerValue {
    /// The `clv` and `rfm` members of the dataset's object in metrics.json. Figures of a
    /// fit that could not be made are null.
    var jsonMembers: [(String, JSONValue)] {
        let occasions = bgnbdFit
        let spend = gammaGammaFit
        let clv: JSONValue = .object([
            ("calibration_end", .string(Period.day.key(ofIndex: Period.day.index(ofDay: settings.calibrationEnd)))),
            ("unit", .string(settings.unit.rawValue)),
            ("horizon", .int(settings.horizon)),
            ("discount_rate", .double(settings.discountRate)),
            ("customers", .int(customers)),
            ("repeat_customers", .int(repeatCustomers)),
            ("spend_customers", .int(spendCustomers)),
            ("bgnbd", .object([
                ("r", .double(occasions?.model.r)),
                ("alpha", .double(occasions?.model.alpha)),
                ("a", .double(occasions?.model.a)),
                ("b", .double(occasions?.model.b)),
                ("log_likelihood", .double(occasions?.logLikelihood)),
            ])),
            ("gamma_gamma", .object([
                ("p", .double(spend?.model.p)),
                ("q", .double(spend?.model.q)),
                ("gamma", .double(spend?.model.gamma)),
                ("log_likelihood", .double(spend?.logLikelihood)),
            ])),
            ("expected_occasions", .double(expectedOccasions)),
            ("p_alive_mean", .double(probabilityAliveMean)),
            ("clv_total", .double(clvTotal)),
            ("clv_mean", .double(clvMean)),
            ("deciles", .array(deciles.map { decile in
                .object([
                    ("decile", .int(decile.decile)),
                    ("customers", .int(decile.customers)),
                    ("clv_mean", .double(decile.clvMean)),
                    ("clv_share", .double(decile.clvShare)),
                    ("p_alive_mean", .double(decile.probabilityAliveMean)),
                ])
            })),
        ])
        let rfm: JSONValue = .array(self.rfm.map { cell in
            .object([
                ("r", .int(cell.recency)),
                ("f", .int(cell.frequency)),
                ("customers", .int(cell.customers)),
                ("revenue", .decimal(cell.revenue.description)),
            ])
        })
        return [("clv", clv), ("rfm", rfm)]
    }

    static let tableNames = ["clv-deciles", "rfm"]

    /// `clv-deciles` (decile, customers, clv_mean, clv_share, p_alive_mean) or `rfm`
    /// (a row per recency score R1…R5, a column of customers per frequency score F1…F5:
    /// a heatmap source).
    func table(named name: String) -> DataTable? {
        switch name {
        case "clv-deciles":
            return DataTable(
                columns: [
                    .init("decile"), .init("customers", unit: .count), .init("clv_mean", unit: .money),
                    .init("clv_share", unit: .ratio), .init("p_alive_mean", unit: .ratio),
                ],
                rows: deciles.map { decile in
                    [
                        .text(String(decile.decile)), .number(Double(decile.customers)), OrdersMetrics.cell(decile.clvMean),
                        OrdersMetrics.cell(decile.clvShare), OrdersMetrics.cell(decile.probabilityAliveMean),
                    ]
                })
        case "rfm":
            return DataTable(
                columns: [.init("recency")] + (1...5).map { .init("F\($0)", unit: .count) },
                rows: (1...5).map { recency in
                    [.text("R\(recency)")] + (1...5).map { frequency in
                        .number(Double(rfm[(recency - 1) * 5 + frequency - 1].customers))
                    }
                })
        default:
            return nil
        }
    }

    static let figureNames = ["clv_mean", "clv_total", "p_alive_mean", "expected_occasions", "clv_customers"]

    /// A headline figure of the lifetime-value block; nil for a name it does not know.
    func figure(named name: String) -> Figure? {
        switch name {
        case "clv_mean": return Figure(name: name, unit: .money, value: clvMean)
        case "clv_total": return Figure(name: name, unit: .money, value: clvTotal)
        case "p_alive_mean": return Figure(name: name, unit: .ratio, value: probabilityAliveMean)
        case "expected_occasions": return Figure(name: name, unit: .plain, value: expectedOccasions)
        case "clv_customers": return Figure(name: name, unit: .count, value: Double(customers))
        default: return nil
        }
    }

    /// The fits that could not be made, with which model each was.
    package var fitProblems: [(model: String, problem: FitProblem)] {
        var problems: [(String, FitProblem)] = []
        if case .failure(let problem) = bgnbd { problems.append(("BG/NBD", problem)) }
        if case .failure(let problem) = gammaGamma { problems.append(("Gamma-Gamma", problem)) }
        return problems
    }
}

extension OrdersMetrics {
    /// The derived tables of this dataset: `periods`, `cohorts`, and with a `clv:`
    /// block `clv-deciles` and `rfm`.
    package var availableTableNames: [String] {
        OrdersMetrics.tableNames + (customerValue == nil ? [] : CustomerValue.tableNames)
    }

    /// The figures of this dataset, with the lifetime-value ones when it has a `clv:` block.
    package var availableFigureNames: [String] {
        OrdersMetrics.figureNames + (customerValue == nil ? [] : CustomerValue.figureNames)
    }
}
