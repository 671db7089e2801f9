import LedgerModel

/// One kind of injected defect: which cell of which table it spoils and the finding it must give.
///
/// Row-killing defects (`killsRow`) make the row unused; a customer row with one is written
/// without orders, interactions or opportunities, so that no orphan cascade follows.
enum SampleDefect: CaseIterable {
    // customers
    // (in the order they are dealt: the warnings first, so a small ledger shows each of them)
    case badPhone, badEmail, sharedPhone, sharedEmail, sharedName, staleRecord, orphanCustomerOwner
    case badType, badGender, futureUpdatedAt, badCreatedAt, missingName, missingCustomerID
    case duplicateCustomerID
    // orders
    case missingAmount, duplicateOrderID, badOrderDate, badAmount, badQuantity, negativeAmount
    case futureOrderDate, badStatus, orphanOrderCustomer, orphanOrderOwner
    // interactions
    case missingDate, missingInteractionCustomer, badDate, badResolvedAt, futureDate, futureResolvedAt
    case badChannel, badKind, satisfactionOutOfRange, badSatisfaction
    case orphanInteractionCustomer, orphanInteractionOwner
    // opportunities
    case missingStage, duplicateOpportunityID, badStage, badOpportunityAmount, badClosedAt
    case futureCreatedAt, orphanOpportunityCustomer, orphanOpportunityOwner
    // reps
    case badQuota, duplicateRepID

    var table: TableName {
        switch self {
        case .missingName, .missingCustomerID, .duplicateCustomerID, .badCreatedAt, .futureUpdatedAt,
             .badType, .badGender, .badPhone, .badEmail, .sharedPhone, .sharedEmail, .sharedName,
             .staleRecord, .orphanCustomerOwner:
            return .customers
        case .missingAmount, .duplicateOrderID, .badOrderDate, .badAmount, .badQuantity, .negativeAmount,
             .futureOrderDate, .badStatus, .orphanOrderCustomer, .orphanOrderOwner:
            return .orders
        case .missingDate, .missingInteractionCustomer, .badDate, .badResolvedAt, .futureDate,
             .futureResolvedAt, .badChannel, .badKind, .satisfactionOutOfRange, .badSatisfaction,
             .orphanInteractionCustomer, .orphanInteractionOwner:
            return .interactions
        case .missingStage, .duplicateOpportunityID, .badStage, .badOpportunityAmount, .badClosedAt,
             .futureCreatedAt, .orphanOpportunityCustomer, .orphanOpportunityOwner:
            return .opportunities
        case .badQuota, .duplicateRepID:
            return .reps
        }
    }

    /// The canonical column and rule of the one finding this defect gives.
    var finding: (column: String, rule: Rule) {
        switch self {
        case .missingName: return ("name", .missingRequired)
        case .missingCustomerID: return ("customer_id", .missingRequired)
        case .duplicateCustomerID: return ("customer_id", .duplicateID)
        case .badCreatedAt: return ("created_at", .badDate)
        case .futureUpdatedAt: return ("updated_at", .futureDate)
        case .badType: return ("type", .badValue)
        case .badGender: return ("gender", .badValue)
        case .badPhone: return ("phone", .badPhone)
        case .badEmail: return ("email", .badEmail)
        case .sharedPhone: return ("phone", .probableDuplicate)
        case .sharedEmail: return ("email", .probableDuplicate)
        case .sharedName: return ("name", .probableDuplicate)
        case .staleRecord: return ("updated_at", .staleRecord)
        case .orphanCustomerOwner: return ("owner_id", .orphanReference)
        case .missingAmount: return ("amount", .missingRequired)
        case .duplicateOrderID: return ("order_id", .duplicateID)
        case .badOrderDate: return ("order_date", .badDate)
        case .badAmount: return ("amount", .badNumber)
        case .badQuantity: return ("quantity", .badNumber)
        case .negativeAmount: return ("amount", .outOfRange)
        case .futureOrderDate: return ("order_date", .futureDate)
        case .badStatus: return ("status", .badValue)
        case .orphanOrderCustomer: return ("customer_id", .orphanReference)
        case .orphanOrderOwner: return ("owner_id", .orphanReference)
        case .missingDate: return ("date", .missingRequired)
        case .missingInteractionCustomer: return ("customer_id", .missingRequired)
        case .badDate: return ("date", .badDate)
        case .badResolvedAt: return ("resolved_at", .badDate)
        case .futureDate: return ("date", .futureDate)
        case .futureResolvedAt: return ("resolved_at", .futureDate)
        case .badChannel: return ("channel", .badValue)
        case .badKind: return ("kind", .badValue)
        case .satisfactionOutOfRange: return ("satisfaction", .outOfRange)
        case .badSatisfaction: return ("satisfaction", .badNumber)
        case .orphanInteractionCustomer: return ("customer_id", .orphanReference)
        case .orphanInteractionOwner: return ("owner_id", .orphanReference)
        case .missingStage: return ("stage", .missingRequired)
        case .duplicateOpportunityID: return ("opportunity_id", .duplicateID)
        case .badStage: return ("stage", .badValue)
        case .badOpportunityAmount: return ("amount", .badNumber)
        case .badClosedAt: return ("closed_at", .badDate)
        case .futureCreatedAt: return ("created_at", .futureDate)
        case .orphanOpportunityCustomer: return ("customer_id", .orphanReference)
        case .orphanOpportunityOwner: return ("owner_id", .orphanReference)
        case .badQuota: return ("quota", .badNumber)
        case .duplicateRepID: return ("rep_id", .duplicateID)
        }
    }

    /// The row is not used (and a customer row gets no dependents).
    var killsRow: Bool {
        switch self {
        case .missingName, .missingCustomerID, .duplicateCustomerID, .missingAmount, .duplicateOrderID,
             .badOrderDate, .badAmount, .missingDate, .missingInteractionCustomer, .badDate,
             .missingStage, .duplicateOpportunityID, .duplicateRepID:
            return true
        default:
            return false
        }
    }
}
