import CSV
import Foundation

/// CSV.swift 2.5: streams from an InputStream, every row as [String].
func readWithCSVSwift(_ path: String, into totals: inout Totals) throws {
    // `CSV` is the library's own alias of its CSVReader (loysite's CSVReader shadows that name here).
    let csv = try CSV(stream: InputStream(fileAtPath: path)!, hasHeaderRow: true)
    while let row = csv.next() {
        totals.add(invoice: row[0], quantity: row[3], price: row[5], customer: row[6])
    }
}
