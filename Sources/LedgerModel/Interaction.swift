/// One used row of the interactions table.
package struct Interaction: Sendable {
    /// Index into `Ledger.customers`, or -1 when the customer_id is an orphan.
    package var customer: Int32
    package var owner: OwnerRef
    package var date: LocalDateTime
    /// Nil when the cell is missing; an unknown value is `.other`.
    package var channel: Channel?
    package var kind: InteractionKind?
    /// 1...5, or 0 when missing or unusable.
    package var satisfaction: Int8
    /// Nil when missing, bad or in the future; analytics treats one after T as open too.
    package var resolvedAt: LocalDateTime?
    /// The summary in `Ledger.texts`; `ledger.texts[summary]` reads it.
    package var summary: TextRef
    package var line: Int32

    package init(customer: Int32, owner: OwnerRef, date: LocalDateTime, channel: Channel? = nil,
                 kind: InteractionKind? = nil, satisfaction: Int8 = 0,
                 resolvedAt: LocalDateTime? = nil, summary: TextRef = .empty, line: Int32) {
        self.customer = customer
        self.owner = owner
        self.date = date
        self.channel = channel
        self.kind = kind
        self.satisfaction = satisfaction
        self.resolvedAt = resolvedAt
        self.summary = summary
        self.line = line
    }
}
