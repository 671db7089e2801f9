import LedgerModel

/// Per-rep and per-team performance (metrics.md "Team performance", precise-rules.md "Team
/// crediting").
enum TeamPerformance {
    /// Credits every purchase, interaction and opportunity up to T to its rep: the part that
    /// needs no customer figures, so it runs beside the portraits. ``finish(_:ledger:settings:activity:figures:idsAscending:)``
    /// adds the owned customers, ranks the reps and sums them per team.
    /// - Complexity: one pass over purchases, interactions and opportunities each.
    static func credit(ledger: Ledger, settings: AnalysisSettings, activity: Activity) -> [RepFigures] {
        let asOf = settings.asOf
        let period = settings.period
        var reps = ledger.reps.indices.map { RepFigures(rep: Int32($0)) }
        for (i, rep) in ledger.reps.enumerated() {
            if let quota = rep.quota, quota > .zero { reps[i].figures.quota = quota }
        }
        guard !reps.isEmpty else { return [] }

        // The counts of the two big passes in one flat array, `slots` a rep, added to the reps at
        // the end: a write into `reps[r].figures` checks the array's uniqueness each time.
        let slots = 8
        let revenue = 0, orders = 1, revenuePrevious = 2, interactions = 3,
            satisfactionSum = 4, satisfactionCount = 5, complaints = 6, openComplaints = 7
        var counts = [Int64](repeating: 0, count: reps.count * slots)
        let previous = settings.previousPeriod
        let repCount = reps.count
        counts.withUnsafeMutableBufferPointer { counts in
            activity.purchases.withUnsafeBufferPointer { purchases in
                for purchase in purchases {
                    let r = Int(activity.rep(of: purchase))
                    guard r >= 0 else { continue }
                    if period.contains(purchase.date) {
                        counts[r * slots + revenue] += purchase.amount
                        counts[r * slots + orders] += 1
                    } else if previous.contains(purchase.date) {
                        counts[r * slots + revenuePrevious] += purchase.amount
                    }
                }
            }

            ledger.interactions.withUnsafeBufferPointer { rows in
                for i in rows.indices where rows[i].date.day.raw <= asOf.raw {
                    let r = Int(activity.credited(rows[i].owner, customer: rows[i].customer,
                                                  repCount: repCount))
                    guard r >= 0 else { continue }
                    let day = rows[i].date.day
                    let inPeriod = period.contains(day)
                    if inPeriod {
                        counts[r * slots + interactions] += 1
                        let satisfaction = rows[i].satisfaction
                        if satisfaction >= 1 && satisfaction <= 5 {
                            counts[r * slots + satisfactionSum] += Int64(satisfaction)
                            counts[r * slots + satisfactionCount] += 1
                        }
                    }
                    guard rows[i].kind == .complaint else { continue }
                    if let resolved = rows[i].resolvedAt, resolved.day.raw <= asOf.raw {
                        if inPeriod {
                            reps[r].figures.resolutionSeconds.append(resolved.seconds - rows[i].date.seconds)
                        }
                    } else {
                        counts[r * slots + openComplaints] += 1
                    }
                    if inPeriod { counts[r * slots + complaints] += 1 }
                }
            }
        }
        for r in reps.indices {
            let c = counts[(r * slots)..<(r * slots + slots)]
            reps[r].figures.revenuePeriod.micros += c[c.startIndex + revenue]
            reps[r].figures.ordersPeriod += Int(c[c.startIndex + orders])
            reps[r].figures.revenuePrevious.micros += c[c.startIndex + revenuePrevious]
            reps[r].figures.interactionsPeriod += Int(c[c.startIndex + interactions])
            reps[r].figures.satisfactionSum += Int(c[c.startIndex + satisfactionSum])
            reps[r].figures.satisfactionCount += Int(c[c.startIndex + satisfactionCount])
            reps[r].figures.complaints += Int(c[c.startIndex + complaints])
            reps[r].figures.openComplaints += Int(c[c.startIndex + openComplaints])
        }

        for opportunity in ledger.opportunities {
            if let created = opportunity.createdAt, created.raw > asOf.raw { continue }
            let r = Int(activity.credited(opportunity.owner, customer: opportunity.customer,
                                          repCount: repCount))
            guard r >= 0 else { continue }
            guard let stage = opportunity.stage, stage.isClosed else {
                reps[r].figures.openPipeline += opportunity.amount ?? .zero
                continue
            }
            guard let closed = opportunity.closedAt, closed.raw <= asOf.raw, period.contains(closed) else { continue }
            if stage == .won {
                reps[r].figures.won += 1
                if let created = opportunity.createdAt {
                    reps[r].figures.cycleDays.append(Int32(closed - created))
                }
            } else {
                reps[r].figures.lost += 1
            }
        }

        return reps
    }

