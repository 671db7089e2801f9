import LedgerModel

/// Reads the orders table: one row is one line of an order. Lines sharing `order_id` and
/// `customer_id` are summed into one order taking date, status and owner from its first used
/// line; the same `order_id` with another customer is a `duplicate_id`.
///
/// Parsing checks every cell; the commit joins lines to orders by id, in file order. Without a
/// customers table (`derivesCustomers`), the commit also defines each customer from the first
/// row of its id that it keeps, from the customer columns parsing read off the row.
final class OrderLoader: TableLoader {
    let references: LedgerReferences
    let derivesCustomers: Bool
    var source: TableSource
    private(set) var orders: [Order] = []
    /// Order lines as read until `finish()` groups them by order; `lineOrders` holds the
    /// order of each.
    private(set) var orderLines: [OrderLine] = []
    private var lineOrders: [Int32] = []
    /// Whether no line so far belongs to an earlier order than the line before it: then the
    /// lines are grouped by order as read (an export lists an order's lines together), and
    /// `finish()` need not copy them; at a million customers that copy was 200 MB of fresh
    /// pages.
    private var linesGrouped = true
    private(set) var strings = StringPool()
    private(set) var findings: [Finding] = []
    private(set) var latestActivity: Day?
    /// Customers defined by order rows (only when `derivesCustomers`), and their ids.
    private(set) var customers: [Customer] = []
    let customerIDs = StringKeyTable()

    /// Used order ids: index into `orderEntries`. Exports number orders upwards, so most go to
    /// the table's sorted run. Dropped in `finish()`.
    private var orderIDs = StringKeyTable(ascendingRun: true)
    /// The order (−1 when its first line was left out), customer id and line of each order id.
    private var orderEntries: [(order: Int32, customerID: String, line: Int)] = []
    /// `strings` ids by the text's bytes (see `UTF8Key`).
    private var internedBytes: [UTF8Key: Int32] = [:]

    struct Batch: RecordBatch {
        var rows: [Parsed] = []
        var findings: [Finding] = []
        let memo = ReferenceMemo()

        mutating func reserve(records: Int, bytes: Int) {
            rows.reserveCapacity(records)
        }
        /// Category and product names of the batch by their bytes; a row holds their index here.
        let names = IDTable()
        var nameValues: [String] = []
        /// Customers the rows would define (`derivesCustomers` only).
        var customers: [Customer] = []
    }

    struct Parsed {
        var orderID: String
        var customerID: String
        var customer: Int32
        var owner: OwnerRef
        var day: Day
        var amount: Money
        var status: OrderStatus
        var quantity: Money?
        /// Indices into the batch's `nameValues`, or -1.
        var category: Int32
        var product: Int32
        /// Index into the batch's `customers`, or -1.
        var derived: Int32
        /// Whether the row may count: its date is not in the future.
        var counts: Bool
        var line: Int32
        var record: Int
        var findings: RowFindings
    }

    init(references: LedgerReferences, derivesCustomers: Bool, files: [String]) {
        self.references = references
        self.derivesCustomers = derivesCustomers
        source = TableSource(table: .orders, files: files)
    }

    func reserve(rows: Int, bytes: Int) {
        orderLines.reserveCapacity(growingTo: orderLines.count + rows)
        lineOrders.reserveCapacity(growingTo: lineOrders.count + rows)
        orders.reserveCapacity(growingTo: orders.count + rows)
        orderIDs.reserveCapacity(orderIDs.count + rows)
        orderEntries.reserveCapacity(growingTo: orderEntries.count + rows)
    }

