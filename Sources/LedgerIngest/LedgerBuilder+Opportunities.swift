import LedgerModel

extension LedgerBuilder {
    /// An opportunities row: id, customer and stage required; an unknown stage is open.
    func loadOpportunity(_ row: inout RowCursor) {
        let map = row.map
        let idSlot = map.slots.opportunityID, customerSlot = map.slots.customerID
        let stageSlot = map.slots.stage
        let id = row.required(idSlot)
        let customerID = row.required(customerSlot)
        _ = row.required(stageSlot)
        guard row.usable, let id, let customerID else {
            row.reject()
            return
        }
        if let first = opportunityIDs[id] {
            row.report(.duplicateID, idSlot, "\(map.header(idSlot)) \"\(id)\" was already used on line \(first); this row is not used.")
            row.reject()
            return
        }
        opportunityIDs[id] = row.line
        let stage = row.code(stageSlot, ValueParsers.stage, treatedAs: "open").value
        let customer = self.customer(&row, customerSlot, id: customerID)
        let owner = self.owner(&row, map.slots.ownerID)
        let amount = row.amount(map.slots.amount)
        let created = row.ownDate(map.slots.createdAt, required: false)
        let closedAt = row.date(map.slots.closedAt)?.day
        guard created.counts else { return }
        ledger.opportunities.append(Opportunity(
            id: id, customer: customer, owner: owner.ref, stage: stage, amount: amount,
            createdAt: created.value?.day, closedAt: closedAt, line: Int32(row.line)))
    }
}
