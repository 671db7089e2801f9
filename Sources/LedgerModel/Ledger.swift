import Foundation

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
    /// Long free texts (interaction summaries).
    package var texts = TextArena()
    /// Headers of customers columns Portrait does not know, in file order.
    package var customerExtraColumns: [String] = []
    /// Each customer's index by id. A ledger as read builds it from `customers` on first use
    /// (`indexCustomersOnFirstUse`): `validate` never needs it, and building it (hashing a
    /// million ids as strings) was 2 % of reading a million customers.
    package var customerIndex: [String: Int32] {
        get { customerIndexStore.index(of: customers) }
        _modify {
            // A store shared with a copy of this ledger is replaced, not changed.
            if !isKnownUniquelyReferenced(&customerIndexStore) {
                customerIndexStore = CustomerIndexStore(customerIndexStore.index(of: customers))
            }
            customerIndexStore.build(from: customers)
            yield &customerIndexStore.index
        }
    }
    private var customerIndexStore = CustomerIndexStore([:])
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

    /// Makes `customerIndex` the index of `customers` as they are when it is first read, each
    /// id with its position (the first of canonically equal ids, as they are distinct).
    package mutating func indexCustomersOnFirstUse() {
        customerIndexStore = CustomerIndexStore(nil)
    }

    package func source(_ table: TableName) -> TableSource {
        sources[table] ?? TableSource(table: table)
    }
}

/// `Ledger.customerIndex`, given or built on first use; shared by copies of a ledger until
/// one of them changes it.
private final class CustomerIndexStore: @unchecked Sendable {
    // Unchecked: `index` is built under `lock`; changed only through a ledger that holds the
    // only reference to this store.
    private let lock = NSLock()
    private var built: Bool
    var index: [String: Int32]

    /// A store of `index`, or one that builds it on first use when nil.
    init(_ index: [String: Int32]?) {
        self.index = index ?? [:]
        built = index != nil
    }

    func index(of customers: [Customer]) -> [String: Int32] {
        build(from: customers)
        return index
    }

    func build(from customers: [Customer]) {
        lock.lock()
        defer { lock.unlock() }
        guard !built else { return }
        var index: [String: Int32] = [:]
        index.reserveCapacity(customers.count)
        // By position: `enumerated()` would copy each customer, retaining a dozen strings.
        for position in customers.indices {
            index[customers[position].id] = Int32(position)
        }
        self.index = index
        built = true
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
