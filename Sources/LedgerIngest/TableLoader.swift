import LedgerModel

/// A table's loader in two halves, so that a file's chunks can be parsed on every core and
/// still be applied exactly as one pass in file order would apply them.
///
/// `parse` does everything a row needs that depends on the row alone and on tables read
/// before (`LedgerReferences`): cells, dates, amounts, codes, references, findings. `commit`
/// does what depends on the rows before it: duplicate ids, indices of new rows, line items
/// joining their order, and the order of findings.
protocol TableLoader: AnyObject {
    associatedtype Batch: RecordBatch
    /// What was read so far: files, records, used rows.
    var source: TableSource { get set }
    /// Reads the cursor's record into `batch`. Runs on any thread, several at once, reading
    /// only state fixed before the table started; findings go to the cursor.
    func parse(_ row: inout RowCursor, into batch: inout Batch)
    /// Applies a batch, one call at a time, batches in file order.
    func commit(_ batch: inout Batch, _ context: CommitContext)
    /// Grows the table's arrays once for about `rows` more rows of a file of `bytes`, instead
    /// of doubling them as rows arrive (at ten million rows each doubling briefly holds both
    /// copies).
    func reserve(rows: Int, bytes: Int)
    /// Called once every file is committed, on the committing thread.
    func finish()
}

extension TableLoader {
    func reserve(rows: Int, bytes: Int) {}
    func finish() {}
}

/// The parsed records of one chunk (or of one record, read alone), waiting for their commit.
protocol RecordBatch {
    init()
    /// The findings of the batch's records in record order (moved in from the cursor), with
    /// lines relative to the chunk until the commit moves them.
    var findings: [Finding] { get set }
    /// Makes room for about `records` records of `bytes`.
    mutating func reserve(records: Int, bytes: Int)
}

extension RecordBatch {
    mutating func reserve(records: Int, bytes: Int) {}
}

/// Where a parsed row's findings lie in its batch: `start..<checked` are made before the
/// commit's own check (duplicate id), `checked..<end` after it, dropped when it rejects the row.
/// Findings of records rejected while parsing lie between rows.
struct RowFindings {
    var start: Int32
    var checked: Int32
    var end: Int32

    init(start: Int, checked: Int, end: Int) {
        self.start = Int32(start)
        self.checked = Int32(checked)
        self.end = Int32(end)
    }
}
