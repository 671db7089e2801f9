import LedgerModel

/// The ledger's purchases up to T, each credited to a rep, and the count of rows left out
/// because they are dated after T.
///
/// Computed once and shared by every concern, so no metric re-reads order lines or re-applies the
/// crediting rule. An order's lines dated after T are left out one by one (each line is a row of
/// the orders table); the order keeps its used lines up to T, takes the date of the first of them,
/// and is left out when none is left.
struct Activity {
    /// Every purchase dated ≤ T, orphan customers included, in ledger order.
    var purchases: [Purchase] = []
    /// Order lines, interactions and opportunities dated after T (`rows_after_as_of`).
    var rowsAfterAsOf = 0

    /// - Complexity: O(orders + order lines + interactions + opportunities), one pass each.
    init(ledger: Ledger, settings: AnalysisSettings) {
        let asOf = settings.asOf
        purchases.reserveCapacity(ledger.orders.count)
        for (index, order) in ledger.orders.enumerated() {
            var date: Day?
            var amount: Int64 = 0
            if order.lines.isEmpty {
                if order.date > asOf { rowsAfterAsOf += 1; continue }
                date = order.date
                amount = order.amount.micros
            } else {
                for lineIndex in order.lines {
                    let line = ledger.orderLines[Int(lineIndex)]
                    if line.date > asOf {
                        rowsAfterAsOf += 1
                    } else {
                        if date == nil { date = line.date }
                        amount += line.amount.micros
                    }
                }
            }
            guard let date, order.status == .completed, amount > 0 else { continue }
            purchases.append(Purchase(
                customer: order.customer,
                rep: Activity.creditedRep(order.owner, customer: order.customer, ledger: ledger),
                date: date, amount: amount, order: Int32(index)))
        }
        for interaction in ledger.interactions where interaction.date.day > asOf {
            rowsAfterAsOf += 1
        }
        for opportunity in ledger.opportunities {
            if let created = opportunity.createdAt, created > asOf { rowsAfterAsOf += 1 }
        }
    }

    /// The rep a row is credited to: its own owner, else its customer's; -1 for none.
    ///
    /// An orphan owner is credited to no rep (no fallback), and an orphan customer has no owner
    /// to fall back to.
    static func creditedRep(_ owner: OwnerRef, customer: Int32, ledger: Ledger) -> Int32 {
        let fallback: OwnerRef = customer >= 0 ? ledger.customers[Int(customer)].owner : .none
        guard let rep = owner.orElse(fallback).repIndex, rep < ledger.reps.count else { return -1 }
        return Int32(rep)
    }
}

/// One purchase as the metrics see it: completed, amount > 0, dated ≤ T.
struct Purchase {
    /// Index into `Ledger.customers`, or -1 for an orphan customer_id.
    var customer: Int32
    /// The credited rep, or -1.
    var rep: Int32
    var date: Day
    /// The amount of the order's used lines up to T, in micros.
    var amount: Int64
    /// Index into `Ledger.orders`.
    var order: Int32
}
