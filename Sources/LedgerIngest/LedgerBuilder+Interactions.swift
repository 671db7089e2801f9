import LedgerModel

extension LedgerBuilder {
    /// An interactions row: `customer_id` and `date` required; no unique id rule.
    func loadInteraction(_ row: inout RowCursor) {
        let map = row.map
        let customerSlot = map.slot("customer_id")
        let customerID = row.required(customerSlot)
        let date = row.ownDate(map.slot("date"), required: true)
        guard row.usable, let customerID, let when = date.value else {
            row.reject()
            return
        }
        let customer = self.customer(&row, customerSlot, id: customerID)
        let owner = self.owner(&row, map.slot("owner_id"))
        let channel = row.code(map.slot("channel"), ValueParsers.channel, treatedAs: "other")
        let kind = row.code(map.slot("kind"), ValueParsers.interactionKind, treatedAs: "other")
        let satisfaction = self.satisfaction(&row, map.slot("satisfaction"))
        let resolvedAt = row.date(map.slot("resolved_at"))
        let summary = row.text(map.slot("summary"))
        guard date.counts else { return }
        noteActivity(when.day)
        ledger.interactions.append(Interaction(
            customer: customer, owner: owner.ref, date: when,
            channel: channel.bad ? .other : channel.value, kind: kind.bad ? .other : kind.value,
            satisfaction: satisfaction, resolvedAt: resolvedAt, summary: summary, line: Int32(row.line)))
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
