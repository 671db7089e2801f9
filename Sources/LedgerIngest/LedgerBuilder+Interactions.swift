import LedgerModel

extension LedgerBuilder {
    /// An interactions row: `customer_id` and `date` required; no unique id rule.
    func loadInteraction(_ row: inout RowCursor) {
        let map = row.map
        let customerSlot = map.slots.customerID
        let customerID = row.required(customerSlot)
        let date = row.ownDate(map.slots.date, required: true)
        guard row.usable, let customerID, let when = date.value else {
            row.reject()
            return
        }
        let customer = self.customer(&row, customerSlot, id: customerID)
        let owner = self.owner(&row, map.slots.ownerID)
        let channel = row.code(map.slots.channel, ValueParsers.channel, treatedAs: "other")
        let kind = row.code(map.slots.kind, ValueParsers.interactionKind, treatedAs: "other")
        let satisfaction = self.satisfaction(&row, map.slots.satisfaction)
        let resolvedAt = row.date(map.slots.resolvedAt)
        let summary = row.text(map.slots.summary)
        guard date.counts else { return }
        noteActivity(when.day)
        ledger.interactions.append(Interaction(
            customer: customer, owner: owner.ref, date: when,
            channel: channel.bad ? .other : channel.value, kind: kind.bad ? .other : kind.value,
            satisfaction: satisfaction, resolvedAt: resolvedAt,
            summary: summary.map { ledger.texts.append($0) } ?? .empty, line: Int32(row.line)))
    }

    /// 1–5, or 0 when missing, not an integer (`bad_number`) or another integer (`out_of_range`).
    private func satisfaction(_ row: inout RowCursor, _ slot: Int) -> Int8 {
        guard let cell = row.text(slot) else { return 0 }
        switch ValueParsers.satisfaction(cell) {
        case .score(let score):
            return Int8(score)
        case .outOfRange(let value):
            row.report(.outOfRange, slot, "\(row.map.header(slot)) \(value) is outside 1–5; it is left out of every mean.")
        case .bad:
            row.report(.badNumber, slot, "\(row.map.header(slot)) \"\(cell)\" is not a whole score from 1 to 5; it is treated as missing.")
        }
        return 0
    }
}
