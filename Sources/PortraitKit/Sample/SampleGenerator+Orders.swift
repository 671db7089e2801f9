import Foundation
import LedgerModel

/// The activity of one customer, written right after its row; here its orders (line items,
/// refunds, cancellations, deals closed by a colleague).
extension SampleGenerator {
    static let channelCumulative: [Double] = cumulative([30, 10, 8, 12, 30, 3, 4, 3])      // Channel.allCases
    static let kindCumulative: [Double] = cumulative([45, 15, 6, 12, 10, 7, 5])            // InteractionKind.allCases
    static let buyerStageCumulative: [Double] = cumulative([8, 10, 12, 10, 45, 15])        // OpportunityStage.allCases
    static let prospectStageCumulative: [Double] = cumulative([25, 20, 15, 10, 0, 30])

    static func cumulative(_ weights: [Double]) -> [Double] {
        var total = 0.0
        return weights.map { total += $0; return total }
    }

    func writeActivity(of customer: SampleCustomer, anchor: Bool) throws {
        let buyer = anchor || rng.chance(0.70)
        if buyer { try writeOrders(of: customer, anchor: anchor) }
        let interactions: Int
        if buyer {
            interactions = 1 + Int(-log(max(rng.unit(), 1e-12)) * 13)
        } else {
            interactions = rng.chance(0.6) ? 1 + Int(-log(max(rng.unit(), 1e-12)) * 2) : 0
        }
        try writeInteractions(of: customer, count: min(interactions, 200), anchor: anchor)
        if rng.chance(buyer ? 0.35 : 0.30) {
            for _ in 0..<(1 + rng.below(buyer ? 3 : 2)) {
                try writeOpportunity(of: customer, buyer: buyer, anchor: anchor)
            }
        }
    }

    // MARK: Orders

    private func writeOrders(of customer: SampleCustomer, anchor: Bool) throws {
        let end = options.end
        let start = min(customer.created + rng.below(30), end)
        let stop = rng.chance(0.45) ? start + rng.below(end - start + 1) : end
        let count = min(80, 1 + Int(-log(max(rng.unit(), 1e-12)) * 5))
        var dates = (0..<count).map { _ in start + rng.below(stop - start + 1) }
        dates.sort()
        let w = ordersOut
        for date in dates {
            var defect = anchor ? nil : dirt.draw(.orders, &rng)
            if defect == .duplicateOrderID && earlierCleanOrder == nil { defect = .badStatus }
            var lines = 1
            if defect == nil {
                let roll = rng.unit()
                lines = roll < 0.8 ? 1 : roll < 0.95 ? 2 : 3 + rng.below(2)
            }
            let statusRoll = rng.unit()
            var status: OrderStatus = statusRoll < 0.92 ? .completed : statusRoll < 0.97 ? .refunded : .cancelled
            if defect == .negativeAmount { status = .completed }
            var ownerCell: String
            if rng.chance(0.15) {
                ownerCell = repID(otherRep(than: customer.owner))
            } else {
                ownerCell = rng.chance(0.75) ? repID(customer.owner) : ""
            }
            if defect == .orphanOrderOwner { ownerCell = orphanRepID() }
            let number: Int
            if defect == .duplicateOrderID, let earlier = earlierCleanOrder {
                number = earlier
            } else {
                orderNumber += 1
                number = orderNumber
            }
            let statusText = defect == .badStatus
                ? SampleVocabulary.unknownValue("status", options.locale)
                : SampleVocabulary.status(status, options.locale)
            for _ in 0..<lines {
                let product = SampleVocabulary.products[rng.skewed(SampleVocabulary.products.count)]
                let quantity = product.basePrice < 1000 ? 1 + rng.below(40) : 1 + rng.below(3)
                let raw = product.basePrice * Double(quantity).squareRoot() * customer.scale * rng.logNormal(mu: 0, sigma: 0.35)
                var cents = max(100, Int64((raw * 100).rounded()))
                if rng.chance(0.6) { cents = max(100, (cents / 100) * 100) }
                w.cell(prefix: Self.orderPrefix, number: number, width: 9)
                switch defect {
                case .orphanOrderCustomer?: w.cell(orphanCustomerID())
                default: w.cell(customer.id)
                }
                switch defect {
                case .badOrderDate?: w.cell(impossibleDate(near: date))
                case .futureOrderDate?: w.cell(futureDate(near: date))
                default: w.cell(dateBytes(date))
                }
                switch defect {
                case .missingAmount?: w.empty()
                case .badAmount?: w.cell(zh ? "12,34.50" : "1.234,50")
                case .negativeAmount?: w.cell(cents: -cents)
                default:
                    if zh && rng.chance(0.1) { w.cell(Self.yuan(cents)) } else { w.cell(cents: cents) }
                }
                w.cell(product.name)
                w.cell(product.category)
                if defect == .badQuantity { w.cell(String(quantity) + "件") } else { w.cell(int: quantity) }
                w.cell(statusText)
                w.cell(ownerCell)
                let line = try w.endRecord()
                if let defect { record(defect, line: line) }
            }
            if defect == nil { currentCleanOrder = number }
        }
    }

    static let orderPrefix = Array("SO".utf8)
    static let interactionPrefix = Array("HD".utf8)
    static let opportunityPrefix = Array("SJ".utf8)

    /// `¥12,345.60`, as Chinese spreadsheets often format money.
    static func yuan(_ cents: Int64) -> String {
        var whole = String(cents / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        let fraction = cents % 100
        return "¥" + whole + grouped + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
