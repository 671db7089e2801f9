import LedgerModel

/// What a finding test asserts: the rule, table, line and column, written compactly as
/// `"customers:7 phone bad_phone"` so an expected list reads like the findings table.
package struct FindingKey: Hashable, CustomStringConvertible, Sendable {
    package var text: String

    package init(_ text: String) { self.text = text }

    package init(_ finding: Finding) {
        text = "\(finding.table.rawValue):\(finding.line) \(finding.column) \(finding.rule.rawValue)"
    }

    package var description: String { text }
}

extension Array where Element == Finding {
    /// The findings as keys, in their order.
    package var keys: [FindingKey] { map(FindingKey.init) }
}
