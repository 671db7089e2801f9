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
        let channels = Channel.allCases
        let width = channels.count
        var channelMix = [Int32](repeating: 0, count: count * width)
        // Unsafe buffers: these loops touch ten million rows, and a checked, uniquely-referenced
        // array write per field would cost more than the arithmetic.
        figures.withUnsafeMutableBufferPointer { fig in
            for i in 0..<count {
                if let created = ledger.customers[i].createdAt, created <= asOf {
                    fig[i].tenureDays = Int32(asOf - created)
                }
            }

            activity.purchases.withUnsafeBufferPointer { purchases in
                for p in purchases.indices where purchases[p].customer >= 0 {
                    let c = Int(purchases[p].customer)
                    let d = purchases[p].date
                    let amount = purchases[p].amount
                    fig[c].orders += 1
                    fig[c].revenue.micros += amount
                    if let first = fig[c].firstOrder, first <= d {
                        if fig[c].secondOrder.map({ d < $0 }) ?? true { fig[c].secondOrder = d }
                    } else {
                        fig[c].secondOrder = fig[c].firstOrder
                        fig[c].firstOrder = d
                    }
                    if fig[c].lastOrder.map({ $0 < d }) ?? true { fig[c].lastOrder = d }
                    if settings.period.contains(d) {
                        fig[c].revenuePeriod.micros += amount
                        fig[c].ordersPeriod += 1
                    }
                }
            }

            let window = settings.followUpWindow
            channelMix.withUnsafeMutableBufferPointer { mix in
                ledger.interactions.withUnsafeBufferPointer { rows in
                    for i in rows.indices where rows[i].customer >= 0 && Int(rows[i].customer) < count {
                        let day = rows[i].date.day
                        guard day <= asOf else { continue }
                        let c = Int(rows[i].customer)
                        fig[c].interactions += 1
                        if fig[c].lastContact.map({ $0 < day }) ?? true { fig[c].lastContact = day }
                        if let channel = rows[i].channel {
                            mix[c * width + CustomerPortraits.channelSlot(channel)] += 1
                        }
                        if rows[i].kind == .complaint {
                            fig[c].complaints += 1
                            if CustomerPortraits.isOpen(rows[i].resolvedAt, asOf: asOf) {
                                fig[c].openComplaints += 1
                            }
                        }
                        let satisfaction = rows[i].satisfaction
                        if satisfaction >= 1 && satisfaction <= 5 {
                            fig[c].satisfactionSum += Int32(satisfaction)
                            fig[c].satisfactionCount += 1
                        }
                        if window.contains(day) { fig[c].contactedRecently = true }
                    }
                }

                // Alphabetical order of the channel codes, for the tie rule of preferred_channel.
                let byCode = channels.indices.sorted {
                    channels[$0].rawValue.codePointPrecedes(channels[$1].rawValue)
                }
                for c in 0..<count {
                    if let last = fig[c].lastOrder { fig[c].recencyDays = Int32(asOf - last) }
                    if let last = fig[c].lastContact { fig[c].daysSinceContact = Int32(asOf - last) }
                    var best = -1
                    var bestCount: Int32 = 0
                    for slot in byCode where mix[c * width + slot] > bestCount {
                        best = slot
                        bestCount = mix[c * width + slot]
                    }
                    if best >= 0 { fig[c].preferredChannel = channels[best] }
                }
            }

            for i in ledger.opportunities.indices
            where ledger.opportunities[i].customer >= 0 && Int(ledger.opportunities[i].customer) < count {
                if let created = ledger.opportunities[i].createdAt, created > asOf { continue }
                fig[Int(ledger.opportunities[i].customer)].hasOpportunity = true
            }
        }

        assignTopCategories(&figures, ledger: ledger, asOf: asOf, activity: activity)
        return (figures, channelMix)
    }

    /// The slot of a channel in the flat channel-mix array (`Channel.allCases` order).
    @inline(__always)
    static func channelSlot(_ channel: Channel) -> Int {
        switch channel {
        case .phone: 0
        case .email: 1
        case .meeting: 2
        case .visit: 3
        case .wechat: 4
        case .social: 5
        case .web: 6
        case .other: 7
        }
    }

    /// Open complaint: resolved_at missing, bad or after T.
    static func isOpen(_ resolvedAt: LocalDateTime?, asOf: Day) -> Bool {
        guard let resolved = resolvedAt else { return true }
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
