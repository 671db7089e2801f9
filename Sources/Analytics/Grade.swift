/// The computed ABC grade (客户分级); customers with M = 0 have none (shown as 潜在 / prospect).
package enum Grade: String, CaseIterable, Sendable, Comparable {
    case a = "A", b = "B", c = "C"

    package static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Reads the ledger's own grade column: `A`/`VIP` → A, `B` → B, `C` → C, nil otherwise.
    ///
    /// Case-insensitive after trimming, and a trailing `级` or `类` is ignored (`A级`), because
    /// ledgers write grades that way; anything else (`D`, `重要`) is not an ABC grade.
    package init?(ledgerValue: String) {
        var text = ledgerValue.trimmingWhitespace().uppercased()
        if text.hasSuffix("级") || text.hasSuffix("类") { text.removeLast() }
        switch text {
        case "A", "VIP": self = .a
        case "B": self = .b
        case "C": self = .c
        default: return nil
        }
    }
}
