/// A customer's cells in columns Portrait does not know (the portrait's "other fields"): only
/// the filled ones, in column order, each under its column's index in
/// `Ledger.customerExtraColumns`.
///
/// Sparse because CRM exports carry many custom columns, mostly empty: a slot for every column
/// took 16 bytes per column and customer (150 columns: 240 MB more at 100k customers).
package struct ExtraFields: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    package struct Field: Equatable, Sendable {
        /// Index in `Ledger.customerExtraColumns`.
        package var column: Int32
        package var value: String

        package init(column: Int32, value: String) {
            // The writer indexes the column names without a bounds check.
            precondition(column >= 0, "an other field without its column")
            self.column = column
            self.value = value
        }
    }

    private var fields: [Field]

    package init() { fields = [] }

    /// Fields of distinct columns, in any order.
    package init(_ fields: [Field]) {
        var fields = fields
        if !zip(fields, fields.dropFirst()).allSatisfy({ $0.column < $1.column }) {
            fields.sort { $0.column < $1.column }
        }
        self.fields = fields
    }

    /// The cells of columns 0, 1, … in order, nil where empty.
    package init(arrayLiteral cells: String?...) {
        fields = cells.enumerated().compactMap { column, value in
            value.map { Field(column: Int32(column), value: $0) }
        }
    }

    package var startIndex: Int { fields.startIndex }
    package var endIndex: Int { fields.endIndex }
    package subscript(position: Int) -> Field { fields[position] }
}
