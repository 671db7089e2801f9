import LedgerModel

/// What a sample run wrote: data rows per table and exactly the findings the spec defines.
///
/// `portrait validate` on the written folder must report these findings and no others (as of
/// T = `SampleOptions.end`, run before 2040 so that the typo years of `future_date` stay future).
package struct SampleManifest: Sendable, Codable {
    /// Data rows (header excluded) per table.
    package var rows: [TableName: Int]
    /// Sorted in the order of `findings.csv`.
    package var expected: [ExpectedFinding]

    package init(rows: [TableName: Int], expected: [ExpectedFinding]) {
        self.rows = rows
        self.expected = expected
    }

    /// Findings per rule, every rule listed (zero when absent).
    package var countsByRule: [Rule: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Rule.allCases.map { ($0, 0) })
        for finding in expected { counts[finding.rule, default: 0] += 1 }
        return counts
    }
}
