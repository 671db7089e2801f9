/// The whole ledger after ingest: used rows only, references resolved to indices, and every
/// finding about the rows that were read.
///
/// Rows whose own date is after today are not here (their `future_date` finding is); rows after
/// T are still here, because T is chosen after reading: analytics leaves them out.
package struct Ledger: Sendable {
    package var customers: [Customer] = []
    package var orders: [Order] = []
    package var orderLines: [OrderLine] = []
    package var interactions: [Interaction] = []
    package var reps: [Rep] = []
    package var opportunities: [Opportunity] = []
    package var strings = StringPool()
    /// Headers of customers columns Portrait does not know, in file order.
    package var customerExtraColumns: [String] = []
    package var customerIndex: [String: Int32] = [:]
    package var repIndex: [String: Int32] = [:]
    /// What was read for each table; an absent table has `present == false`.
    package var sources: [TableName: TableSource] = [:]
    /// True when a header of any table is written in Chinese: the site then defaults to zh-CN.
    package var chineseHeaders = false
    /// True when there was no customers table and customers were derived from the orders rows.
    package var customersDerived = false
    /// For each canonical customers column present in the input: rows where it is filled.
    package var completeness: [String: Int] = [:]
    /// Latest order or interaction date of a used row that is not after today (for T).
    package var latestActivity: Day?
    package var findings: [Finding] = []
    /// Probable duplicates: customer indices sharing a phone, e-mail or name, first row first.
    package var duplicateGroups: [[Int32]] = []

    package init() {}

    package func source(_ table: TableName) -> TableSource {
        sources[table] ?? TableSource(table: table)
    }
}

/// The files a table was read from and how many data rows they held.
package struct TableSource: Sendable {
    package var table: TableName
    package var files: [String] = []
    /// Data rows read (used or not), the denominator of completeness and the quality score.
    package var rows = 0
    package var usedRows = 0
    package var present: Bool { !files.isEmpty }

    package init(table: TableName, files: [String] = [], rows: Int = 0, usedRows: Int = 0) {
        self.table = table
        self.files = files
        self.rows = rows
        self.usedRows = usedRows
    }
}
