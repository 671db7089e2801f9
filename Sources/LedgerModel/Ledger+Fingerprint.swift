
/// Every value of a ledger as lines of text, dictionaries sorted by key: two reads of a folder
/// agree exactly when their fingerprints are equal (the chunked-reading tests and the ledger
/// fuzz target compare a read split everywhere with a read in one piece).
package func fingerprint(_ ledger: Ledger) -> [String] {
    var lines: [String] = []
    lines += ledger.customers.map { "customer \($0)" }
    lines += ledger.orders.map { "order \($0)" }
    lines += ledger.orderLines.map { "order line \($0)" }
    // The summary by its text: where a text lies in the arena depends on how the file was cut
    // into chunks.
    lines += ledger.interactions.map { interaction in
        var shown = interaction
        shown.summary = .empty
        return "interaction \(shown) \(ledger.texts[interaction.summary] ?? "-")"
    }
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
