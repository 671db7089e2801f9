/// One order: the used line items sharing an `order_id` and `customer_id`, summed.
///
/// Date, status and owner come from the first used line (precise-rules.md).
package struct Order: Sendable {
    package var id: String
    /// Index into `Ledger.customers`, or -1 when the customer_id is an orphan.
    package var customer: Int32
    package var owner: OwnerRef
    package var date: Day
    /// Sum of the used lines' amounts.
    package var amount: Money
    package var status: OrderStatus
    /// The order's lines in `Ledger.orderLines`.
    package var lines: Range<Int32>
    package var line: Int32

    package init(id: String, customer: Int32, owner: OwnerRef, date: Day, amount: Money,
                 status: OrderStatus, lines: Range<Int32>, line: Int32) {
        self.id = id
        self.customer = customer
        self.owner = owner
        self.date = date
        self.amount = amount
        self.status = status
        self.lines = lines
        self.line = line
    }

    /// A purchase: completed (or no status) with a positive amount.
    package var isPurchase: Bool { status == .completed && amount > .zero }
}

/// One used row of the orders table.
package struct OrderLine: Sendable {
    package var date: Day
    package var amount: Money
    /// Index into `Ledger.strings`, or -1 when missing.
    package var category: Int32
    package var product: Int32
    package var quantity: Money?

    package init(date: Day, amount: Money, category: Int32 = -1, product: Int32 = -1,
                 quantity: Money? = nil) {
        self.date = date
        self.amount = amount
        self.category = category
        self.product = product
        self.quantity = quantity
    }
}
