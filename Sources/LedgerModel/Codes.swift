/// Order status; a missing status counts as completed (metrics.md).
package enum OrderStatus: String, CaseIterable, Sendable {
    case completed, refunded, cancelled
    /// A value that matched nothing (`bad_value`): not a purchase, still shown on the portrait.
    case unknown
}

/// Interaction channel; an unmatched value is `other` after a `bad_value` finding.
package enum Channel: String, CaseIterable, Sendable, Comparable {
    case phone, email, meeting, visit, wechat, social, web, other
    package static func < (lhs: Channel, rhs: Channel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Interaction kind; an unmatched value is `other` after a `bad_value` finding.
package enum InteractionKind: String, CaseIterable, Sendable {
    case followUp = "follow_up", consultation, complaint, service, feedback, survey, other
}

/// Opportunity stage; an unmatched value is kept as nil and treated as open.
package enum OpportunityStage: String, CaseIterable, Sendable {
    case lead, qualified, proposal, negotiation, won, lost

    package var isClosed: Bool { self == .won || self == .lost }
}

package enum CustomerType: String, CaseIterable, Sendable {
    case company, individual
}

package enum Gender: String, CaseIterable, Sendable {
    case male, female
}
