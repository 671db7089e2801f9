import LedgerModel

/// The canonical columns of each table and the header aliases that name them.
package enum HeaderAliases {
    /// Folds a header for matching: trim, full-width to half-width (NFKC), lower-case, and
    /// remove `_`, `-` and spaces. `Customer ID`, `customer-id` and `CUSTOMER_ID` fold alike.
    package static func fold(_ header: String) -> String { fatalError("TODO(helper)") }
    /// Canonical column names of `table`, in the order of input-format.md.
    package static func columns(of table: TableName) -> [String] { fatalError("TODO(helper)") }
    /// Required columns of `table` (reps: `rep_id` or `name`, either serving as the other).
    package static func required(of table: TableName) -> [String] { fatalError("TODO(helper)") }
    /// The canonical column `header` names in `table`, or nil.
    package static func canonical(_ header: String, in table: TableName) -> String? { fatalError("TODO(helper)") }
}
