import LedgerModel

/// How to read an ambiguous `NN/NN/YYYY` date.
package enum DateOrder: String, Sendable, CaseIterable {
    case ymd, mdy, dmy
}

/// The outcome of reading a satisfaction cell.
package enum SatisfactionValue: Equatable, Sendable {
    case score(Int)          // 1...5
    case outOfRange(Int)     // another integer: out_of_range, left out of every mean
    case bad                 // not an integer: bad_number
}

/// Parsers for every cell form of input-format.md "Values" and precise-rules.md.
///
/// Each takes the raw cell (untrimmed, unfolded) and returns nil when the value does not parse.
/// Callers check `isMissing` first.
package enum ValueParsers {
    /// Empty, NULL, N/A, NA, -, 无, #N/A after trimming, case-insensitively.
    package static func isMissing(_ cell: String) -> Bool { fatalError("TODO(helper)") }
    /// NFKC fold plus trim (ASCII whitespace, U+3000, NBSP, stray BOM).
    package static func fold(_ cell: String) -> String { fatalError("TODO(helper)") }
    package static func date(_ cell: String, order: DateOrder) -> LocalDateTime? { fatalError("TODO(helper)") }
    package static func amount(_ cell: String) -> Money? { fatalError("TODO(helper)") }
    package static func satisfaction(_ cell: String) -> SatisfactionValue { fatalError("TODO(helper)") }
    package static func orderStatus(_ cell: String) -> OrderStatus? { fatalError("TODO(helper)") }
    package static func channel(_ cell: String) -> Channel? { fatalError("TODO(helper)") }
    package static func interactionKind(_ cell: String) -> InteractionKind? { fatalError("TODO(helper)") }
    package static func stage(_ cell: String) -> OpportunityStage? { fatalError("TODO(helper)") }
    package static func customerType(_ cell: String) -> CustomerType? { fatalError("TODO(helper)") }
    package static func gender(_ cell: String) -> Gender? { fatalError("TODO(helper)") }
    /// The normalised phone for duplicate keys, or nil when it is not a valid phone.
    package static func phone(_ cell: String) -> String? { fatalError("TODO(helper)") }
    package static func isValidEmail(_ cell: String) -> Bool { fatalError("TODO(helper)") }
    /// NFKC, case-fold, no whitespace, legal-form suffixes stripped (precise-rules.md).
    package static func normalizedName(_ cell: String) -> String { fatalError("TODO(helper)") }
}
