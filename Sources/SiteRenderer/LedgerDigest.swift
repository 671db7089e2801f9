import Analytics
import LedgerModel

/// Figures the pages other than portraits need that `AnalyticsReport` does not carry, from one
/// pass over each table.
///
/// The portraits need none of it (their rows come from ``LedgerRowGroups``), so a build makes
/// it while the first portraits render (``SiteBuild/digest``).
struct LedgerDigest: Sendable {
    /// Rows of one table grouped by an owner index (customer or rep), in ledger order, in
    /// compressed form (one offsets array and one index array), so a portrait finds its orders
    /// without scanning the ledger: O(rows) to build, O(own rows) per lookup.
    struct Groups: Sendable {
        var start: [Int32]
        var items: [Int32]

        init(count: Int, keys: some Sequence<Int32>) {
            var counts = [Int32](repeating: 0, count: count + 1)
            for key in keys where key >= 0 && Int(key) < count { counts[Int(key) + 1] += 1 }
            for i in 0..<count { counts[i + 1] += counts[i] }
            start = counts
            var fill = counts
            items = [Int32](repeating: 0, count: Int(counts[count]))
            for (row, key) in keys.enumerated() where key >= 0 && Int(key) < count {
                items[Int(fill[Int(key)])] = Int32(row)
                fill[Int(key)] += 1
            }
        }

        subscript(_ key: Int) -> ArraySlice<Int32> {
            items[Int(start[key])..<Int(start[key + 1])]
        }
    }

    /// Counts and revenue of the customers sharing one attribute value (industry, region…).
    struct Tally: Sendable {
        var label: String
        var customers = 0
        var revenue = Money.zero
    }

    /// What one RFM segment holds.
    struct SegmentProfile: Sendable {
        var customers = 0
        var revenue = Money.zero
        var revenuePeriod = Money.zero
        var sumR = 0, sumF = 0, sumM = 0, scored = 0
        var orders = 0
        var industries: [String: Int] = [:]
        var regions: [String: Int] = [:]
        /// Customer indices, most revenue first (ties by id).
        var members: [Int32] = []

        mutating func add(_ customer: Customer, _ f: CustomerFigures) {
            customers += 1
            revenue += f.revenue
            revenuePeriod += f.revenuePeriod
            orders += Int(f.orders)
            if f.orders > 0 {
                scored += 1
                sumR += Int(f.rScore)
                sumF += Int(f.fScore)
                sumM += Int(f.mScore)
            }
            if let v = customer.industry, !v.isEmpty { industries[v, default: 0] += 1 }
            if let v = customer.region, !v.isEmpty { regions[v, default: 0] += 1 }
        }
    }

    /// Every customer index by revenue M descending, ties by id in code-point order.
    var byRevenue: [Int32]
    /// Per report month (``SiteBuild/months``): customers created, complaints, service requests.
    var createdPerMonth: [Int]
    var complaintsPerMonth: [Int]
    var servicePerMonth: [Int]
    /// Complaints and service requests dated in P: resolved by T, still open.
    var serviceResolved = 0
    var serviceOpen = 0
    /// Hours from date-time to resolved_at of complaints and service requests in P resolved by T.
    var resolutionHours: [Double] = []
    /// Satisfaction scores 1…5 per channel, interactions dated ≤ T (channel order, then "none").
    var satisfactionByChannel: [[Int]]
    /// Open complaints (dated ≤ T, unresolved as of T), oldest first.
    var openComplaints: [Int32] = []
    var interactionsInPeriod = 0
    var industries: [Tally]
    var regions: [Tally]
    var sources: [Tally]
    var tags: [Tally]
    var segments: [Segment: SegmentProfile]

