import LedgerModel

/// Reads the opportunities table: id, customer and stage required; an unknown stage is open.
final class OpportunityLoader: TableLoader {
    let references: LedgerReferences
    var source: TableSource
    private(set) var opportunities: [Opportunity] = []
    private(set) var findings: [Finding] = []
    /// Used opportunity ids: index into `idLines`, the line where each was used. Exports
    /// number them upwards, so most go to the table's sorted run.
    private var ids = StringKeyTable(ascendingRun: true)
    private var idLines: [Int] = []

    struct Batch: RecordBatch {
        var rows: [Parsed] = []
        var findings: [Finding] = []
        let memo = ReferenceMemo()

        mutating func reserve(records: Int, bytes: Int) {
            rows.reserveCapacity(records)
        }
    }

    struct Parsed {
        /// The opportunity, its line relative to the batch.
        var opportunity: Opportunity
        /// Whether the row may count: its creation date is not in the future.
        var counts: Bool
        var record: Int
        var findings: RowFindings
    }

    init(references: LedgerReferences, files: [String]) {
        self.references = references
        source = TableSource(table: .opportunities, files: files)
    }

    func reserve(rows: Int, bytes: Int) {
        opportunities.reserveCapacity(growingTo: opportunities.count + rows)
        ids.reserveCapacity(ids.count + rows)
        idLines.reserveCapacity(growingTo: idLines.count + rows)
    }

    func parse(_ row: inout RowCursor, into batch: inout Batch) {
        let start = row.findings.count
        let idSlot = row.map.slots.opportunityID, customerSlot = row.map.slots.customerID
        let stageSlot = row.map.slots.stage
        let id = row.required(idSlot)
        let customerID = row.requiredCell(customerSlot)
        _ = row.requiredCell(stageSlot)
        guard row.usable, let id, let customerID else {
            row.reject()
            return
        }
        let checked = row.findings.count
        let stage = row.code(stageSlot, ValueParsers.stageWordIndex, ValueParsers.stage, treatedAs: "open").value
        let customer = references.customer(&row, customerSlot, customerID, memo: batch.memo)
        let owner = references.owner(&row, row.map.slots.ownerID, memo: batch.memo, wantsID: false)
        let amount = row.amount(row.map.slots.amount)
        let created = row.ownDate(row.map.slots.createdAt, required: false)
        let closedAt = row.date(row.map.slots.closedAt)?.day
        batch.rows.append(Parsed(
            opportunity: Opportunity(id: id, customer: customer, owner: owner.ref, stage: stage, amount: amount,
                                     createdAt: created.value?.day, closedAt: closedAt, line: Int32(row.line)),
            counts: created.counts, record: row.record,
            findings: RowFindings(start: start, checked: checked, end: row.findings.count)))
    }

    func commit(_ batch: inout Batch, _ context: CommitContext) {
        let map = context.map
        var next = 0
        for parsed in batch.rows {
            let marks = parsed.findings
            context.emit(batch.findings[next..<Int(marks.checked)], into: &findings)
            next = Int(marks.end)
            var opportunity = parsed.opportunity
            if let first = ids.lookup(opportunity.id) {
                let idSlot = map.slots.opportunityID
                findings.append(context.finding(.duplicateID, idSlot, line: opportunity.line, record: parsed.record,
                    "\(map.header(idSlot)) \"\(opportunity.id)\" was already used on line \(idLines[Int(first)]); this row is not used."))
                continue
            }
            let line = context.line(opportunity.line)
            ids.insert(opportunity.id, Int32(idLines.count))
            idLines.append(line)
            context.emit(batch.findings[Int(marks.checked)..<Int(marks.end)], into: &findings)
            source.usedRows += 1
            guard parsed.counts else { continue }
            opportunity.line = Int32(line)
            opportunities.append(opportunity)
        }
        context.emit(batch.findings[next...], into: &findings)
    }

    func finish() {
        ids = StringKeyTable()
        idLines = []
    }
}
