import Analytics
import LedgerModel

extension Exports {
    package static let findingColumns = ["table", "line", "column", "value", "rule", "severity", "message"]

    /// `findings.csv`: every finding in the audit's contract order (table, line, column, rule).
    ///
    /// `column`, `value` and `message` carry text from the data, so they get the injection guard.
    package static func findingsCSV(quality: QualityReport) -> [UInt8] {
        var table = CSVTable(header: findingColumns)
        // Cell by cell and by index: a row array per finding, and a copy of each finding (a
        // retain per string), were most of the export's time at a million findings.
        let findings = quality.findings
        for index in findings.indices {
            table.value(findings[index].table.rawValue)
            table.integer(findings[index].line)
            table.text(findings[index].column)
            table.text(findings[index].value)
            table.value(findings[index].rule.rawValue)
            table.value(findings[index].severity.rawValue)
            table.text(findings[index].message)
            table.endRow()
        }
        return table.bytes
    }
}
