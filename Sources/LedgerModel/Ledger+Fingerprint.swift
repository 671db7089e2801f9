
/// Every value of a ledger as lines of text, dictionaries sorted by key: two reads of a folder
/// agree exactly when their fingerprints are equal (the chunked-reading tests and the ledger
/// fuzz target compare a read split everywhere with a read in one piece).
package func fingerprint(_ ledger: Ledger) -> [String] {
    var lines: [String] = []
    lines += ledger.customers.map { "customer \($0)" }
    lines += ledger.orders.map { "order \($0)" }
    lines += ledger.orderLines.map { "order line \($0)" }
    lines += ledger.interactions.map { "interaction \($0) \(ledger.texts[$0.summary] ?? "-")" }
    lines += ledger.reps.map { "rep \($0)" }
    lines += ledger.opportunities.map { "opportunity \($0)" }
    lines += ledger.strings.values.map { "string \($0)" }
    lines += ledger.customerExtraColumns.map { "extra column \($0)" }
    lines += ledger.customerIndex.sorted { $0.key < $1.key }.map { "customer index \($0.key) \($0.value)" }
    lines += ledger.repIndex.sorted { $0.key < $1.key }.map { "rep index \($0.key) \($0.value)" }
    lines += TableName.allCases.map { "source \(ledger.source($0))" }
    lines += ledger.completeness.sorted { $0.key < $1.key }.map { "completeness \($0.key) \($0.value)" }
    lines.append("chinese \(ledger.chineseHeaders), derived \(ledger.customersDerived), latest \(String(describing: ledger.latestActivity))")
    lines += ledger.findings.map { "finding \($0)" }
    lines += ledger.duplicateGroups.map { "duplicates \($0)" }
    return lines
}
