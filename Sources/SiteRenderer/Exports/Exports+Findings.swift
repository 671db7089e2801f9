import Analytics
import LedgerModel

extension Exports {
    package static let findingColumns = ["table", "line", "column", "value", "rule", "severity", "message"]

    /// `findings.csv`: every finding in the audit's contract order (table, line, column, rule).
    ///
    /// `column`, `value` and `message` carry text from the data, so they get the injection guard.
    package static func findingsCSV(quality: QualityReport) -> [UInt8] {
        var table = CSVTable(header: findingColumns)
        for finding in quality.findings {
            table.append([
                .value(finding.table.rawValue), int(finding.line), .text(finding.column),
                .text(finding.value), .value(finding.rule.rawValue),
                .value(finding.severity.rawValue), .text(finding.message),
            ])
        }
        return table.bytes
    }
}
