import Analytics
import Charts
import LedgerModel

/// `team/index.html` (leaderboard, teams) and `team/REP.html` (one rep and the action list).
enum TeamPage {
    static func renderIndex(_ site: SiteBuild) throws -> String {
        let s = site.s, ledger = site.ledger
        let root = "../"
        var page = site.page(.team, title: s["team.title"], root: root, kind: "team")
        if let missing = site.missingTable(.reps) {
            page["missing"] = missing
            return try site.renderPage("page-team", page)
        }
        let ranked = site.report.reps.sorted { $0.rank < $1.rank }
        page["leaderboard"] = site.table(id: "leaderboard", columns: columns(s, first: s["common.rep"], withRank: true),
                                         rows: ranked.map { r in
            let rep = ledger.reps[Int(r.rep)]
            return site.row([site.numberCell(r.rank), site.cell(rep.name, href: site.repHref(Int(r.rep), root: root), sub: rep.team)]
                            + cells(site, r.figures))
        }, nowrap: true)
        page["teams"] = site.table(id: "teams", columns: columns(s, first: s["common.team"], withRank: false),
                                   rows: site.report.teams.map { team in
            site.row([site.cell(team.team ?? s["team.no_team"], sub: s.format("team.reps_n", String(team.reps.count)))] + cells(site, team.figures))
        }, nowrap: true)
        let names = ranked.map { ledger.reps[Int($0.rep)].name }
        page["attainmentChart"] = site.figure(BarChart(
            id: "attainment", title: s["team.attainment_chart"], description: s["team.attainment_chart.desc"],
            bars: ranked.map { ChartSlice(label: ledger.reps[Int($0.rep)].name, value: $0.figures.quotaAttainment?.doubleValue ?? .nan) },
            seriesName: s["team.attainment"], orientation: .horizontal, format: site.percentFormat, noDataText: s["team.no_quota"]),
            headers: [s["common.rep"]])
        page["revenueChart"] = site.figure(BarChart(
            id: "rep-revenue", title: s["team.revenue_chart"], description: s["team.revenue_chart.desc"],
            categories: names,
            series: [ChartSeries(name: s["team.series.period"], values: ranked.map { Double($0.figures.revenuePeriod.micros) / 1e6 }),
                     ChartSeries(name: s["team.series.previous"], values: ranked.map { Double($0.figures.revenuePrevious.micros) / 1e6 })],
            orientation: .horizontal, format: site.moneyShort, noDataText: site.noData),
            headers: [s["common.rep"]])
        page["pipelineChart"] = site.figure(BarChart(
            id: "pipeline", title: s["team.pipeline_chart"], description: s["team.pipeline_chart.desc"],
            bars: ranked.map { ChartSlice(label: ledger.reps[Int($0.rep)].name, value: Double($0.figures.openPipeline.micros) / 1e6) },
            seriesName: s["team.pipeline"], orientation: .horizontal, format: site.moneyShort, noDataText: site.noData),
            headers: [s["common.rep"]])
        return try site.renderPage("page-team", page)
    }

    static func columns(_ s: Strings, first: String, withRank: Bool) -> [(String, Bool)] {
        (withRank ? [("#", true)] : []) + [
            (first, false), (s["team.revenue_period"], true), (s["team.change"], true), (s["team.attainment"], true),
            (s["common.customers"], true), (s["team.new"], true), (s["team.active"], true), (s["team.coverage"], true),
            (s["team.overdue"], true), (s["team.open_complaints"], true), (s["portrait.satisfaction"], true),
            (s["team.win_rate"], true), (s["team.pipeline"], true),
        ]
    }

    static func cells(_ site: SiteBuild, _ f: PerformanceFigures) -> [TableCell] {
        [
            site.moneyCell(f.revenuePeriod), site.changeCell(f.revenueChange), site.ratioCell(f.quotaAttainment),
            site.numberCell(f.customers), site.numberCell(f.newCustomers), site.numberCell(f.activeCustomers),
            site.ratioCell(f.followUpCoverage), site.numberCell(f.overdueFollowUps), site.numberCell(f.openComplaints),
            site.ratioCell(f.satisfaction, percent: false), site.ratioCell(f.winRate), site.moneyCell(f.openPipeline),
        ]
    }

    static let topCustomers = 10

