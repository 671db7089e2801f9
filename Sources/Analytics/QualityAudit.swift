import LedgerModel

/// The data-quality audit: ingest's findings plus those that need T (`stale_record`), the
/// score, completeness and duplicate groups.
package enum QualityAudit {
    /// - Parameters:
    ///   - asOf: T; `stale_record` is `T − updated_at > staleDays`.
    /// - Complexity: O(customers + findings log findings).
    package static func audit(_ ledger: Ledger, asOf: Day, staleDays: Int) -> QualityReport {
        var findings = ledger.findings
        let files = ledger.source(.customers).files
        // By index: iterating the customers themselves would copy each one (a retain per string).
        let customers = ledger.customers
        for i in customers.indices {
            guard let updated = customers[i].updatedAt, asOf - updated > staleDays else { continue }
            let customer = customers[i]
            findings.append(Finding(
                table: .customers, file: files.isEmpty ? "" : files[Int(customer.file)],
                line: Int(customer.line), column: "updated_at", value: customer.updatedAtCell ?? updated.description,
                rule: .staleRecord,
                message: "Last updated \(updated), \(asOf - updated) days before \(asOf) (more than \(staleDays)); review this record."))
        }
        findings.sort(by: Finding.exportOrder)

        struct RowKey: Hashable { var file: String; var line: Int }
        let flagged = Set(findings.lazy.filter { $0.table == .customers }.map { RowKey(file: $0.file, line: $0.line) })
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
}
