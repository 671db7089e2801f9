import Analytics
import LedgerIngest
import LedgerModel

/// Builds a small ledger folder from `data`, reads it with `LedgerReader.read`, checks that a
/// read split into chunks of a few bytes on two threads gives the same ledger, then audits it
/// and computes every figure, as a build would.
///
/// `data` is split into files at lines `--- NAME` (NAME one of the table files, `.csv` or
/// `.xml`); text before the first such line is `customers.csv`. A line
/// `--- derive TABLE.COLUMN EXPRESSION` adds a derive expression to the settings instead,
/// `--- column TABLE.COLUMN NAME` a header name for a column (the config's `columns:`), and
/// `--- dates mdy` (or `dmy`) sets the date order. So a seed reads like a tiny export:
///
///     customer_id,name
///     C1,Ann
///     --- orders.csv
///     order_id,customer_id,order_date,amount
///     O1,C1,2026-01-02,1.2万
package func fuzzLedger(_ data: [UInt8]) {
    let folder = ScratchFolder()
    var tables: [TableName: TableSettings] = [:]
    var dateOrder = DateOrder.ymd
    var written: Set<String> = []
    for section in LedgerSections.split(data) {
        switch section.header {
        case .file(let name):
            guard written.insert(name).inserted else { continue }
            folder.write(name, section.body)
        case .derive(let table, let column, let expression):
            tables[table, default: TableSettings()].derive[column] = expression
        case .column(let table, let column, let name):
            tables[table, default: TableSettings()].columns[column, default: []].append(name)
        case .dates(let order):
            dateOrder = order
        }
    }
    var settings = IngestSettings(dataDirectory: folder.path, tables: tables, dateOrder: dateOrder,
                                  today: Day(year: 2026, month: 11, day: 1)!)
    // The reference reads a record with more fields than the header, and the rest of its file,
    // one record at a time; the split reads below read the rest in chunks.
    settings.growthsReadInChunks = 0
    let ledger: Ledger
    do {
        ledger = try LedgerReader.read(settings)
    } catch {
        // A file refused whole is refused the same way however it is split.
        var split = settings
        split.workers = 2
        split.chunkBytes = 1 + data.count % 61
        split.growthsReadInChunks = 1 + data.count % 3
        let again = Result { try LedgerReader.read(split) }
        guard case .failure(let other) = again, String(describing: other) == String(describing: error) else {
            preconditionFailure("a split read disagrees with a whole read about a refused file: \(error) vs \(again)")
        }
        return
    }
    // The same folder read in chunks of a few bytes on two threads: every value the same.
    var split = settings
    split.workers = 2
    split.chunkBytes = 1 + data.count % 61
    split.growthsReadInChunks = 1 + data.count % 3
    guard let chunked = try? LedgerReader.read(split) else { preconditionFailure("a split read refused what a whole read took") }
    precondition(fingerprint(chunked) == fingerprint(ledger), "a read split into chunks differs from a whole read")
    for order in ledger.orders {
        precondition(Int(order.lines.upperBound) <= ledger.orderLines.count, "an order's lines lie in orderLines")
    }
    // What the pipeline does next: the bound on amounts, then the audit and every figure.
    guard MoneyBounds.check(ledger) == nil else { return }
    let asOf = AnalysisSettings.resolveAsOf(explicit: nil, ledger: ledger, today: settings.today)
    _ = QualityAudit.audit(ledger, asOf: asOf, staleDays: 90)
    _ = AnalyticsReport.compute(ledger: ledger, settings: AnalysisSettings(asOf: asOf, today: settings.today))
}