    func parse(_ row: inout RowCursor, into batch: inout Batch) {
        let start = row.findings.count
        let idSlot = row.map.slots.orderID, customerSlot = row.map.slots.customerID
        let orderID = row.required(idSlot)
        let customerCell = row.requiredCell(customerSlot)
        let date = row.ownDate(row.map.slots.orderDate, required: true)
        let amount = row.amount(row.map.slots.amount, required: true)
        guard row.usable, let orderID, let customerCell, let day = date.value?.day, let amount else {
            row.reject()
            return
        }
        let checked = row.findings.count
        let customerID = customerCell.string!
        let statusCell = row.code(row.map.slots.status, ValueParsers.orderStatusWordIndex, ValueParsers.orderStatus,
                                  treatedAs: "not a purchase")
        let status: OrderStatus = statusCell.bad ? .unknown : (statusCell.value ?? .completed)
        if status == .completed && amount < .zero {
            row.report(.outOfRange, row.map.slots.amount, "\(row.map.header(row.map.slots.amount)) \(amount.formatted()) is negative on a completed order; it is not a purchase.")
        }
        var customer: Int32 = -1
        var derived: Int32 = -1
        if derivesCustomers {
            derived = Int32(batch.customers.count)
            batch.customers.append(derivedCustomer(row, id: customerID))
        } else {
            customer = references.customer(&row, customerSlot, customerCell, memo: batch.memo)
        }
        var owner = references.owner(&row, row.map.slots.ownerID, memo: batch.memo, wantsID: false).ref
        if case .none = owner, row.isMissing(row.map.slots.ownerID), let rep = references.rep(ofRegion: row.text(row.map.slots.region)) {
            owner = .rep(rep)
        }
        let quantity = row.amount(row.map.slots.quantity)
        let category = name(row.cell(row.map.slots.category), in: &batch)
        let product = name(row.cell(row.map.slots.product), in: &batch)
        batch.rows.append(Parsed(
            orderID: orderID, customerID: customerID, customer: customer, owner: owner, day: day, amount: amount,
            status: status, quantity: quantity, category: category, product: product, derived: derived,
            counts: date.counts, line: Int32(row.line), record: row.record,
            findings: RowFindings(start: start, checked: checked, end: row.findings.count)))
    }

    /// The batch's index of a category or product name, or -1 when missing.
    private func name(_ cell: RowCursor.Cell, in batch: inout Batch) -> Int32 {
        cell.withUTF8 { bytes -> Int32 in
            guard let bytes else { return -1 }
            if let index = batch.names[bytes: bytes] { return index }
            let index = Int32(batch.nameValues.count)
            batch.nameValues.append(cell.string!)
            batch.names.insert(bytes: bytes, index)
            return index
        }
    }

    /// The customer a sales-detail row defines when it is the first of its customer_id: the
    /// customer columns on the row (input-format.md).
    private func derivedCustomer(_ row: RowCursor, id: String) -> Customer {
        let map = row.map
        var customer = Customer(id: id, name: row.text(map.slots.name) ?? id, line: Int32(row.line))
        customer.region = row.text(map.slots.region)
        customer.city = row.text(map.slots.city)
        customer.industry = row.text(map.slots.industry)
        customer.type = ValueParsers.customerType(row.text(map.slots.type) ?? "")
        if let ownerID = row.text(map.slots.ownerID) {
            customer.ownerID = ownerID
            if references.repsPresent, let rep = references.repIndex[ownerID] ?? references.repByName[ownerID] {
                customer.owner = .rep(rep)
                customer.ownerID = references.reps[Int(rep)].id
            } else if references.repsPresent {
                customer.owner = .orphan
            }
        } else if let rep = references.rep(ofRegion: customer.region) {
            customer.owner = .rep(rep)
            customer.ownerID = references.reps[Int(rep)].id
        }
        return customer
    }

