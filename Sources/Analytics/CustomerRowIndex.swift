import LedgerModel

/// Each customer's orders, interactions and opportunities up to T, as index lists: what a
/// portrait page shows, found without scanning the ledger per customer.
///
/// Built by counting sort into offset arrays (4 bytes per row plus 4 per customer per table),
/// keeping ledger order within a customer. Rows of orphan customer_ids and rows dated after T
/// are left out (an order is left out when all its lines are after T).
package struct CustomerRowIndex: Sendable {
    private var orderStarts: [Int32]
    private var orderRows: [Int32]
    private var interactionStarts: [Int32]
    private var interactionRows: [Int32]
    private var opportunityStarts: [Int32]
    private var opportunityRows: [Int32]

    /// - Complexity: O(customers + orders + order lines + interactions + opportunities).
    package init(ledger: Ledger, asOf: Day) {
        let count = ledger.customers.count
        (orderStarts, orderRows) = CustomerRowIndex.group(count: count, ledger.orders.indices) { i in
            let order = ledger.orders[i]
            let dated = order.lines.isEmpty ? order.date <= asOf
                : order.lines.contains { ledger.orderLines[Int($0)].date <= asOf }
            return dated ? order.customer : -1
        }
        (interactionStarts, interactionRows) = CustomerRowIndex.group(count: count, ledger.interactions.indices) { i in
            let row = ledger.interactions[i]
            return row.date.day <= asOf ? row.customer : -1
        }
        (opportunityStarts, opportunityRows) = CustomerRowIndex.group(count: count, ledger.opportunities.indices) { i in
            let row = ledger.opportunities[i]
            if let created = row.createdAt, created > asOf { return -1 }
            return row.customer
        }
    }

    /// Indices into `Ledger.orders` of the customer's orders (any status), in ledger order.
    package func orders(of customer: Int) -> ArraySlice<Int32> {
        orderRows[Int(orderStarts[customer])..<Int(orderStarts[customer + 1])]
    }

    /// Indices into `Ledger.interactions`, in ledger order.
    package func interactions(of customer: Int) -> ArraySlice<Int32> {
        interactionRows[Int(interactionStarts[customer])..<Int(interactionStarts[customer + 1])]
    }

    /// Indices into `Ledger.opportunities`, in ledger order.
    package func opportunities(of customer: Int) -> ArraySlice<Int32> {
        opportunityRows[Int(opportunityStarts[customer])..<Int(opportunityStarts[customer + 1])]
    }

    /// Counting sort of `rows` by the customer `key` gives (-1 = leave out).
    private static func group(count: Int, _ rows: Range<Int>, key: (Int) -> Int32)
        -> (starts: [Int32], rows: [Int32]) {
        var keys = [Int32](repeating: -1, count: rows.count)
        var starts = [Int32](repeating: 0, count: count + 1)
        for i in rows {
            let k = key(i)
            guard k >= 0, Int(k) < count else { continue }
            keys[i] = k
            starts[Int(k) + 1] += 1
        }
        for c in 0..<count { starts[c + 1] += starts[c] }
        var fill = starts
        var grouped = [Int32](repeating: 0, count: Int(starts[count]))
        for i in rows where keys[i] >= 0 {
            let k = Int(keys[i])
            grouped[Int(fill[k])] = Int32(i)
            fill[k] += 1
        }
        return (starts, grouped)
    }
}
