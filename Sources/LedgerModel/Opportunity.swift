/// One used row of the opportunities table.
package struct Opportunity: Sendable {
    package var id: String
    /// Index into `Ledger.customers`, or -1 when the customer_id is an orphan.
    package var customer: Int32
    package var owner: OwnerRef
    /// Nil when the value matched no stage: treated as open.
    package var stage: OpportunityStage?
    package var amount: Money?
    package var createdAt: Day?
    package var closedAt: Day?
    package var line: Int32

    package init(id: String, customer: Int32, owner: OwnerRef, stage: OpportunityStage?,
                 amount: Money? = nil, createdAt: Day? = nil, closedAt: Day? = nil, line: Int32) {
        self.id = id
        self.customer = customer
        self.owner = owner
        self.stage = stage
        self.amount = amount
        self.createdAt = createdAt
        self.closedAt = closedAt
        self.line = line
    }

    package var isOpen: Bool { !(stage?.isClosed ?? false) }
}
