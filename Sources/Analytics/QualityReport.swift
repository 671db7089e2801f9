import LedgerModel

/// The data-quality audit: every finding (ingest's and the audit's own), the score and the
/// completeness of the customers table.
package struct QualityReport: Sendable {
    /// All findings in the contract order of `findings.csv` (table, line, column, rule).
    package var findings: [Finding]
    /// Customer rows (used or not) with no finding in the customers table.
    package var cleanCustomerRows: Int
    /// All customer rows read.
    package var customerRows: Int
    /// Canonical customers columns present in the input, each with the rows where it is filled.
    package var completeness: [(column: String, filled: Int)]
    /// Groups of probable duplicates: customer ids, first row first.
    package var duplicateGroups: [[String]]

    package init(findings: [Finding], cleanCustomerRows: Int, customerRows: Int,
                 completeness: [(column: String, filled: Int)], duplicateGroups: [[String]]) {
        self.findings = findings
        self.cleanCustomerRows = cleanCustomerRows
        self.customerRows = customerRows
        self.completeness = completeness
        self.duplicateGroups = duplicateGroups
    }

    /// `quality_score`: clean customer rows ÷ all customer rows; nil when there are none.
    package var score: Double? {
        customerRows == 0 ? nil : Double(cleanCustomerRows) / Double(customerRows)
    }

    /// Findings whose rule is an error; the rest are warnings.
    package var errorCount: Int {
        var errors = 0
        for index in findings.indices where findings[index].rule.severity == .error { errors += 1 }
        return errors
    }

    /// Findings per rule, every rule listed (zero counts included).
    package var countsByRule: [(rule: Rule, count: Int)] {
        var counts = [Rule: Int]()
        // By index: iterating the findings themselves would copy each one (a retain per string).
        for index in findings.indices { counts[findings[index].rule, default: 0] += 1 }
        return Rule.allCases.map { ($0, counts[$0] ?? 0) }
    }
}
