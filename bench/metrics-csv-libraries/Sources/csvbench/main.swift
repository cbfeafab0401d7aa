// The task, identical for every reader: read every record of the Online Retail export,
// and for each data row take InvoiceNo, Quantity, UnitPrice and CustomerID; count rows
// and rows without a customer, collect distinct customers and invoices, and sum
// Quantity × UnitPrice. Prints the results so the readers can be checked against each
// other, and so no work can be optimised away.
import Foundation

struct Totals: CustomStringConvertible {
    var rows = 0
    var withoutCustomer = 0
    var customers = Set<String>()
    var invoices = Set<String>()
    var amount = 0.0

    mutating func add(invoice: String, quantity: String, price: String, customer: String) {
        rows += 1
        invoices.insert(invoice)
        if customer.isEmpty { withoutCustomer += 1 } else { customers.insert(customer) }
        amount += (Double(quantity) ?? .nan) * (Double(price) ?? .nan)
    }

    var description: String {
        "rows \(rows), without customer \(withoutCustomer), customers \(customers.count), invoices \(invoices.count), amount \(String(format: "%.3f", amount))"
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: csvbench hand|swiftcsv|csvswift FILE")
    exit(64)
}
let path = arguments[2]
var totals = Totals()

switch arguments[1] {
case "hand":
    // loysite's reader: fields as byte ranges; Strings made only for the four fields used.
    guard var reader = CSVReader(path: path) else { fatalError("cannot open \(path)") }
    _ = try reader.next() // header
    while let record = try reader.next() {
        totals.add(invoice: record.string(at: 0), quantity: record.string(at: 3), price: record.string(at: 5), customer: record.string(at: 6))
    }
case "swiftcsv":
    try readWithSwiftCSV(path, into: &totals)
case "csvswift":
    try readWithCSVSwift(path, into: &totals)
default:
    print("unknown reader \(arguments[1])")
    exit(64)
}
print(totals)
