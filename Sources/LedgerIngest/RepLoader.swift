import LedgerModel

/// Reads the reps table: `rep_id` or `name`, either serving as the other.
final class RepLoader: TableLoader {
    var source: TableSource
    private(set) var table = RepTable()
    private(set) var findings: [Finding] = []
    /// Line where each used rep id was defined.
    private var lines: [String: Int] = [:]

    struct Batch: RecordBatch {
        var rows: [Parsed] = []
        var findings: [Finding] = []
    }

    struct Parsed {
        /// The rep, its line relative to the batch.
        var rep: Rep
        /// The column a duplicate id is reported in: the id's, or the name's when it served as id.
        var idSlot: Int
        var record: Int
        var findings: RowFindings
    }

    init(files: [String]) {
        source = TableSource(table: .reps, files: files)
        table.present = !files.isEmpty
    }

    func parse(_ row: inout RowCursor, into batch: inout Batch) {
        let map = row.map
        let start = row.findings.count
        let idSlot = map.slots.repID, nameSlot = map.slots.name
        guard let id = row.text(idSlot) ?? row.text(nameSlot) else {
            row.report(.missingRequired, map.has(idSlot) ? idSlot : nameSlot,
                       "\(map.header(map.has(idSlot) ? idSlot : nameSlot)) is empty and so is the name; the row is not used.")
            row.reject()
            return
        }
        let checked = row.findings.count
        let duplicateSlot = row.text(idSlot) != nil ? idSlot : nameSlot
        let name = row.text(nameSlot) ?? id
        let quota = row.amount(map.slots.quota)
        let rep = Rep(id: id, name: name, team: row.text(map.slots.team), manager: row.text(map.slots.manager),
                      region: row.text(map.slots.region), quota: quota, line: Int32(row.line))
        batch.rows.append(Parsed(rep: rep, idSlot: duplicateSlot, record: row.record,
                                 findings: RowFindings(start: start, checked: checked, end: row.findings.count)))
    }

    func commit(_ batch: inout Batch, _ context: CommitContext) {
        var next = 0
        for parsed in batch.rows {
            let marks = parsed.findings
            context.emit(batch.findings[next..<Int(marks.checked)], into: &findings)
            next = Int(marks.end)
            var rep = parsed.rep
            if let first = lines[rep.id] {
                findings.append(context.finding(.duplicateID, parsed.idSlot, line: rep.line, record: parsed.record,
                    "Rep \"\(rep.id)\" was already defined on line \(first); this row is not used."))
                continue
            }
            context.emit(batch.findings[Int(marks.checked)..<Int(marks.end)], into: &findings)
            rep.line = Int32(context.line(rep.line))
            let index = Int32(table.reps.count)
            table.reps.append(rep)
            table.index[rep.id] = index
            lines[rep.id] = Int(rep.line)
            if table.byName[rep.name] == nil { table.byName[rep.name] = index }
            if let region = rep.region, table.byRegion[region] == nil { table.byRegion[region] = index }
            source.usedRows += 1
        }
        context.emit(batch.findings[next...], into: &findings)
    }
}
