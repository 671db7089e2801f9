import LedgerModel

extension LedgerBuilder {
    /// A reps row: `rep_id` or `name`, either serving as the other.
    func loadRep(_ row: inout RowCursor) {
        let map = row.map
        let idSlot = map.slots.repID, nameSlot = map.slots.name
        guard let id = row.text(idSlot) ?? row.text(nameSlot) else {
            row.report(.missingRequired, map.has(idSlot) ? idSlot : nameSlot,
                       "\(map.header(map.has(idSlot) ? idSlot : nameSlot)) is empty and so is the name; the row is not used.")
            row.reject()
            return
        }
        if let first = repLines[id] {
            row.report(.duplicateID, row.text(idSlot) != nil ? idSlot : nameSlot,
                       "Rep \"\(id)\" was already defined on line \(first); this row is not used.")
            row.reject()
            return
        }
        let name = row.text(nameSlot) ?? id
        let quota = row.amount(map.slots.quota)
        let region = row.text(map.slots.region)
        let index = Int32(ledger.reps.count)
        ledger.reps.append(Rep(id: id, name: name, team: row.text(map.slots.team),
                               manager: row.text(map.slots.manager), region: region, quota: quota,
                               line: Int32(row.line)))
        ledger.repIndex[id] = index
        repLines[id] = row.line
        if repByName[name] == nil { repByName[name] = index }
        if let region, repByRegion[region] == nil { repByRegion[region] = index }
    }
}
