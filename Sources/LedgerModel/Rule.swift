/// A data-quality rule of metrics.md; its raw value is the code in exports and JSON.
package enum Rule: String, CaseIterable, Sendable, Codable, Comparable {
    case missingRequired = "missing_required"
    case duplicateID = "duplicate_id"
    case orphanReference = "orphan_reference"
    case badDate = "bad_date"
    case badNumber = "bad_number"
    case outOfRange = "out_of_range"
    case futureDate = "future_date"
    case badValue = "bad_value"
    case badPhone = "bad_phone"
    case badEmail = "bad_email"
    case probableDuplicate = "probable_duplicate"
    case staleRecord = "stale_record"

    package var severity: Severity {
        switch self {
        case .missingRequired, .duplicateID, .orphanReference, .badDate, .badNumber: .error
        default: .warning
        }
    }

    package static func < (lhs: Rule, rhs: Rule) -> Bool { lhs.rawValue < rhs.rawValue }
}

package enum Severity: String, Sendable, Codable {
    case error, warning
}
