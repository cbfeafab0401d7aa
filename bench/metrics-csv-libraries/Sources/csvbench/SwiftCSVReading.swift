import Foundation
import SwiftCSV

/// SwiftCSV 0.10: loads the file as one String, then gives every row as [String].
func readWithSwiftCSV(_ path: String, into totals: inout Totals) throws {
    let csv = try EnumeratedCSV(url: URL(fileURLWithPath: path), delimiter: .comma, loadColumns: false)
    for row in csv.rows {
        totals.add(invoice: row[0], quantity: row[3], price: row[5], customer: row[6])
    }
}
