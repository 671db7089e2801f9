import LedgerModel

/// What a commit needs besides its batch: the file, where the batch's lines start, and each
/// record's cells as written for the few findings made at commit time.
struct CommitContext {
    let table: TableName
    let map: ColumnMap
    let file: String
    /// Added to the batch's lines (relative to its chunk) to make them the file's.
    let lineOffset: Int
    /// CSV: the input and its delimiter, to read a record's cells again from its offset.
    let input: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    /// A batch of one record read alone: that record, whose cells are at hand.
    let row: RowCursor?
    /// Records given as strings (XML), derived columns appended: a record's cells by its index.
    var records: [[String]] = []

    /// The cell of `slot` as written in the record at offset `record`, or "".
    ///
    /// Reads the record again (only for a duplicate id or an overflowing total, rare), rather
    /// than keeping every raw id cell beside its trimmed text.
    func raw(_ slot: Int, record: Int) -> String {
        if let row { return row.raw(slot) ?? "" }
        if !records.isEmpty {
            let index = map.source[slot]
            guard index >= 0, record >= 0, record < records.count, index < records[record].count else { return "" }
            return records[record][index]
        }
        let index = map.source[slot]
        guard index >= 0, record >= 0 else { return "" }
        var position = record
        var line = 0
        var fields = CSVFields()
        guard (try? CSVReader.readRecord(input, position: &position, line: &line, delimiter: delimiter,
                                          file: file, into: &fields)) != nil else { return "" }
        map.appendDerived(to: fields, input: input)
        guard index < fields.count else { return "" }
        let start = fields.start(index)
        return start < 0 ? fields.strings[-1 - start] : CSVReader.string(input, start, fields.end(index))
    }

    /// The file's line of a batch line.
    func line(_ relative: Int32) -> Int { Int(relative) + lineOffset }

    /// A finding made at commit time about the cell of `slot` in the row at `line` (relative).
    func finding(_ rule: Rule, _ slot: Int, line: Int32, record: Int, _ message: String) -> Finding {
        Finding(table: table, file: file, line: self.line(line), column: map.columns[slot],
                value: raw(slot, record: record), rule: rule, message: message)
    }

    /// Appends `findings` of the batch with their lines made the file's.
    func emit(_ findings: ArraySlice<Finding>, into all: inout [Finding]) {
        guard !findings.isEmpty else { return }
        if lineOffset == 0 {
            all.append(contentsOf: findings)
            return
        }
        for var finding in findings {
            finding.line += lineOffset
            all.append(finding)
        }
    }
}
