import Foundation
import LoysiteContent
import LoysiteMetrics
import LoysiteSupport
import Testing

/// Sidecars, column roles, typed values, bad-row policy, JSON datasets, and the
/// headline figures (metrics.json and the summary: LoysiteReportsTests).
@Suite struct DatasetsLoaderTests {
    @Test func quantityTimesPriceIsExactAndReturnsNetToZero() throws {
        let fixture = try DatasetsFixture([
            "shop.yml": """
                kind: orders
                columns: {order: Invoice, customer: Customer, date: When, quantity: Qty, price: UnitPrice}
                period: quarter
                """,
            "shop.csv": """
                Invoice,Customer,When,Qty,UnitPrice
                i1,17850,2026-01-05T10:00:00Z,3,0.1
                i1,17850,2026-01-05T10:00:00Z,1,1.10
                i2,17850,2026-02-01 09:30,-1,1.10
                i2,17850,2026-02-01 09:30,1,1.10
                i3,,2026-02-02,1,5
                i4,13047,2026-04-01T00:00:00.000+02:00,2,2.5

                """,
        ])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages.isEmpty)
        #expect(dataset.kind == .orders)
        #expect(dataset.period == .quarter)
        let metrics = try #require(dataset.orders)
        // i1: 3 × 0.1 + 1.10 = 1.40 exactly; i2: −1.10 + 1.10 = 0, a return; i3 no customer; i4: 5.
        #expect(metrics.revenue.description == "6.4")
        #expect(metrics.orders == 2)
        #expect(metrics.returnOrders == 1)
        #expect(metrics.returnsAmount.description == "0")
        #expect(metrics.rowsWithoutCustomer == 1)
        #expect(metrics.customers == 2)
        // The +02:00 offset does not move 2026-04-01 into March.
        #expect(metrics.periods.map(\.period) == ["2026-Q1", "2026-Q2"])
    }

    @Test func sidecarDateFormat() throws {
        let fixture = try DatasetsFixture([
            "uci.yml": "kind: orders\ncolumns: {customer: CustomerID, date: InvoiceDate}\ndate_format: M/d/yyyy H:mm\nperiod: day\n",
            "uci.csv": """
                order_id,CustomerID,InvoiceDate,amount
                536365,17850,12/1/2010 8:26,15.3
                536366,17850,12/2/2010 18:05,2
                536367,13047,12/31/2010 23:59,1
                536368,13047,2010-12-31 10:00,1
                536369,13047,13/1/2010 8:00,1
                """,
        ])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages == [
            "content/data/uci.csv:5:14: error: column 'InvoiceDate': '2010-12-31 10:00' is not a date in the form M/d/yyyy H:mm (the sidecar's date_format)",
            "content/data/uci.csv:6:14: error: column 'InvoiceDate': '13/1/2010 8:00' is not a date in the form M/d/yyyy H:mm (the sidecar's date_format)",
        ])
        #expect(dataset.orders?.periods.first?.period == "2010-12-01")
        #expect(dataset.orders?.periods.last?.period == "2010-12-31")
        #expect(dataset.orders?.periods.count == 31)
    }

    @Test func otherDateFormats() throws {
        let fixture = try DatasetsFixture([
            "r.yml": "kind: responses\ndate_format: \"dd MMM yyyy, h:mm a\"\n",
            "r.csv": "score,date\n9,\"07 Mar 2026, 2:30 PM\"\n10,\"01 January 2026, 12:00 am\"\n3,\"07 Mar 2026, 13:30 PM\"\n",
        ])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages == ["content/data/r.csv:4:3: error: column 'date': '07 Mar 2026, 13:30 PM' is not a date in the form dd MMM yyyy, h:mm a (the sidecar's date_format)"])
        #expect(dataset.responses?.periods.map(\.name) == ["2026-01", "2026-02", "2026-03"])
    }

    @Test func badRowsSkippedAreWarningsAndCounted() throws {
        let fixture = try DatasetsFixture([
            "o.yml": "kind: orders\nbad_rows: skip\n",
            "o.csv": "order_id,customer_id,date,amount\n1,A,2026-01-01,10\n2,B,yesterday,5\n3,C,2026-01-02,1e3\n4,D,2026-01-03,4\n",
        ])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages == [
            "content/data/o.csv:3:5: warning: column 'date': 'yesterday' is not an ISO 8601 date such as 2026-03-07 or 2026-03-07 14:30:00 (row skipped: bad_rows: skip)",
            "content/data/o.csv:4:16: warning: column 'amount': '1e3' is written with an exponent; write it as a plain decimal number (row skipped: bad_rows: skip)",
        ])
        #expect(dataset.rows == 4)
        #expect(dataset.skippedRows == 2)
        #expect(dataset.orders?.skippedRows == 2)
        #expect(dataset.orders?.revenue.description == "14")
        #expect(dataset.json().serialized().hasPrefix(#"{"kind":"orders","period":"month","rows":4,"skipped_rows":2,"#))
    }

    @Test func manyBadRowsAreCappedWithACount() throws {
        var text = "score\n"
        for i in 0..<75 { text += i % 3 == 0 ? "11\n" : "5\n" } // 25 bad rows
        text += String(repeating: "x\n", count: 40) // 40 more
        let fixture = try DatasetsFixture(["s.yml": "kind: responses\n", "s.csv": text])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages.count == 51)
        // The count has no line, so it sorts first.
        #expect(messages[1] == "content/data/s.csv:2:1: error: column 'score': score '11' is not an integer from 0 to 10")
        #expect(messages.contains("content/data/s.csv: error: 15 more bad rows not listed (65 in all); fix them, or set bad_rows: skip in the sidecar to leave them out"))
        #expect(dataset.responses?.responses == 50)
    }

    @Test func missingRoleColumnIsOneErrorNamingTheColumns() throws {
        let fixture = try DatasetsFixture([
            "o.yml": "kind: orders\ncolumns:\n  customer: Client\n",
            "o.csv": "order_id,customer,date,total\n1,A,2026-01-01,10\n",
        ])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages == [
            "content/data/o.csv:1:1: error: dataset 'o' (kind orders) has no column 'amount' for the amount (or 'quantity' and 'price'); its columns are 'order_id', 'customer', 'date', 'total'; name the column in content/data/o.yml under columns: (amount: <column>)",
            "content/data/o.yml:3:13: error: dataset 'o' (kind orders) has no column 'Client' for the customer; its columns are 'order_id', 'customer', 'date', 'total'",
        ])
        #expect(dataset.rows == 1)
        #expect(dataset.orders?.orders == 0)
    }

    @Test func columnNamesMatchIgnoringCase() throws {
        let fixture = try DatasetsFixture([
            "o.yml": "kind: orders\ncolumns: {customer: customerid}\n",
            "o.csv": "Order_ID,CustomerID,Date,Amount\n1,A,2026-01-01,10\n1,A,2026-01-01,5\n",
        ])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages.isEmpty)
        #expect(dataset.orders?.orders == 1) // Order_ID found as order_id
        #expect(dataset.orders?.revenue.description == "15")
    }

    @Test func rowsOfOneOrderWithTwoCustomersAreBad() throws {
        let fixture = try DatasetsFixture([
            "o.yml": "kind: orders\n",
            "o.csv": "order_id,customer_id,date,amount\n1,A,2026-01-01,10\n1,B,2026-01-01,5\n",
        ])
        let (_, messages) = try fixture.loadOne()
        #expect(messages == ["content/data/o.csv:3:3: error: column 'customer_id': order '1' belongs to customer 'A' on earlier rows, but this row says 'B'; the rows of one order must share one customer"])
    }

    @Test func responsesScoresDatesAndSegments() throws {
        let fixture = try DatasetsFixture([
            "nps.yml": "kind: responses\ncolumns: {segment: channel}\nperiod: week\n",
            "nps.csv": "date,channel,score\n2020-12-31,web,10\n2021-01-04,store,6\n2021-01-05,web, 9 \n2021-01-06,app,7.5\n2021-01-07,app,-1\n2021-01-08,app,\n",
        ])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages == [
            "content/data/nps.csv:5:16: error: column 'score': score '7.5' is not an integer from 0 to 10",
            "content/data/nps.csv:6:16: error: column 'score': score '-1' is not an integer from 0 to 10",
            "content/data/nps.csv:7:16: error: column 'score': empty score; a score is an integer from 0 to 10",
        ])
        let metrics = try #require(dataset.responses)
        // 10 and 9 promoters, 6 a detractor: (2 − 1) / 3.
        #expect(metrics.nps == 100.0 / 3.0)
        #expect(metrics.periods.map(\.name) == ["2020-W53", "2021-W01"])
        #expect(metrics.segments.map(\.name) == ["store", "web"])
        #expect(dataset.figure(named: "nps", period: "last")?.value == 0) // W01: 6 and 9
        #expect(dataset.figure(named: "nps", period: "last")?.previousValue == 100)
    }

    @Test func responsesWithoutDateColumnHaveNoPeriods() throws {
        let fixture = try DatasetsFixture(["n.yml": "kind: responses\n", "n.csv": "score\n9\n0\n"])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages.isEmpty)
        #expect(dataset.responses?.periods.isEmpty == true)
        #expect(dataset.responses?.nps == 0)
    }

    @Test func jsonDatasets() throws {
        let fixture = try DatasetsFixture([
            "j.yml": "kind: orders\n",
            "j.json": """
                [
                  {"order_id": 1, "customer_id": 17850, "date": "2026-01-05", "amount": 10.10},
                  {"order_id": 1, "customer_id": 17850, "date": "2026-01-05", "amount": -0.10, "note": "fix \\"x\\""},
                  {"order_id": "2", "customer_id": null, "date": "2026-01-06", "amount": 3},
                  {"order_id": 3, "customer_id": "A", "date": "2026-02-01", "amount": {"value": 1}},
                  {"order_id": 4, "customer_id": "B", "date": "2026-02-31", "amount": 1},
                  7
                ]
                """,
        ])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages == [
            "content/data/j.json:5:71: error: 'amount' is an object; dataset rows must be flat objects of text, numbers and booleans",
            "content/data/j.json:6:47: error: column 'date': '2026-02-31' is not an ISO 8601 date such as 2026-03-07 or 2026-03-07 14:30:00",
            "content/data/j.json:7:3: error: each element of a JSON dataset must be an object; this one is the value 7",
        ])
        #expect(dataset.columns == ["order_id", "customer_id", "date", "amount", "note"])
        #expect(dataset.rows == 6)
        let metrics = try #require(dataset.orders)
        #expect(metrics.revenue.description == "10")
        #expect(metrics.rowsWithoutCustomer == 1)
    }

    @Test func jsonSyntaxErrorsAndSeriesTables() throws {
        let fixture = try DatasetsFixture([
            "bad.json": "[\n  {\"a\": 1,}\n]",
            "visits.json": #"[{"month": "2026-01", "visits": 120, "ok": true}, {"month": "2026-02", "visits": 150.5, "ok": false}]"#,
        ])
        let result = fixture.load()
        #expect(Diagnostics(result.diagnostics).sorted.map(\.description) == ["content/data/bad.json:2:11: error: invalid JSON: expected a key in double quotes"])
        let visits = try #require(result.datasets.first { $0.name == "visits" })
        #expect(visits.table(named: nil)?.rows == [
            [.text("2026-01"), .number(120), .text("true")],
            [.text("2026-02"), .number(150.5), .text("false")],
        ])
        #expect(visits.figureNames == ["visits"])
        let last = try #require(visits.figure(named: "visits", period: "last"))
        #expect(last.value == 150.5)
        #expect(last.period == "2026-02")
        #expect(last.previousValue == 120)
        #expect(visits.figure(named: "visits", period: "2026-01")?.value == 120)
        #expect(visits.figure(named: "month") == nil)
        #expect(visits.json().serialized() == #"{"kind":"series","rows":2,"skipped_rows":0,"columns":["month","visits","ok"]}"#)
    }

    @Test func sidecarMistakes() throws {
        let fixture = try DatasetsFixture([
            "a.yml": "kind: sales\nperiod: fortnight\nbad_rows: ignore\ndate_format: yyyy-MM-dd QQQ\ncolour: blue\ncolumns:\n  buyer: x\n",
            "a.csv": "x\n1\n",
            "orphan.yml": "kind: orders\n",
        ])
        let result = fixture.load()
        #expect(Diagnostics(result.diagnostics).sorted.map(\.description) == [
            "content/data/a.yml:1:7: error: 'kind' must be orders, responses or series, found 'sales'",
            "content/data/a.yml:2:9: error: 'period' must be one of day, week, month, quarter, year, found 'fortnight'",
            "content/data/a.yml:3:11: error: 'bad_rows' must be fail or skip, found 'ignore'",
            "content/data/a.yml:4:14: error: date_format: 'QQQ' is not supported (use y, M, d, H, h, m, s, S, a, E, X and 'literal text')",
            "content/data/a.yml:5:1: warning: unknown key 'colour' in dataset sidecar (known keys: kind, columns, date_format, period, bad_rows, zero_amount, observation_end, clv)",
            "content/data/a.yml:7:3: error: unknown column role 'buyer' (roles: customer, date, amount, quantity, price, order, score, segment, repurchase, upsell)",
            "content/data/orphan.yml: warning: sidecar without a dataset: no orphan.csv or orphan.json beside it",
        ])
    }

    @Test func twoFilesWithOneNameAndSortedDatasets() throws {
        let fixture = try DatasetsFixture(["b.csv": "x\n1\n", "b.json": "[]", "a.csv": "x\n2\n", "notes.txt": "ignored"])
        let result = fixture.load()
        #expect(result.datasets.map(\.name) == ["a", "b"])
        #expect(result.datasets.map(\.path) == ["content/data/a.csv", "content/data/b.csv"])
        #expect(result.diagnostics.map(\.description) == ["content/data/b.json: error: two datasets named 'b': content/data/b.csv and content/data/b.json; rename one"])
    }

    @Test func missingDataFolderMeansNoDatasets() {
        let result = DatasetLoader.loadAll(
            root: URL(fileURLWithPath: "/nonexistent-root"), defaultPeriod: .month)
        #expect(result.datasets.isEmpty && result.diagnostics.isEmpty)
    }

    @Test func headlineFigures() throws {
        let fixture = try DatasetsFixture([
            "orders.yml": "kind: orders\n",
            "orders.csv": "order_id,customer_id,date,amount\n1,A,2026-01-01,10\n2,A,2026-02-01,20.5\n3,B,2026-02-03,1\n",
            "nps.yml": "kind: responses\n",
            "nps.csv": "date,score\n2026-01-01,10\n",
            "visits.csv": "day,visits\n2026-01-01,5\n",
        ])
        let datasets = fixture.load().datasets
        // Orders overall, retention of the last month (February: A of {A}).
        let orders = try #require(datasets.first { $0.name == "orders" })
        #expect(orders.headlineFigures.map(\.name) == ["customers", "orders", "revenue", "average_order_value", "repeat_purchase_rate", "retention_rate"])
        #expect(orders.headlineFigures.map(\.value) == [2, 3, 31.5, 10.5, 0.5, 1])
        #expect(orders.headlineFigures.last?.period == "2026-02")
        let nps = try #require(datasets.first { $0.name == "nps" })
        #expect(nps.headlineFigures.map(\.name) == ["nps", "nps", "responses"])
        #expect(nps.headlineFigures.map(\.period) == [nil, "2026-01", nil])
        #expect(datasets.first { $0.name == "visits" }?.headlineFigures.isEmpty == true)
    }
}

