import Foundation
import LedgerModel

extension Validation {
    /// The text `portrait validate` prints: what was read, then findings grouped by rule with
    /// counts and the first `examples` of each.
    package func textReport(dataDirectory: String, examples: Int = 5) -> String {
        var lines: [String] = []
        lines.append("Read \(dataDirectory) (as of \(asOf)):")
        for source in tables {
            if source.files.isEmpty {
                let note = source.table == .customers && ledger.customersDerived ? "derived from orders: \(ledger.customers.count) customers" : "absent"
                lines.append("  \(source.table.rawValue): \(note)")
            } else {
                lines.append("  \(source.table.rawValue): \(source.files.joined(separator: ", ")), \(source.rows) rows, \(source.usedRows) used")
            }
        }
        let findings = quality.findings
        if findings.isEmpty {
            lines.append("No findings: every row and value was used.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("\(findings.count) findings: \(errorCount) errors, \(warningCount) warnings.")
        // Per rule its count and the positions of its first examples: not every finding copied.
        var byRule: [Rule: (count: Int, first: [Int])] = [:]
        for index in findings.indices {
            let rule = findings[index].rule
            var entry = byRule[rule] ?? (0, [])
            entry.count += 1
            if entry.first.count < examples { entry.first.append(index) }
            byRule[rule] = entry
        }
        for rule in Rule.allCases {
            guard let group = byRule[rule] else { continue }
            lines.append("")
            lines.append("\(rule.rawValue) (\(rule.severity.rawValue)): \(group.count)")
            for index in group.first {
                let finding = findings[index]
                lines.append("  \(finding.file):\(finding.line) \(finding.column): \(finding.message)")
            }
            if group.count > examples { lines.append("  … and \(group.count - examples) more") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON `portrait validate --format json` prints: every finding, for CI.
    package func jsonReport() throws -> String {
        struct Report: Encodable {
            var asOf: String
            var errors: Int
            var warnings: Int
            var tables: [String: Table]
            var counts: [String: Int]
            var findings: [Item]
            enum CodingKeys: String, CodingKey { case asOf = "as_of", errors, warnings, tables, counts, findings }
        }
        struct Table: Encodable {
            var files: [String]
            var rows: Int
            var used: Int
        }
        struct Item: Encodable {
            var table: String, file: String, line: Int, column: String, value: String
            var rule: String, severity: String, message: String
        }
        let report = Report(
            asOf: asOf.description, errors: errorCount, warnings: warningCount,
            tables: Dictionary(uniqueKeysWithValues: tables.map { ($0.table.rawValue, Table(files: $0.files, rows: $0.rows, used: $0.usedRows)) }),
            counts: Dictionary(uniqueKeysWithValues: quality.countsByRule.map { ($0.rule.rawValue, $0.count) }),
            findings: quality.findings.map {
                Item(table: $0.table.rawValue, file: $0.file, line: $0.line, column: $0.column, value: $0.value,
                     rule: $0.rule.rawValue, severity: $0.severity.rawValue, message: $0.message)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