    /// Adds each rep's owned customers and action list, ranks the reps and sums them per team.
    ///
    /// With `idsAscending` (``CustomerColumns/idsAscending``) revenue ties on an action list are
    /// broken by index, the same order as by id.
    /// - Complexity: one pass over the customers, plus sorts of the reps and of each rep's
    ///   action list.
    static func finish(_ credited: [RepFigures], ledger: Ledger, settings: AnalysisSettings,
                       activity: Activity, figures: [CustomerFigures],
                       idsAscending: Bool) -> (reps: [RepFigures], teams: [TeamFigures]) {
        var reps = credited
        guard !reps.isEmpty else { return ([], []) }
        let period = settings.period
        let asOf = settings.asOf.raw
        let atRiskDays = settings.thresholds.atRiskDays
        figures.withUnsafeBufferPointer { fig in
            for i in fig.indices {
                let r = Int(activity.ownerRep[i])
                guard r >= 0 else { continue }
                let f = fig[i]
                reps[r].figures.customers += 1
                // tenure = T − created_at, set exactly when created_at ≤ T.
                if let tenure = f.tenureDays, period.contains(Day(raw: asOf - tenure)) {
                    reps[r].figures.newCustomers += 1
                }
                if f.orders > 0, let recency = f.recencyDays, Int(recency) <= atRiskDays {
                    reps[r].figures.activeCustomers += 1
                }
                if f.contactedRecently { reps[r].figures.contactedCustomers += 1 }
                if f.stage == .atRisk && !f.contactedRecently {
                    reps[r].figures.overdueFollowUps += 1
                    reps[r].overdue.append(Int32(i))
                }
            }
        }

        for r in reps.indices {
            if reps[r].figures.quota != nil {
                reps[r].figures.revenueWithQuota = reps[r].figures.revenuePeriod
            }
            reps[r].overdue.sort { a, b in
                let ma = figures[Int(a)].revenue, mb = figures[Int(b)].revenue
                if ma != mb { return mb < ma }
                if idsAscending { return a < b }
                return ledger.customers[Int(a)].id.codePointPrecedes(ledger.customers[Int(b)].id)
            }
        }
        let ranking = reps.indices.sorted { a, b in
            let ra = reps[a].figures.revenuePeriod, rb = reps[b].figures.revenuePeriod
            if ra != rb { return rb < ra }
            return ledger.reps[a].id.codePointPrecedes(ledger.reps[b].id)
        }
        for (position, r) in ranking.enumerated() { reps[r].rank = position + 1 }

        var teams: [TeamFigures] = []
        var teamSlot: [String: Int] = [:]
        var noTeam: Int?
        for r in ranking {
            let name = ledger.reps[r].team.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            let slot: Int
            if let name {
                if let existing = teamSlot[name] { slot = existing } else {
                    slot = teams.count
                    teamSlot[name] = slot
                    teams.append(TeamFigures(team: name))
                }
            } else if let existing = noTeam {
                slot = existing
            } else {
                slot = teams.count
                noTeam = slot
                teams.append(TeamFigures(team: nil))
            }
            teams[slot].reps.append(Int32(r))
            teams[slot].figures.add(reps[r].figures)
        }
        teams.sort { a, b in
            switch (a.team, b.team) {
            case let (x?, y?): return x.codePointPrecedes(y)
            case (_?, nil): return true
            default: return false
            }
        }
        return (reps, teams)
    }
}
