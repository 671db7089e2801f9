import LedgerModel

/// The per-customer portrait figures of metrics.md, from the purchases and interactions up to T.
enum CustomerPortraits {
    /// Fills every portrait figure; scores, segment, grade and stage are left to later passes.
    ///
    /// Returns the figures and the channel mix, a flat array of `Channel.allCases.count` counts
    /// per customer.
    /// - Complexity: O(customers + purchases + order lines + interactions + opportunities); the
    ///   only sort is each customer's own category lines.
    static func compute(ledger: Ledger, settings: AnalysisSettings, activity: Activity)
        -> (figures: [CustomerFigures], channelMix: [Int32]) {
        let asOf = settings.asOf
        let count = ledger.customers.count
        var figures = [CustomerFigures](repeating: CustomerFigures(), count: count)

        for (index, customer) in ledger.customers.enumerated() {
            if let created = customer.createdAt, created <= asOf {
                figures[index].tenureDays = Int32(asOf - created)
            }
        }

        for purchase in activity.purchases where purchase.customer >= 0 {
            let c = Int(purchase.customer)
            let d = purchase.date
            figures[c].orders += 1
            figures[c].revenue.micros += purchase.amount
            if let first = figures[c].firstOrder, first <= d {
                if figures[c].secondOrder.map({ d < $0 }) ?? true { figures[c].secondOrder = d }
            } else {
                figures[c].secondOrder = figures[c].firstOrder
                figures[c].firstOrder = d
            }
            if figures[c].lastOrder.map({ $0 < d }) ?? true { figures[c].lastOrder = d }
            if settings.period.contains(d) {
                figures[c].revenuePeriod.micros += purchase.amount
                figures[c].ordersPeriod += 1
            }
        }
        for c in 0..<count {
            if let last = figures[c].lastOrder { figures[c].recencyDays = Int32(asOf - last) }
        }

        let channels = Channel.allCases
        let channelCount = channels.count
        var channelMix = [Int32](repeating: 0, count: count * channelCount)
        let window = settings.followUpWindow
        for interaction in ledger.interactions where interaction.customer >= 0 {
            let day = interaction.date.day
            guard day <= asOf else { continue }
            let c = Int(interaction.customer)
            figures[c].interactions += 1
            if figures[c].lastContact.map({ $0 < day }) ?? true { figures[c].lastContact = day }
            if let channel = interaction.channel {
                channelMix[c * channelCount + CustomerPortraits.channelSlot(channel)] += 1
            }
            if interaction.kind == .complaint {
                figures[c].complaints += 1
                if CustomerPortraits.isOpen(interaction, asOf: asOf) { figures[c].openComplaints += 1 }
            }
            if interaction.satisfaction >= 1 && interaction.satisfaction <= 5 {
                figures[c].satisfactionSum += Int32(interaction.satisfaction)
                figures[c].satisfactionCount += 1
            }
            if window.contains(day) { figures[c].contactedRecently = true }
        }

        // Alphabetical order of the channel codes, for the tie rule of preferred_channel.
        let byCode = channels.indices.sorted { channels[$0].rawValue.codePointPrecedes(channels[$1].rawValue) }
        for c in 0..<count {
            if let last = figures[c].lastContact { figures[c].daysSinceContact = Int32(asOf - last) }
            var best = -1
            var bestCount: Int32 = 0
            for slot in byCode where channelMix[c * channelCount + slot] > bestCount {
                best = slot
                bestCount = channelMix[c * channelCount + slot]
            }
            if best >= 0 { figures[c].preferredChannel = channels[best] }
        }

        for opportunity in ledger.opportunities where opportunity.customer >= 0 {
            if let created = opportunity.createdAt, created > asOf { continue }
            figures[Int(opportunity.customer)].hasOpportunity = true
        }

        assignTopCategories(&figures, ledger: ledger, asOf: asOf, activity: activity)
        return (figures, channelMix)
    }

    /// The slot of a channel in the flat channel-mix array (`Channel.allCases` order).
    static func channelSlot(_ channel: Channel) -> Int {
        Channel.allCases.firstIndex(of: channel) ?? 0
    }

    /// Open complaint: resolved_at missing, bad or after T.
    static func isOpen(_ interaction: Interaction, asOf: Day) -> Bool {
        guard let resolved = interaction.resolvedAt else { return true }
        return resolved.day > asOf
    }

    /// `top_category`: the category with the most purchase revenue, each line weighted by its
    /// amount; ties go to the name first in code-point order. Only categories whose revenue is
    /// positive qualify.
    ///
    /// - Complexity: a counting sort of the purchase lines by customer, then a sort of each
    ///   customer's own lines; O(lines + strings log strings).
    static func assignTopCategories(_ figures: inout [CustomerFigures], ledger: Ledger, asOf: Day,
                                    activity: Activity) {
        let names = ledger.strings.values
        guard !names.isEmpty else { return }
        // Rank of each string in code-point order, so the tie rule is an integer compare.
        let order = names.indices.sorted { names[$0].codePointPrecedes(names[$1]) }
        var rank = [Int32](repeating: 0, count: names.count)
        for (position, id) in order.enumerated() { rank[id] = Int32(position) }

        var starts = [Int32](repeating: 0, count: figures.count + 1)
        for purchase in activity.purchases where purchase.customer >= 0 {
            for lineIndex in ledger.orders[Int(purchase.order)].lines {
                let line = ledger.orderLines[Int(lineIndex)]
                if line.date <= asOf && line.category >= 0 && Int(line.category) < names.count {
                    starts[Int(purchase.customer) + 1] += 1
                }
            }
        }
        guard starts.contains(where: { $0 > 0 }) else { return }
        for c in 0..<figures.count { starts[c + 1] += starts[c] }
        var fill = starts
        var lines = [(rank: Int32, amount: Int64)](repeating: (0, 0), count: Int(starts[figures.count]))
        for purchase in activity.purchases where purchase.customer >= 0 {
            for lineIndex in ledger.orders[Int(purchase.order)].lines {
                let line = ledger.orderLines[Int(lineIndex)]
                if line.date <= asOf && line.category >= 0 && Int(line.category) < names.count {
                    let c = Int(purchase.customer)
                    lines[Int(fill[c])] = (rank[Int(line.category)], line.amount.micros)
                    fill[c] += 1
                }
            }
        }
        for c in 0..<figures.count where starts[c + 1] > starts[c] {
            let slice = Int(starts[c])..<Int(starts[c + 1])
            lines[slice].sort { $0.rank < $1.rank }
            var bestRank: Int32 = -1
            var bestAmount: Int64 = 0
            var i = slice.lowerBound
            while i < slice.upperBound {
                let current = lines[i].rank
                var sum: Int64 = 0
                while i < slice.upperBound && lines[i].rank == current {
                    sum += lines[i].amount
                    i += 1
                }
                if sum > bestAmount {
                    bestAmount = sum
                    bestRank = current
                }
            }
            if bestRank >= 0 { figures[c].topCategory = Int32(order[Int(bestRank)]) }
        }
    }
}
