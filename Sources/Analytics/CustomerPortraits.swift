import LedgerModel

/// The per-customer portrait figures of metrics.md, from the purchases and interactions up to T.
enum CustomerPortraits {
    /// Fills every portrait figure but the top category (``topCategories(ledger:asOf:activity:)``,
    /// which runs beside); scores, segment, grade and stage are left to later passes, and
    /// `tenureDays` comes from ``CustomerColumns``.
    ///
    /// Returns the figures; the channel mix, a flat array of `Channel.allCases.count` counts
    /// per customer; and the interactions and opportunities dated after T, counted on the way
    /// (the rest of `rows_after_as_of`, beside ``Activity/orderRowsAfterAsOf``).
    /// - Complexity: one pass over the purchases, the interactions, the opportunities and the
    ///   customers each; no sort.
    static func compute(ledger: Ledger, settings: AnalysisSettings, activity: Activity,
                        tenureDays: [Int32?])
        -> (figures: [CustomerFigures], channelMix: [Int32], laterRows: Int) {
        let asOf = settings.asOf
        let count = ledger.customers.count
        var figures = [CustomerFigures](repeating: CustomerFigures(), count: count)
        let channels = Channel.allCases
        let width = channels.count
        var channelMix = [Int32](repeating: 0, count: count * width)
        var later = 0
        // Unsafe buffers: these loops touch ten million rows, and a checked, uniquely-referenced
        // array write per field would cost more than the arithmetic. Dates compare as raw day
        // numbers, since `Day`'s operators (LedgerModel) are calls here, not inlined.
        figures.withUnsafeMutableBufferPointer { fig in

            activity.purchases.withUnsafeBufferPointer { purchases in
                for p in purchases.indices where purchases[p].customer >= 0 {
                    let c = Int(purchases[p].customer)
                    let d = purchases[p].date
                    let amount = purchases[p].amount
                    fig[c].orders += 1
                    fig[c].revenue.micros += amount
                    if let first = fig[c].firstOrder, first.raw <= d.raw {
                        if fig[c].secondOrder.map({ d.raw < $0.raw }) ?? true { fig[c].secondOrder = d }
                    } else {
                        fig[c].secondOrder = fig[c].firstOrder
                        fig[c].firstOrder = d
                    }
                    if fig[c].lastOrder.map({ $0.raw < d.raw }) ?? true { fig[c].lastOrder = d }
                    if settings.period.contains(d) {
                        fig[c].revenuePeriod.micros += amount
                        fig[c].ordersPeriod += 1
                    }
                }
            }

            let window = settings.followUpWindow
            channelMix.withUnsafeMutableBufferPointer { mix in
                ledger.interactions.withUnsafeBufferPointer { rows in
                    for i in rows.indices {
                        let day = rows[i].date.day
                        guard day.raw <= asOf.raw else {
                            later += 1
                            continue
                        }
                        guard rows[i].customer >= 0 && Int(rows[i].customer) < count else { continue }
                        let c = Int(rows[i].customer)
                        fig[c].interactions += 1
                        if fig[c].lastContact.map({ $0.raw < day.raw }) ?? true { fig[c].lastContact = day }
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
                    fig[c].tenureDays = tenureDays[c]
                    if let last = fig[c].lastOrder { fig[c].recencyDays = asOf.raw - last.raw }
                    if let last = fig[c].lastContact { fig[c].daysSinceContact = asOf.raw - last.raw }
                    var best = -1
                    var bestCount: Int32 = 0
                    for slot in byCode where mix[c * width + slot] > bestCount {
                        best = slot
                        bestCount = mix[c * width + slot]
                    }
                    if best >= 0 { fig[c].preferredChannel = channels[best] }
                }
            }

            for i in ledger.opportunities.indices {
                if let created = ledger.opportunities[i].createdAt, created.raw > asOf.raw {
                    later += 1
                    continue
                }
                let c = ledger.opportunities[i].customer
                if c >= 0 && Int(c) < count { fig[Int(c)].hasOpportunity = true }
            }
        }

        return (figures, channelMix, later)
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
        return resolved.day.raw > asOf.raw
    }

    /// `top_category`: the category with the most purchase revenue, each line weighted by its
    /// amount; ties go to the name first in code-point order. Only categories whose revenue is
    /// positive qualify. One category id per customer, -1 for none.
    ///
    /// - Complexity: a counting sort of the purchases by customer (4 bytes a purchase), then one
    ///   pass summing each customer's lines per category in a scratch array;
    ///   O(purchases + lines + strings log strings).
    static func topCategories(ledger: Ledger, asOf: Day, activity: Activity) -> [Int32] {
        let count = ledger.customers.count
        var top = [Int32](repeating: -1, count: count)
        let names = ledger.strings.values
        guard !names.isEmpty else { return top }
        // Rank of each string in code-point order, so the tie rule is an integer compare.
        let order = names.indices.sorted { names[$0].codePointPrecedes(names[$1]) }
        var rank = [Int32](repeating: 0, count: names.count)
        for (position, id) in order.enumerated() { rank[id] = Int32(position) }

        var starts = [Int32](repeating: 0, count: count + 1)
        var grouped: [Int32] = []
        activity.purchases.withUnsafeBufferPointer { purchases in
            for purchase in purchases where purchase.customer >= 0 { starts[Int(purchase.customer) + 1] += 1 }
            for c in 0..<count { starts[c + 1] += starts[c] }
            var fill = starts
            grouped = [Int32](repeating: 0, count: Int(starts[count]))
            for p in purchases.indices where purchases[p].customer >= 0 {
                let c = Int(purchases[p].customer)
                grouped[Int(fill[c])] = Int32(p)
                fill[c] += 1
            }
        }

        // Per customer: sums by rank; `stamp` marks the ranks this customer has touched.
        var sums = [Int64](repeating: 0, count: names.count)
        var stamp = [Int32](repeating: -1, count: names.count)
        var touched: [Int32] = []
        top.withUnsafeMutableBufferPointer { top in
            activity.purchases.withUnsafeBufferPointer { purchases in
                ledger.orders.withUnsafeBufferPointer { orders in
                    ledger.orderLines.withUnsafeBufferPointer { lines in
                        for c in 0..<count where starts[c + 1] > starts[c] {
                            touched.removeAll(keepingCapacity: true)
                            for k in Int(starts[c])..<Int(starts[c + 1]) {
                                let purchase = purchases[Int(grouped[k])]
                                for lineIndex in orders[Int(purchase.order)].lines {
                                    let line = lines[Int(lineIndex)]
                                    guard line.date.raw <= asOf.raw && line.category >= 0
                                        && Int(line.category) < names.count else { continue }
                                    let r = Int(rank[Int(line.category)])
                                    if stamp[r] != Int32(c) {
                                        stamp[r] = Int32(c)
                                        sums[r] = 0
                                        touched.append(Int32(r))
                                    }
                                    sums[r] += line.amount.micros
                                }
                            }
                            var bestRank = -1
                            var bestAmount: Int64 = 0
                            for r in touched {
                                let sum = sums[Int(r)]
                                if sum > bestAmount || (sum == bestAmount && bestRank >= 0 && Int(r) < bestRank) {
                                    bestAmount = sum
                                    bestRank = Int(r)
                                }
                            }
                            if bestRank >= 0 { top[c] = Int32(order[bestRank]) }
                        }
                    }
                }
            }
        }
        return top
    }
}
