import Analytics
import LedgerIngest
import LedgerModel

/// Builds a small ledger folder from `data`, reads it with `LedgerReader.read`, then audits it
/// and computes every figure, as a build would.
///
/// `data` is split into files at lines `--- NAME` (NAME one of the table files, `.csv` or
/// `.xml`); text before the first such line is `customers.csv`. A line
/// `--- derive TABLE.COLUMN EXPRESSION` adds a derive expression to the settings instead, and
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
        case .dates(let order):
            dateOrder = order
        }
    }
    let settings = IngestSettings(dataDirectory: folder.path, tables: tables, dateOrder: dateOrder,
                                  today: Day(year: 2026, month: 11, day: 1)!)
    guard let ledger = try? LedgerReader.read(settings) else { return }
    for order in ledger.orders {
        precondition(Int(order.lines.upperBound) <= ledger.orderLines.count, "an order's lines lie in orderLines")
    }
    // What the pipeline does next: the bound on amounts, then the audit and every figure.
    guard MoneyBounds.check(ledger) == nil else { return }
    let asOf = AnalysisSettings.resolveAsOf(explicit: nil, ledger: ledger, today: settings.today)
    _ = QualityAudit.audit(ledger, asOf: asOf, staleDays: 90)
    _ = AnalyticsReport.compute(ledger: ledger, settings: AnalysisSettings(asOf: asOf, today: settings.today))
}
