import LedgerModel

/// The interactions of one customer: calls, visits, complaints, surveys over three years.
extension SampleGenerator {
    func writeInteractions(of customer: SampleCustomer, count: Int, anchor: Bool) throws {
        let end = options.end
        var moments: [(day: Day, minute: Int)] = (0..<count).map { _ in
            (customer.created + rng.below(end - customer.created + 1), 510 + rng.below(630))
        }
        // The anchor's last contact is on the end date itself, so that T = end.
        if anchor { moments.append((end, 990)) }
        moments.sort { ($0.day, $0.minute) < ($1.day, $1.minute) }
        let w = interactionsOut
        for moment in moments {
            let defect = anchor ? nil : dirt.draw(.interactions, &rng)
            var kind = InteractionKind.allCases[rng.weighted(Self.kindCumulative)]
            if defect == .badResolvedAt || defect == .futureResolvedAt { kind = .complaint }
            let channel = Channel.allCases[rng.weighted(Self.channelCumulative)]
            interactionNumber += 1
            w.cell(prefix: Self.interactionPrefix, number: interactionNumber, width: 10)
            switch defect {
            case .missingInteractionCustomer?: w.empty()
            case .orphanInteractionCustomer?: w.cell(orphanCustomerID())
            default: w.cell(customer.id)
            }
            switch defect {
            case .missingDate?: w.empty()
            case .badDate?: w.cell(parts: [Array(impossibleDate(near: moment.day).utf8), times[moment.minute]])
            case .futureDate?: w.cell(parts: [Array(futureDate(near: moment.day).utf8), times[moment.minute]])
            default: w.cell(parts: [dateBytes(moment.day), times[moment.minute]])
            }
            if defect == .badChannel {
                w.cell(SampleVocabulary.unknownValue("channel", options.locale))
            } else {
                w.cell(SampleVocabulary.channel(channel, options.locale))
            }
            if defect == .badKind {
                w.cell(SampleVocabulary.unknownValue("kind", options.locale))
            } else {
                w.cell(SampleVocabulary.kind(kind, options.locale))
            }
            let ownerRoll = rng.unit()
            if defect == .orphanInteractionOwner {
                w.cell(orphanRepID())
            } else if ownerRoll < 0.85 {
                w.cell(repID(customer.owner))
            } else if ownerRoll < 0.9 {
                w.cell(repID(otherRep(than: customer.owner)))
            } else {
                w.empty()
            }
            let rated = [.complaint, .service, .feedback, .survey].contains(kind) && rng.chance(0.6)
            switch defect {
            case .satisfactionOutOfRange?: w.cell(rng.chance(0.5) ? "0" : "7")
            case .badSatisfaction?: w.cell(rng.chance(0.5) ? "4.5" : (zh ? "满意" : "good"))
            default:
                if rated { w.cell(int: kind == .complaint ? 1 + rng.below(3) : 3 + rng.below(3)) } else { w.empty() }
            }
            switch defect {
            case .badResolvedAt?: w.cell(impossibleDate(near: moment.day))
            case .futureResolvedAt?: w.cell(parts: [Array(futureDate(near: moment.day).utf8), times[600]])
            case .futureDate?: w.empty()
            default:
                if (kind == .complaint || kind == .service) && rng.chance(0.75) {
                    let minutes = moment.minute + 60 + rng.below(120 * 60)
                    let day = moment.day + minutes / 1440
                    if day <= end { w.cell(parts: [dateBytes(day), times[minutes % 1440]]) } else { w.empty() }
                } else {
                    w.empty()
                }
            }
            writeSummary(kind: kind)
            let line = try w.endRecord()
            if let defect { record(defect, line: line) }
        }
    }

    private func writeSummary(kind: InteractionKind) {
        let roll = rng.unit()
        if roll < 0.1 {
            interactionsOut.empty()
        } else if roll < 0.11 {
            interactionsOut.cell(rng.pick(SampleVocabulary.quotedSummaries))
        } else {
            let fragments = SampleVocabulary.summaryBytes[InteractionKind.allCases.firstIndex(of: kind) ?? 0]
            if rng.chance(0.4) {
                interactionsOut.cell(parts: [rng.pick(fragments), Self.fullWidthComma, rng.pick(fragments)])
            } else {
                interactionsOut.cell(rng.pick(fragments))
            }
        }
    }

    static let fullWidthComma = Array("，".utf8)
}
