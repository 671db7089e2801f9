import LedgerModel

/// The opportunities of one customer, in every stage, with created and closed dates.
extension SampleGenerator {
    func writeOpportunity(of customer: SampleCustomer, buyer: Bool, anchor: Bool) throws {
        let end = options.end
        var defect = anchor ? nil : dirt.draw(.opportunities, &rng)
        if defect == .duplicateOpportunityID && lastCleanOpportunity == nil { defect = .badStage }
        var stage = OpportunityStage.allCases[rng.weighted(buyer ? Self.buyerStageCumulative : Self.prospectStageCumulative)]
        let created = customer.created + rng.below(end - customer.created + 1)
        var closed: Day? = nil
        if stage.isClosed {
            let day = created + 7 + rng.below(150)
            if day <= end { closed = day } else { stage = .negotiation }
        }
        if defect == .badClosedAt && !stage.isClosed { stage = .won }
        if defect == .futureCreatedAt && stage.isClosed { stage = .proposal; closed = nil }

        let number: Int
        if defect == .duplicateOpportunityID, let earlier = lastCleanOpportunity {
            number = earlier
        } else {
            opportunityNumber += 1
            number = opportunityNumber
        }
        let w = opportunitiesOut
        w.cell(prefix: Self.opportunityPrefix, number: number, width: 8)
        if defect == .orphanOpportunityCustomer { w.cell(orphanCustomerID()) } else { w.cell(customer.id) }
        if defect == .orphanOpportunityOwner {
            w.cell(orphanRepID())
        } else if rng.chance(0.9) {
            w.cell(repID(customer.owner))
        } else {
            w.empty()
        }
        switch defect {
        case .missingStage?: w.empty()
        case .badStage?: w.cell(SampleVocabulary.unknownValue("stage", options.locale))
        default: w.cell(SampleVocabulary.stage(stage, options.locale))
        }
        if defect == .badOpportunityAmount {
            w.cell(zh ? "约5万" : "about 50k")
        } else if rng.chance(0.9) {
            let yuan = customer.scale * rng.logNormal(mu: 10.3, sigma: 0.7)
            w.cell(cents: max(1, Int64((yuan / 100).rounded())) * 10_000)
        } else {
            w.empty()
        }
        if defect == .futureCreatedAt { w.cell(futureDate(near: created)) } else { w.cell(dateBytes(created)) }
        if defect == .badClosedAt {
            w.cell(impossibleDate(near: created))
        } else if let closed {
            w.cell(dateBytes(closed))
        } else {
            w.empty()
        }
        let line = try w.endRecord()
        if let defect { record(defect, line: line) } else { lastCleanOpportunity = number }
    }
}
