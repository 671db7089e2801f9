/// The five tables of a ledger, in the order they are read and reported.
package enum TableName: String, CaseIterable, Sendable, Comparable, Codable {
    case customers, orders, interactions, reps, opportunities

    package static func < (lhs: TableName, rhs: TableName) -> Bool {
        lhs.nameOrder < rhs.nameOrder
    }

    /// The table's place in the code-point order of the names, found without making them:
    /// sorting a million findings compared two names each time.
    package var nameOrder: Int {
        switch self {
        case .customers: 0
        case .interactions: 1
        case .opportunities: 2
        case .orders: 3
        case .reps: 4
        }
    }
}
