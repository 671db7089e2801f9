/// The five tables of a ledger, in the order they are read and reported.
package enum TableName: String, CaseIterable, Sendable, Comparable, Codable {
    case customers, orders, interactions, reps, opportunities

    package static func < (lhs: TableName, rhs: TableName) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
