import LedgerModel

/// The canonical columns of each table and the header aliases that name them.
///
/// Aliases are per table because real exports reuse words: `account` is the customer's name in a
/// customers file but its id in orders and opportunities; `sales agent` is the owner in orders
/// and opportunities but the rep's id in reps; `成交日期` is an order's date but an
/// opportunity's close date. The tables are folded once, on first use.
package enum HeaderAliases {
    /// Folds a header for matching: trim, full-width to half-width (NFKC), lower-case, and
    /// remove `_`, `-` and spaces. `Customer ID`, `customer-id` and `CUSTOMER_ID` fold alike.
    package static func fold(_ header: String) -> String {
        ValueParsers.matchKey(header)
    }

    /// Canonical column names of `table`, in the order of input-format.md.
    ///
    /// `orders` also lists the customer columns a sales-detail export carries on every row
    /// (`name`, `region`, `city`, `industry`, `type`), after its own, so customers can be derived
    /// from orders and orders credited by region (input-format.md).
    package static func columns(of table: TableName) -> [String] {
        aliasTable(of: table).map(\.column)
    }

    /// Required columns of `table` (reps: `rep_id` or `name`, either serving as the other).
    ///
    /// For reps both are listed; the caller accepts either one alone.
    package static func required(of table: TableName) -> [String] {
        switch table {
        case .customers: ["customer_id", "name"]
        case .orders: ["order_id", "customer_id", "order_date", "amount"]
        case .interactions: ["customer_id", "date"]
        case .reps: ["rep_id", "name"]
        case .opportunities: ["opportunity_id", "customer_id", "stage"]
        }
    }

    /// The canonical column `header` names in `table`, or nil.
    /// - Complexity: one fold and one dictionary lookup.
    package static func canonical(_ header: String, in table: TableName) -> String? {
        let key = fold(header)
        switch table {
        case .customers: return customersLookup[key]
        case .orders: return ordersLookup[key]
        case .interactions: return interactionsLookup[key]
        case .reps: return repsLookup[key]
        case .opportunities: return opportunitiesLookup[key]
        }
    }

    /// Folded alias → canonical column; the first listing of an alias wins.
    static func lookup(_ entries: [(column: String, aliases: [String])]) -> [String: String] {
        var table: [String: String] = [:]
        for (column, aliases) in entries {
            for alias in [column] + aliases {
                let key = fold(alias)
                if table[key] == nil { table[key] = column }
            }
        }
        return table
    }

    static let customersLookup = lookup(aliasTable(of: .customers))
    static let ordersLookup = lookup(aliasTable(of: .orders))
    static let interactionsLookup = lookup(aliasTable(of: .interactions))
    static let repsLookup = lookup(aliasTable(of: .reps))
    static let opportunitiesLookup = lookup(aliasTable(of: .opportunities))
}
