import LedgerModel

/// What rows refer to, fixed before the tables that refer to it are read: the reps, and the
/// customers by id. Read by every chunk of a table at once, never written.
final class LedgerReferences: Sendable {
    let repsPresent: Bool
    let reps: [Rep]
    let repIndex: [String: Int32]
    let repByName: [String: Int32]
    let repByRegion: [String: Int32]
    /// `Ledger.customerIndex`, looked up by bytes; empty until customers are read.
    let customerIDs: StringKeyTable
    /// The ids of the customers `customerIDs` indexes, by index (empty when customers come
    /// from orders), to check a guess of the next row's customer.
    let customerIDWords: IDWords
    let today: Day
    let dateOrder: DateOrder

    init(reps: RepTable, customerIDs: StringKeyTable, customerIDWords: IDWords = IDWords(), settings: IngestSettings) {
        repsPresent = reps.present
        self.reps = reps.reps
        repIndex = reps.index
        repByName = reps.byName
        repByRegion = reps.byRegion
        self.customerIDs = customerIDs
        self.customerIDWords = customerIDWords
        today = settings.today
        dateOrder = settings.dateOrder
    }

    /// Resolves an owner cell to a rep: by rep id, else by rep name (exports often carry the
    /// owner's name). Without a reps table owners are not checked. `memo` keeps answers by the
    /// cell's bytes (`ReferenceMemo.owners`): one per chunk, as owners repeat.
    /// - Parameter wantsID: whether the owner id is used (customers keep it), else it is nil
    ///   unless the cell is an orphan, saving a string per row.
    func owner(_ row: inout RowCursor, _ slot: Int, memo: ReferenceMemo, wantsID: Bool = true) -> (ref: OwnerRef, id: String?) {
        let cell = row.cell(slot)
        if case .missing = cell { return (.none, nil) }
        guard repsPresent else { return (.none, wantsID ? cell.string : nil) }
        var known: Int32?
        if case .bytes(let bytes) = cell {
            known = memo.owner(bytes) ?? memo.owners[bytes: bytes]
            if let known { memo.remember(owner: bytes, known) }
        } else {
            known = cell.withUTF8 { memo.owners[bytes: $0!] }
        }
        if known == nil {
            let value = cell.string!
            let answer = repIndex[value] ?? repByName[value] ?? -1
            cell.withUTF8 { memo.owners.insert(bytes: $0!, answer) }
            known = answer
        }
        if let known, known >= 0 {
            return (.rep(known), wantsID ? reps[Int(known)].id : nil)
        }
        let value = cell.string!
        row.report(.orphanReference, slot, "\(row.map.header(slot)) \"\(value)\" matches no rep in the reps table; the row is credited to no rep.")
        return (.orphan, value)
    }

    /// The rep of a region (regional managers), for rows without an owner.
    func rep(ofRegion region: String?) -> Int32? {
        guard let region, !repByRegion.isEmpty else { return nil }
        return repByRegion[region]
    }

    /// A customer reference: the customer's index, or −1 with an `orphan_reference` finding.
    func customer(_ row: inout RowCursor, _ slot: Int, _ cell: RowCursor.Cell, memo: ReferenceMemo) -> Int32 {
        if case .bytes(let bytes) = cell {
            if let index = memo.customer(bytes) { return index }
            if let index = customer(after: memo.lastCustomerIndex, bytes) ?? customerIDs.lookup(bytes) {
                memo.remember(customer: bytes, index)
                return index
            }
        } else if let index = cell.withUTF8({ customerIDs.lookup($0!) }) {
            return index
        }
        row.report(.orphanReference, slot, "\(row.map.header(slot)) \"\(cell.string!)\" matches no customer; the row still counts where it can (rep and totals).")
        return -1
    }

    /// The customer of one of the two indices after `index` whose id has exactly these bytes:
    /// then `customerIDs` holds those bytes with that index.
    ///
    /// Exports list a table's rows by customer, in the order of the customers table, so a
    /// row's customer is usually the one after the previous row's (or the one after that):
    /// two comparisons of words read in order (`IDWords`), where `customerIDs.lookup` of a
    /// million ids is a cache miss per new customer.
    @inline(__always)
    private func customer(after index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let next = Int(index) + 1
        if customerIDWords.matches(next, bytes) { return Int32(next) }
        if customerIDWords.matches(next + 1, bytes) { return Int32(next + 1) }
        return nil
    }
}

/// The reps table as read: rows and the indexes owners are resolved with.
struct RepTable {
    var present = false
    var reps: [Rep] = []
    var index: [String: Int32] = [:]
    var byName: [String: Int32] = [:]
    var byRegion: [String: Int32] = [:]
}
