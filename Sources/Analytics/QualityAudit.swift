import LedgerModel

/// The data-quality audit: ingest's findings plus those that need T (`stale_record`), the
/// score, completeness and duplicate groups.
package enum QualityAudit {
    /// - Parameters:
    ///   - asOf: T; `stale_record` is `T − updated_at > staleDays`.
    /// - Complexity: O(customers + findings log findings).
    package static func audit(_ ledger: Ledger, asOf: Day, staleDays: Int) -> QualityReport {
        var stale: [Finding] = []
        let files = ledger.source(.customers).files
        // By index: iterating the customers themselves would copy each one (a retain per string).
        let customers = ledger.customers
        for i in customers.indices {
            guard let updated = customers[i].updatedAt, asOf - updated > staleDays else { continue }
            let customer = customers[i]
            stale.append(Finding(
                table: .customers, file: files.isEmpty ? "" : files[Int(customer.file)],
                line: Int(customer.line), column: "updated_at", value: customer.updatedAtCell ?? updated.description,
                rule: .staleRecord,
                message: "Last updated \(updated), \(asOf - updated) days before \(asOf) (more than \(staleDays)); review this record."))
        }
        let findings = sorted(ledger.findings, stale)

        // Customer rows with a finding, by (file, line); the few files are told apart by
        // their position in `files`.
        var flagged = Set<Int64>()
        var lastFile = "", lastFileIndex = 0
        for index in findings.indices where findings[index].table == .customers {
            if findings[index].file != lastFile {
                lastFile = findings[index].file
                lastFileIndex = files.firstIndex(of: lastFile) ?? files.count
            }
            flagged.insert(Int64(lastFileIndex) << 40 | Int64(findings[index].line))
        }
        let rows = ledger.source(.customers).rows
        let completeness = ledger.customersDerived ? [] : LedgerColumns.customers.compactMap { column in
            ledger.completeness[column].map { (column: column, filled: $0) }
        }
        return QualityReport(
            findings: findings,
            cleanCustomerRows: max(0, rows - flagged.count),
            customerRows: rows,
            completeness: completeness,
            duplicateGroups: ledger.duplicateGroups.map { $0.map { ledger.customers[Int($0)].id } })
    }

    /// `first + second` in `Finding.exportOrder`, ties in that order, as a stable sort of the two
    /// joined gives them.
    ///
    /// Positions are sorted, not findings: a sort moving findings copied them into its buffer
    /// (a retain per string) and the joined array was a copy of the ledger's findings, 1 s and
    /// 130 MB at 1.6 million findings. Each finding is copied once, into the result.
    static func sorted(_ first: [Finding], _ second: [Finding]) -> [Finding] {
        first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                func finding(_ position: Int) -> UnsafePointer<Finding> {
                    position < first.count ? first.baseAddress! + position : second.baseAddress! + (position - first.count)
                }
                var order = Array(0..<(first.count + second.count))
                order.sort { a, b in
                    let x = finding(a), y = finding(b)
                    if Finding.exportOrder(x.pointee, y.pointee) { return true }
                    if Finding.exportOrder(y.pointee, x.pointee) { return false }
                    return a < b
                }
                return order.map { finding($0).pointee }
            }
        }
    }
}
