import SwiftCSV

/// Fields in `text` as SwiftCSV 0.10.0 parses them (all rows, enumerated).
func swiftCSVFieldCount(_ text: String) throws -> Int {
    let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
    return csv.rows.reduce(0) { $0 + $1.count }
}
