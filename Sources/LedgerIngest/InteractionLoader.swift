import LedgerModel

/// Reads the interactions table: `customer_id` and `date` required; no unique id rule.
///
/// Nothing here depends on earlier rows, so a chunk is parsed into its final rows and a commit
/// only appends them: the biggest table (two thirds of a ledger's bytes) splits evenly over
/// the cores. A common row makes no `String`: the customer and owner are looked up by their
/// bytes, codes matched as bytes, the summary copied into the batch's text arena.
final class InteractionLoader: TableLoader {
    let references: LedgerReferences
    var source: TableSource
    private(set) var interactions: [Interaction] = []
    private(set) var texts = TextArena()
    private(set) var findings: [Finding] = []
    /// Latest date of a row that counts (for T).
    private(set) var latestActivity: Day?

    struct Batch: RecordBatch {
        var interactions: [Interaction] = []
        var texts = TextArena()
        var findings: [Finding] = []
        var latestActivity: Day?
        var usedRows = 0
        let memo = ReferenceMemo()

        mutating func reserve(records: Int, bytes: Int) {
            interactions.reserveCapacity(records)
            texts.reserveCapacity(bytes / 2)
        }
    }

    init(references: LedgerReferences, files: [String]) {
        self.references = references
        source = TableSource(table: .interactions, files: files)
    }

    func reserve(rows: Int, bytes: Int) {
        interactions.reserveCapacity(growingTo: interactions.count + rows)
    }

    func parse(_ row: inout RowCursor, into batch: inout Batch) {
        // `row.map` is read at each use, not kept in a local: a local is retained and released
        // per row, atomics on one reference count that both cores' rows share (4 % of reading
        // a million customers; the same in the orders and opportunities loaders).
        let customerSlot = row.map.slots.customerID
        let customerID = row.requiredCell(customerSlot)
        let date = row.ownDate(row.map.slots.date, required: true)
        guard row.usable, let customerID, let when = date.value else {
            row.reject()
            return
        }
        batch.usedRows += 1
        let customer = references.customer(&row, customerSlot, customerID, memo: batch.memo)
        let owner = references.owner(&row, row.map.slots.ownerID, memo: batch.memo, wantsID: false)
        let channel = row.code(row.map.slots.channel, ValueParsers.channelWordIndex, ValueParsers.channel, treatedAs: "other")
        let kind = row.code(row.map.slots.kind, ValueParsers.kindWordIndex, ValueParsers.interactionKind, treatedAs: "other")
        let satisfaction = self.satisfaction(&row, row.map.slots.satisfaction)
        let resolvedAt = row.date(row.map.slots.resolvedAt)
        let summary: TextRef
        switch row.cell(row.map.slots.summary) {
        case .missing: summary = .empty
        case .bytes(let bytes): summary = batch.texts.append(utf8: bytes)
        case .text(let text): summary = batch.texts.append(text)
        }
        guard date.counts else { return }
        if batch.latestActivity.map({ when.day > $0 }) ?? true { batch.latestActivity = when.day }
        batch.interactions.append(Interaction(
            customer: customer, owner: owner.ref, date: when,
            channel: channel.bad ? .other : channel.value, kind: kind.bad ? .other : kind.value,
            satisfaction: satisfaction, resolvedAt: resolvedAt,
            summary: summary, line: Int32(row.line)))
    }

    /// 1–5, or 0 when missing, not an integer (`bad_number`) or another integer (`out_of_range`).
    private func satisfaction(_ row: inout RowCursor, _ slot: Int) -> Int8 {
        let cell = row.cell(slot)
        let value: SatisfactionValue
        switch cell {
        case .missing:
            return 0
        case .bytes(let bytes) where StringKeyTable.isASCII(bytes):
            value = ValueParsers.satisfaction(foldedBytes: bytes)
        default:
            value = ValueParsers.satisfaction(cell.string!)
        }
        switch value {
        case .score(let score):
            return Int8(score)
        case .outOfRange(let number):
            row.report(.outOfRange, slot, "\(row.map.header(slot)) \(number) is outside 1–5; it is left out of every mean.")
        case .bad:
            row.report(.badNumber, slot, "\(row.map.header(slot)) \"\(cell.string!)\" is not a whole score from 1 to 5; it is treated as missing.")
        }
        return 0
    }

    func commit(_ batch: inout Batch, _ context: CommitContext) {
        context.emit(batch.findings[...], into: &findings)
        source.usedRows += batch.usedRows
        if let day = batch.latestActivity, latestActivity.map({ day > $0 }) ?? true { latestActivity = day }
        let textOffset = texts.append(contentsOf: batch.texts)
        let lineOffset = Int32(clamping: context.lineOffset)
        // The rows' lines and summary refs are shifted in the batch, where the rows are still in
        // cache; the batch is then appended in one copy.
        batch.interactions.withUnsafeMutableBufferPointer { rows in
            for index in rows.indices {
                rows[index].line += lineOffset
                if !rows[index].summary.isEmpty { rows[index].summary.offset += textOffset }
            }
        }
        interactions.append(contentsOf: batch.interactions)
    }
}