    init(ledger: Ledger, report: AnalyticsReport) {
        let settings = report.settings
        let asOf = settings.asOf
        let period = settings.period
        let customerCount = ledger.customers.count

        let figures = report.customers
        byRevenue = (0..<Int32(customerCount)).sorted { a, b in
            let ra = figures[Int(a)].revenue, rb = figures[Int(b)].revenue
            if ra != rb { return ra > rb }
            return SitePaths.codePointOrder(ledger.customers[Int(a)].id, ledger.customers[Int(b)].id)
        }

        let months = report.summary.monthly.map(\.month)
        let firstMonth = months.first ?? asOf.monthIndex
        let slot = { (day: Day) -> Int? in
            guard period.contains(day), day <= asOf else { return nil }
            let k = day.monthIndex - firstMonth
            return k >= 0 && k < months.count ? k : nil
        }
        var createdPerMonth = Array(repeating: 0, count: months.count)
        var complaintsPerMonth = Array(repeating: 0, count: months.count)
        var servicePerMonth = Array(repeating: 0, count: months.count)

        var industry: [String: Tally] = [:], region: [String: Tally] = [:], source: [String: Tally] = [:], tag: [String: Tally] = [:]
        var segments: [Segment: SegmentProfile] = [:]
        func add(_ table: inout [String: Tally], _ key: String?, _ revenue: Money) {
            guard let key, !key.isEmpty else { return }
            // One lookup per value: hashing a non-ASCII string normalises it first, the larger
            // part of this loop.
            func count(_ tally: inout Tally) {
                tally.customers += 1
                tally.revenue += revenue
            }
            count(&table[key, default: Tally(label: key)])
        }
        for (i, customer) in ledger.customers.enumerated() {
            let f = figures[i]
            if let created = customer.createdAt, let k = slot(created) { createdPerMonth[k] += 1 }
            add(&industry, customer.industry, f.revenue)
            add(&region, customer.region, f.revenue)
            add(&source, customer.source, f.revenue)
            for t in customer.tags { add(&tag, t, f.revenue) }
            // Mutated in place: a profile copied out and back would copy its dictionaries.
            segments[f.segment, default: SegmentProfile()].add(customer, f)
        }
        for index in byRevenue {
            segments[figures[Int(index)].segment]?.members.append(index)
        }
        self.segments = segments
        func ranked(_ table: [String: Tally]) -> [Tally] {
            table.values.sorted {
                if $0.revenue != $1.revenue { return $0.revenue > $1.revenue }
                if $0.customers != $1.customers { return $0.customers > $1.customers }
                return SitePaths.codePointOrder($0.label, $1.label)
            }
        }
        industries = ranked(industry)
        regions = ranked(region)
        sources = ranked(source)
        tags = ranked(tag)

        self.createdPerMonth = createdPerMonth
        var satisfactionByChannel = Array(repeating: Array(repeating: 0, count: 5), count: Channel.allCases.count + 1)
        var serviceResolved = 0, serviceOpen = 0, interactionsInPeriod = 0
        var resolutionHours: [Double] = []
        var open: [(LocalDateTime, Int32)] = []
        for (row, interaction) in ledger.interactions.enumerated() {
            let day = interaction.date.day
            guard day <= asOf else { continue }
            if period.contains(day) { interactionsInPeriod += 1 }
            if interaction.satisfaction >= 1 && interaction.satisfaction <= 5 {
                let c = ordinal(interaction.channel)
                satisfactionByChannel[c][Int(interaction.satisfaction) - 1] += 1
            }
            guard interaction.kind == .complaint || interaction.kind == .service else { continue }
            let resolved = interaction.resolvedAt.flatMap { $0.day <= asOf ? $0 : nil }
            if interaction.kind == .complaint, resolved == nil, interaction.customer >= 0 {
                open.append((interaction.date, Int32(row)))
            }
            guard let k = slot(day) else { continue }
            if interaction.kind == .complaint { complaintsPerMonth[k] += 1 } else { servicePerMonth[k] += 1 }
            if let resolved {
                serviceResolved += 1
                resolutionHours.append(Double(max(0, resolved.seconds - interaction.date.seconds)) / 3600)
            } else {
                serviceOpen += 1
            }
        }
        self.complaintsPerMonth = complaintsPerMonth
        self.servicePerMonth = servicePerMonth
        self.satisfactionByChannel = satisfactionByChannel
        self.serviceResolved = serviceResolved
        self.serviceOpen = serviceOpen
        self.interactionsInPeriod = interactionsInPeriod
        self.resolutionHours = resolutionHours
        openComplaints = open.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1)
    }
}
