import LedgerModel

/// Every figure of metrics.md for one ledger at one as-of date: the analytics stage's output.
package struct AnalyticsReport: Sendable {
    package var settings: AnalysisSettings
    /// Aligned with `Ledger.customers`.
    package var customers: [CustomerFigures]
    /// `Channel.allCases.count` interaction counts per customer, flat.
    package var channelMix: [Int32]
    package var rfm: RFMSummary
    package var grades: GradeSummary
    package var lifecycle: LifecycleSummary
    package var cohorts: [Cohort]
    /// Aligned with `Ledger.reps`.
    package var reps: [RepFigures]
    /// Teams in code-point order of name, the reps without a team last.
    package var teams: [TeamFigures]
    package var summary: Summary
    /// Customer ids ascend in code-point order with the ledger's rows
    /// (``CustomerColumns/idsAscending``): ordering by id is then ordering by row.
    package var idsAscending: Bool

    /// Computes the whole report; a pure function of the ledger and the settings.
    ///
    /// Rows dated after T are left out everywhere and counted in `summary.rowsAfterAsOf`.
    /// Two threads share the work when the machine has two cores and the ledger is not tiny:
    /// what needs only the ledger (crediting reps, top categories, the ledger's grade column)
    /// runs beside the portraits, and the scores and grades beside the stages, cohorts and
    /// leaderboard; they share only values, so the report is the same either way.
    /// - Complexity: O(rows) passes plus one radix sort of the customers by revenue; never
    ///   customers × orders. Memory beside the ledger: about 270 bytes per customer (figures,
    ///   channel mix, columns, ranking, scores and grades) plus 28 bytes per purchase while
    ///   computing. Measured on 1M customers, 5M orders, 10M interactions (release, shared
    ///   2-core machine): about 1.2 s of CPU and 0.8 s of wall time (3.1 s on one thread before).
    package static func compute(ledger: Ledger, settings: AnalysisSettings) -> AnalyticsReport {
        let rows = ledger.customers.count + ledger.orders.count + ledger.interactions.count
        return compute(ledger: ledger, settings: settings,
                       concurrent: rows >= 20_000 && SideThread<Int, Never>.hasSecondCore)
    }

    /// ``compute(ledger:settings:)`` on one thread or two.
    static func compute(ledger: Ledger, settings: AnalysisSettings, concurrent: Bool) -> AnalyticsReport {
        let asOf = settings.asOf
        // The purchases beside the one read of the wide customer rows.
        let (orders, columns) = SideThread.run(concurrent: concurrent) {
            CustomerColumns(ledger: ledger, asOf: asOf)
        } here: {
            Activity(ledger: ledger, settings: settings)
        }
        let activity = orders.with(ownerRep: columns.ownerRep)
        let ((portraits, channelMix, purchases), (credited, topCategories)) = SideThread.run(concurrent: concurrent) {
            (TeamPerformance.credit(ledger: ledger, settings: settings, activity: activity),
             CustomerPortraits.topCategories(ledger: ledger, asOf: asOf, activity: activity))
        } here: {
            let (figures, channelMix, later) = CustomerPortraits.compute(ledger: ledger, settings: settings,
                                                                         activity: activity,
                                                                         tenureDays: columns.tenureDays)
            return (figures, channelMix, Summary.purchases(settings: settings, activity: activity, laterRows: later))
        }

        // Consumed, so the passes below write the one copy of the figures.
        var figures = consume portraits
        let population = RFMSegments.population(figures)
        let ((lifecycle, cohorts, team, customerSummary), (scores, grading)) = SideThread.run(concurrent: concurrent) {
            let byRevenue = RevenueOrder(population)
            return (RFMSegments.score(population, byRevenue: byRevenue, customers: ledger.customers.count),
                    ABCGrades.grade(byRevenue, written: columns.grades, idsAscending: columns.idsAscending,
                                    ledger: ledger, thresholds: settings.thresholds))
        } here: {
            let lifecycle = Lifecycle.assign(&figures, settings: settings)
            let cohorts = Cohorts.compute(&figures, activity: activity, asOf: asOf)
            let team = TeamPerformance.finish(credited, ledger: ledger, settings: settings, activity: activity,
                                              figures: figures, idsAscending: columns.idsAscending)
            var summary = purchases
            summary.countCustomers(figures, settings: settings)
            return (lifecycle, cohorts, team, summary)
        }

        // Top categories, scores and grades join the figures in one pass.
        let segments = Segment.allCases
        var segmentCounts = [Int](repeating: 0, count: segments.count)
        let model = settings.segmentModel
        figures.withUnsafeMutableBufferPointer { fig in
            for i in fig.indices {
                fig[i].topCategory = topCategories[i]
                RFMSegments.apply(scores, to: &fig[i], customer: i, model: model)
                fig[i].grade = grading.grades[i]
                fig[i].revenueBefore = grading.before[i]
                segmentCounts[segments.firstIndex(of: fig[i].segment) ?? 0] += 1
            }
        }
        var summary = customerSummary
        summary.count(segments: segmentCounts, model: model)
        return AnalyticsReport(settings: settings, customers: figures, channelMix: channelMix,
                               rfm: scores.summary, grades: grading.summary, lifecycle: lifecycle,
                               cohorts: cohorts, reps: team.reps, teams: team.teams, summary: summary,
                               idsAscending: columns.idsAscending)
    }

    /// Interactions per channel of one customer, channels with none left out.
    package func channelMix(of customer: Int) -> [(channel: Channel, count: Int)] {
        let width = Channel.allCases.count
        return Channel.allCases.enumerated().compactMap { slot, channel in
            let count = Int(channelMix[customer * width + slot])
            return count > 0 ? (channel, count) : nil
        }
    }
}