/// Numbers are plain decimals with a point; anything else is a bad row with a reason.
@Suite struct DatasetsNumberTests {
    @Test(arguments: [
        ("1,234.50", "is not a number: thousands separators and decimal commas are not read (write 1234.50)"),
        ("1 234", "is not a number: thousands separators and decimal commas are not read (write 1234.50)"),
        ("1'234", "is not a number: thousands separators and decimal commas are not read (write 1234.50)"),
        ("12,5", "is not a number: thousands separators and decimal commas are not read (write 1234.50)"),
        ("1e3", "is written with an exponent; write it as a plain decimal number"),
        ("$5", "is not a number (write numbers like 1234.50: digits, an optional sign and decimal point)"),
        ("1.2.3", "is not a number (write numbers like 1234.50: digits, an optional sign and decimal point)"),
        ("--1", "is not a number (write numbers like 1234.50: digits, an optional sign and decimal point)"),
    ])
    func rejected(text: String, reason: String) throws {
        let fixture = try DatasetsFixture(["o.yml": "kind: orders\n", "o.csv": "customer_id,date,amount\nA,2026-01-01,\"\(text)\"\n"])
        let (_, messages) = try fixture.loadOne()
        #expect(messages == ["content/data/o.csv:2:14: error: column 'amount': '\(text)' \(reason)"])
    }

    @Test func emptyAmount() throws {
        let fixture = try DatasetsFixture(["o.yml": "kind: orders\n", "o.csv": "customer_id,date,amount\nA,2026-01-01,\n"])
        let (_, messages) = try fixture.loadOne()
        #expect(messages == ["content/data/o.csv:2:14: error: column 'amount': empty value where a number is required"])
    }

    @Test func accepted() throws {
        // +3, .5, 18, -0.25 and 1.10 (spaces around are fine): 3 + 0.5 + 18 − 0.25 + 1.1 = 22.35.
        let fixture = try DatasetsFixture([
            "o.yml": "kind: orders\n",
            "o.csv": "customer_id,date,amount\nA,2026-01-01,+3\nA,2026-01-01,.5\nA,2026-01-01,18\nA,2026-01-01,-0.25\nA,2026-01-01, 1.10 \n",
        ])
        let (dataset, messages) = try fixture.loadOne()
        #expect(messages.isEmpty)
        // Without an order column every row is an order: −0.25 is a return.
        #expect(dataset.orders?.revenue.description == "22.6")
        #expect(dataset.orders?.returnsAmount.description == "-0.25")
    }
}
