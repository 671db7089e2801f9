import LedgerModel

/// The ledger's purchases up to T, each credited to a rep, and the count of order rows left out
/// because they are dated after T.
///
/// Computed once and shared by every concern, so no metric re-reads order lines or re-applies the
/// crediting rule. An order's lines dated after T are left out one by one (each line is a row of
/// the orders table); the order keeps its used lines up to T, takes the date of the first of them,
/// and is left out when none is left.
struct Activity: Sendable {
    /// Every purchase dated ≤ T, orphan customers included, in ledger order. A customer index
    /// outside `Ledger.customers` is treated as an orphan, so no later pass can read out of bounds.
    var purchases: [Purchase] = []
    /// Order lines (or orders without lines) dated after T; the portraits count the other
    /// tables' part of `rows_after_as_of`.
    var orderRowsAfterAsOf = 0
    /// Each customer's owner as a rep index, or -1 (no owner, an orphan owner): the crediting
    /// fallback, kept apart so the million-row passes never touch the wide `Customer` rows.
    /// Read beside the orders (``CustomerColumns``), so empty until ``with(ownerRep:)``.
    var ownerRep: [Int32] = []

    /// Reads the purchases; `ownerRep` is left for ``CustomerColumns``, and a purchase credited
    /// to its customer's owner says so with ``Purchase/customersOwner`` (see ``rep(of:)``).
    /// - Complexity: O(orders + order lines), one pass each.
    init(ledger: Ledger, settings: AnalysisSettings) {
        let asOf = settings.asOf
        let repCount = ledger.reps.count
        let customerCount = ledger.customers.count
        purchases.reserveCapacity(ledger.orders.count)
        var after = 0
        ledger.orders.withUnsafeBufferPointer { orders in
            ledger.orderLines.withUnsafeBufferPointer { lines in
                for index in orders.indices {
                    var date: Day?
                    var amount: Int64 = 0
                    let range = orders[index].lines
                    if range.isEmpty {
                        if orders[index].date.raw > asOf.raw { after += 1; continue }
                        date = orders[index].date
                        amount = orders[index].amount.micros
                    } else {
                        for lineIndex in range where lineIndex >= 0 && Int(lineIndex) < lines.count {
                            let line = Int(lineIndex)
                            if lines[line].date.raw > asOf.raw {
                                after += 1
                            } else {
                                if date == nil { date = lines[line].date }
                                amount += lines[line].amount.micros
                            }
                        }
                    }
                    guard let date, orders[index].status == .completed, amount > 0 else { continue }
                    let raw = orders[index].customer
                    let customer = raw >= 0 && Int(raw) < customerCount ? raw : -1
                    let rep: Int32 = switch orders[index].owner {
                    case .rep(let rep): rep >= 0 && Int(rep) < repCount ? rep : -1
                    case .orphan: -1
                    case .none: customer >= 0 ? Purchase.customersOwner : -1
                    }
                    purchases.append(Purchase(amount: amount, customer: customer, rep: rep, date: date,
                                              order: Int32(index)))
                }
            }
        }
        orderRowsAfterAsOf = after
    }

    /// These purchases with the customers' owners to fall back to.
    func with(ownerRep: [Int32]) -> Activity {
        var activity = self
        activity.ownerRep = ownerRep
        return activity
    }

    /// The rep a purchase is credited to, -1 for none; needs `ownerRep`.
    @inline(__always)
    func rep(of purchase: Purchase) -> Int32 {
        purchase.rep == Purchase.customersOwner ? ownerRep[Int(purchase.customer)] : purchase.rep
    }

    /// The rep a row is credited to: its own owner, else its customer's; -1 for none.
    ///
    /// An orphan owner is credited to no rep (no fallback), and an orphan customer has no owner
    /// to fall back to.
    func credited(_ owner: OwnerRef, customer: Int32, repCount: Int) -> Int32 {
        switch owner {
        case .rep(let rep): return rep >= 0 && Int(rep) < repCount ? rep : -1
        case .orphan: return -1
        case .none: return customer >= 0 && Int(customer) < ownerRep.count ? ownerRep[Int(customer)] : -1
        }
    }
}