    func commit(_ batch: inout Batch, _ context: CommitContext) {
        let map = context.map
        /// Global ids of the batch's names, interned when first kept (-2: not yet).
        var nameIDs = [Int32](repeating: -2, count: batch.nameValues.count)
        func internName(_ local: Int32) -> Int32 {
            guard local >= 0 else { return -1 }
            if nameIDs[Int(local)] == -2 { nameIDs[Int(local)] = intern(batch.nameValues[Int(local)]) }
            return nameIDs[Int(local)]
        }
        // The arrays are taken out of the object while the batch is applied: each access to a
        // class property is checked for exclusivity, several per row.
        var orders = self.orders, orderLines = self.orderLines, lineOrders = self.lineOrders
        var findings = self.findings, orderEntries = self.orderEntries, usedRows = 0
        var latestActivity = self.latestActivity, linesGrouped = self.linesGrouped
        (self.orders, self.orderLines, self.lineOrders, self.findings, self.orderEntries) = ([], [], [], [], [])
        defer {
            (self.orders, self.orderLines, self.lineOrders, self.findings, self.orderEntries)
                = (orders, orderLines, lineOrders, findings, orderEntries)
            self.latestActivity = latestActivity
            self.linesGrouped = linesGrouped
            source.usedRows += usedRows
        }
        let orderIDs = self.orderIDs
        /// The previous row's order id and its entry: an order's lines are usually adjacent,
        /// and a lookup in a table of millions of ids is a cache miss.
        var lastID = "", lastEntry: Int32?
        func addOrderID(_ id: String, _ entry: (order: Int32, customerID: String, line: Int)) {
            orderIDs.insert(id, Int32(orderEntries.count))
            lastEntry = Int32(orderEntries.count)
            orderEntries.append(entry)
        }
        var next = 0
        for parsed in batch.rows {
            let marks = parsed.findings
            context.emit(batch.findings[next..<Int(marks.checked)], into: &findings)
            next = Int(marks.end)
            let line = context.line(parsed.line)
            let entry = lastEntry != nil && lastID == parsed.orderID ? lastEntry : orderIDs.lookup(parsed.orderID)
            let existing = entry.map { orderEntries[Int($0)] }
            lastID = parsed.orderID
            lastEntry = entry
            if let existing, existing.customerID != parsed.customerID {
                let idSlot = map.slots.orderID
                findings.append(context.finding(.duplicateID, idSlot, line: parsed.line, record: parsed.record,
                    "\(map.header(idSlot)) \"\(parsed.orderID)\" was already used on line \(existing.line) for customer \"\(existing.customerID)\"; this row is not used."))
                continue
            }
            context.emit(batch.findings[Int(marks.checked)..<Int(marks.end)], into: &findings)
            var customer = parsed.customer
            if parsed.derived >= 0 {
                customer = defineCustomer(batch.customers[Int(parsed.derived)], lineOffset: context.lineOffset)
            }
            let category = internName(parsed.category)
            let product = internName(parsed.product)
            guard parsed.counts else {
                // A future line is left out of every figure; a future first line leaves out the order.
                if existing == nil { addOrderID(parsed.orderID, (-1, parsed.customerID, line)) }
                usedRows += 1
                continue
            }
            if latestActivity.map({ parsed.day > $0 }) ?? true { latestActivity = parsed.day }

            let order: Int32
            if let existing, existing.order >= 0 {
                order = existing.order
                // Lines of one order are summed; a total beyond Int64 micros (±9.2 × 10^12) would
                // trap, so the line that overflows is a bad number and left out (found by fuzzing).
                let (total, overflow) = orders[Int(order)].amount.micros.addingReportingOverflow(parsed.amount.micros)
                guard !overflow else {
                    let slot = map.slots.amount
                    findings.append(context.finding(.badNumber, slot, line: parsed.line, record: parsed.record,
                        "\(map.header(slot)) \(parsed.amount.formatted()) takes order \(parsed.orderID)'s total beyond 9.2 trillion; the line is left out."))
                    continue
                }
                orders[Int(order)].amount = Money(micros: total)
            } else if existing != nil {
                usedRows += 1
                continue
            } else {
                order = Int32(orders.count)
                orders.append(Order(id: parsed.orderID, customer: customer, owner: parsed.owner, date: parsed.day,
                                    amount: parsed.amount, status: parsed.status, lines: 0..<0, line: Int32(line)))
                addOrderID(parsed.orderID, (order, parsed.customerID, line))
            }
            if let last = lineOrders.last, order < last { linesGrouped = false }
            lineOrders.append(order)
            orderLines.append(OrderLine(date: parsed.day, amount: parsed.amount, category: category,
                                        product: product, quantity: parsed.quantity))
            usedRows += 1
        }
        context.emit(batch.findings[next...], into: &findings)
    }

    /// The index of a derived customer: the existing one of its id, else this row's.
    private func defineCustomer(_ candidate: Customer, lineOffset: Int) -> Int32 {
        if let index = customerIDs.lookup(candidate.id) { return index }
        var customer = candidate
        customer.line = Int32(Int(customer.line) + lineOffset)
        let index = Int32(customers.count)
        customers.append(customer)
        customerIDs.insert(customer.id, index)
        return index
    }

    /// The id of `text` in `strings`, looked up by bytes first.
    private func intern(_ text: String) -> Int32 {
        let key = UTF8Key(text: text)
        if let id = internedBytes[key] { return id }
        let id = strings.intern(text)
        internedBytes[key] = id
        return id
    }

    /// Makes each order's lines contiguous in `orderLines` (a counting sort by order, stable,
    /// so none when they already are), and drops the id table.
    func finish() {
        orderIDs = StringKeyTable()
        orderEntries = []
        internedBytes = [:]
        var counts = [Int32](repeating: 0, count: orders.count + 1)
        for order in lineOrders { counts[Int(order) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        if !linesGrouped {
            var lines = [OrderLine](repeating: OrderLine(date: Day(raw: 0), amount: .zero), count: orderLines.count)
            var next = counts
            for (order, line) in zip(lineOrders, orderLines) {
                lines[Int(next[Int(order)])] = line
                next[Int(order)] += 1
            }
            orderLines = lines
        }
        for index in orders.indices {
            orders[index].lines = counts[index]..<counts[index + 1]
        }
        lineOrders = []
    }
}