    static func render(_ site: SiteBuild, rep index: Int) throws -> String {
        let s = site.s, fmt = site.fmt, ledger = site.ledger, figures = site.report.customers
        let root = "../"
        let rep = ledger.reps[index]
        // `report.reps` holds every rep in ledger order, or none (TeamPerformance): a search for
        // the rep on each page made 5,000 rep pages quadratic.
        guard index < site.report.reps.count else {
            return try site.renderRepPage(site.page(.team, title: rep.name, root: root, kind: "rep"), title: rep.name)
        }
        let r = site.report.reps[index]
        assert(Int(r.rep) == index, "report.reps is not in ledger order")
        let f = r.figures
        var page = site.page(.team, title: rep.name, root: root, kind: "rep")
        page["repName"] = rep.name
        page["repMeta"] = [rep.id, rep.team, rep.region, rep.manager.map { s.format("team.manager", $0) }]
            .compactMap { $0 }.filter { !$0.isEmpty }.map { ["meta": $0] }
        page["rank"] = s.format("team.rank", String(r.rank), String(site.report.reps.count))
        let change = f.revenueChange
        page["kpis"] = [
            site.kpi(s["team.revenue_period"], fmt.moneyCompact(f.revenuePeriod),
                     sub: change.map { s.format("kpi.revenue.sub", fmt.change($0)) } ?? s["kpi.revenue.no_previous"],
                     trend: change.map { $0.numerator > 0 ? "up" : $0.numerator < 0 ? "down" : "flat" }, title: fmt.money(f.revenuePeriod)),
            site.kpi(s["team.attainment"], fmt.percent(f.quotaAttainment),
                     sub: f.quota.map { s.format("team.quota", fmt.moneyCompact($0)) } ?? s["team.no_quota"]),
            site.kpi(s["common.customers"], fmt.integer(f.customers), sub: s.format("team.active_new", fmt.integer(f.activeCustomers), fmt.integer(f.newCustomers))),
            site.kpi(s["team.coverage"], fmt.percent(f.followUpCoverage),
                     sub: s.format("team.coverage.sub", String(site.report.settings.thresholds.followUpDays))),
            site.kpi(s["team.open_complaints"], fmt.integer(f.openComplaints),
                     sub: s.format("team.complaints_sub", fmt.integer(f.complaints), fmt.decimal(f.medianResolutionHours, decimals: 1))),
            site.kpi(s["portrait.satisfaction"], f.satisfaction.map { fmt.decimal($0, decimals: 1) + " / 5" } ?? "–"),
            site.kpi(s["team.win_rate"], fmt.percent(f.winRate), sub: s.format("team.won_lost", fmt.integer(f.won), fmt.integer(f.lost))),
            site.kpi(s["team.pipeline"], fmt.moneyCompact(f.openPipeline), sub: s.format("team.cycle", fmt.decimal(f.medianCycleDays, decimals: 0)),
                     title: fmt.money(f.openPipeline)),
        ]
        let overdue = r.overdue
        page["overdueCount"] = fmt.integer(overdue.count)
        page["overdue"] = site.table(id: "overdue", columns: [
            (s["common.customer"], false), (s["common.segment"], false), (s["common.revenue"], true),
            (s["portrait.last_order"], false), (s["portrait.last_contact"], false), (s["team.days_silent"], true),
        ], rows: overdue.map { index in
            let i = Int(index), c = ledger.customers[i], cf = figures[i]
            return site.row([
                site.cell(c.name, href: site.customerHref(i, root: root), sort: c.name, sub: c.id),
                site.cell(site.segmentName(cf.segment), badge: "seg"), site.moneyCell(cf.revenue),
                site.dateCell(cf.lastOrder), site.dateCell(cf.lastContact),
                cf.daysSinceContact.map { site.numberCell(Int($0)) } ?? site.cell(s["team.never"], num: true, sub: nil),
            ])
        }, empty: s["team.no_overdue"])
        let customers = site.customers
        let owned = site.rows.customersByOwner[index]
        // The first `topCustomers` in the order of a full sort (ties by id, which is unique, so
        // the order is total), kept in a short sorted list instead of sorting them all.
        let top = TeamPage.first(topCustomers, of: owned) { a, b in
            let ra = figures[Int(a)].revenuePeriod, rb = figures[Int(b)].revenuePeriod
            return ra != rb ? ra > rb : SitePaths.codePointOrder(customers[Int(a)].id, customers[Int(b)].id)
        }
        page["topCustomers"] = site.table(id: "rep-customers", columns: [
            (s["common.customer"], false), (s["common.segment"], false), (s["common.stage"], false),
            (s["portrait.revenue_period"], true), (s["common.revenue"], true), (s["common.recency_days"], true),
        ], rows: top.map { index in
            let i = Int(index), c = ledger.customers[i], cf = figures[i]
            return site.row([
                site.cell(c.name, href: site.customerHref(i, root: root), sort: c.name, sub: c.id),
                site.cell(site.segmentName(cf.segment), badge: "seg"),
                site.cell(site.stageName(cf.stage), badge: "stage stage-" + cf.stage.rawValue),
                site.moneyCell(cf.revenuePeriod), site.moneyCell(cf.revenue),
                cf.recencyDays.map { site.numberCell(Int($0)) } ?? site.cell("–", num: true),
            ])
        }, empty: s["team.no_customers"],
           more: owned.count > topCustomers ? s.format("team.more_customers", fmt.integer(owned.count - topCustomers)) : nil)
        return try site.renderRepPage(page, title: rep.name)
    }

    /// The first `count` elements of `items` by `precedes`, in order.
    /// - Complexity: O(n × count).
    static func first(_ count: Int, of items: some Sequence<Int32>, by precedes: (Int32, Int32) -> Bool) -> [Int32] {
        var top: [Int32] = []
        top.reserveCapacity(count + 1)
        for item in items {
            if top.count == count, let last = top.last, !precedes(item, last) { continue }
            let at = top.firstIndex { precedes(item, $0) } ?? top.count
            top.insert(item, at: at)
            if top.count > count { top.removeLast() }
        }
        return top
    }
}
