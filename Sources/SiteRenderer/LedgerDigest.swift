import Analytics
import Foundation
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

        mutating func add(_ f: CustomerFigures) {
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

    /// - Parameter byRevenue: ``revenueOrder(_:_:)`` when the caller has it already.
    init(ledger: Ledger, report: AnalyticsReport, byRevenue: [Int32]? = nil) {
        let settings = report.settings
        let asOf = settings.asOf
        let period = settings.period
        let customerCount = ledger.customers.count

        let figures = report.customers
        let customers = ledger.customers
        self.byRevenue = byRevenue ?? Self.revenueOrder(customers, figures, idsAscending: report.idsAscending)

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

        // Values are counted per distinct byte form (``LabelSlots``), then merged by `String`
        // equality: hashing a non-ASCII `String` normalises it first, which per customer was the
        // larger part of this pass.
        var industry = LabelSlots(), region = LabelSlots(), source = LabelSlots(), tag = LabelSlots()
        var industryOf = [Int32](repeating: -1, count: customerCount)
        var regionOf = [Int32](repeating: -1, count: customerCount)
        var profiles = [SegmentProfile](repeating: SegmentProfile(), count: Segment.allCases.count)
        var present = [Bool](repeating: false, count: Segment.allCases.count)
        // By index: iterating the customers themselves would copy each one (a retain per string).
        for i in customers.indices {
            let f = figures[i]
            if let created = customers[i].createdAt, let k = slot(created) { createdPerMonth[k] += 1 }
            industryOf[i] = industry.count(customers[i].industry, f.revenue)
            regionOf[i] = region.count(customers[i].region, f.revenue)
            source.count(customers[i].source, f.revenue)
            for t in customers[i].tags { tag.count(t, f.revenue) }
            let s = ordinal(f.segment)
            present[s] = true
            profiles[s].add(f)
        }
        // Per segment, its customers' industries and regions: counted per slot, then into a
        // dictionary in the order the segment met them, as counting straight into it would.
        var industryCounts = [SlotCounts](repeating: SlotCounts(), count: profiles.count)
        var regionCounts = industryCounts
        for i in customers.indices {
            let s = ordinal(figures[i].segment)
            industryCounts[s].add(industryOf[i], slots: industry.labels.count)
            regionCounts[s].add(regionOf[i], slots: region.labels.count)
        }
        for index in self.byRevenue {
            profiles[ordinal(figures[Int(index)].segment)].members.append(index)
        }
        var segments: [Segment: SegmentProfile] = [:]
        for (s, segment) in Segment.allCases.enumerated() where present[s] {
            profiles[s].industries = industryCounts[s].dictionary(labels: industry.labels)
            profiles[s].regions = regionCounts[s].dictionary(labels: region.labels)
            segments[segment] = profiles[s]
        }
        self.segments = segments
        func ranked(_ table: LabelSlots) -> [Tally] {
            table.tallies().sorted {
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

    /// Every customer index by revenue M descending, ties by id in code-point order, then by
    /// ledger order (equal ids).
    ///
    /// Sorted on integers: each customer's place in id order comes first (ledger order when the
    /// ids ascend, ``AnalyticsReport/idsAscending``, as exported ledgers' do; else one sort of the
    /// ids), so the sort of a million customers, most of them tied at zero revenue, compares no
    /// strings.
    static func revenueOrder(_ customers: [Customer], _ figures: [CustomerFigures], idsAscending: Bool) -> [Int32] {
        let count = customers.count
        var idRank: [Int32]
        if idsAscending {
            idRank = (0..<Int32(count)).map { $0 }
        } else {
            idRank = [Int32](repeating: 0, count: count)
            let byID = (0..<Int32(count)).sorted {
                SitePaths.codePointOrder(customers[Int($0)].id, customers[Int($1)].id)
            }
            // Equal ids share a rank, so they stay in ledger order.
            var rank: Int32 = 0
            for (n, index) in byID.enumerated() {
                if n > 0 && SitePaths.codePointOrder(customers[Int(byID[n - 1])].id, customers[Int(index)].id) { rank += 1 }
                idRank[Int(index)] = rank
            }
        }
        var keys = (0..<count).map { i in (micros: figures[i].revenue.micros, rank: idRank[i], index: Int32(i)) }
        keys.sort { a, b in
            if a.micros != b.micros { return a.micros > b.micros }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.index < b.index
        }
        return keys.map(\.index)
    }
}

/// The distinct values of one column (industry, region…) in the order first met, each with the
/// customers and revenue counted for it, looked up by their UTF-8 bytes.
///
/// Two values of different bytes can still be equal as `String`s (canonically equivalent, such
/// as a precomposed and a decomposed "é"); ``tallies()`` joins those, the first met giving the
/// label, which is what counting straight into a `[String: …]` dictionary gave.
///
/// The bytes are found in a small open-addressing table of their own (`ByteHash`): a
/// `[UTF8Key: Int32]` hashed each value with SipHash, a tenth of the site's rendering stage at
/// a million customers (four values per customer).
struct LabelSlots {
    /// Index into `labels` of each hash slot, or -1; at most half full.
    private var table = [Int32](repeating: -1, count: 16)
    private var hashes: [UInt64] = []
    /// Each label's bytes, back to back; label `i` ends at `ends[i]`. The probe compares these
    /// rather than `labels`: reading a `String` out of the array retains it, per probe.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private(set) var labels: [String] = []
    private var customers: [Int] = []
    private var revenue: [Money] = []
    /// Per table, so that values cannot be chosen to collide (they would only slow the count).
    private let seed = UInt64.random(in: .min ... .max)
    /// All ones, except in a test that makes every value collide (`init(hashMask:)`).
    private let hashMask: UInt64

    init() { hashMask = ~0 }

    /// A table whose hashes keep only the bits of `hashMask`: with 0, every value has the same
    /// hash and is told from the others by its bytes alone.
    init(hashMask: UInt64) { self.hashMask = hashMask }

    private func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ByteHash.hash(bytes, seed: seed) & hashMask
    }

    /// Counts one customer under `value` (nothing for nil or empty); returns the value's slot, or -1.
    @discardableResult
    mutating func count(_ value: String?, _ amount: Money) -> Int32 {
        guard var value, !value.isEmpty else { return -1 }
        let slot = value.withUTF8 { find($0) } ?? add(value)
        customers[Int(slot)] += 1
        revenue[Int(slot)] += amount
        return slot
    }

    /// The slot of the value of exactly these bytes, if counted before.
    private func find(_ value: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = self.hash(value)
        let mask = table.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        return table.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { stored in
                while table[position] >= 0 {
                    let slot = Int(table[position])
                    if hashes[slot] == hash {
                        let start = slot == 0 ? 0 : ends[slot - 1]
                        if ends[slot] - start == value.count
                            && memcmp(stored.baseAddress! + start, value.baseAddress!, value.count) == 0 {
                            return Int32(slot)
                        }
                    }
                    position = (position + 1) & mask
                }
                return nil
            }
        }
    }

    private mutating func add(_ value: String) -> Int32 {
        let slot = Int32(labels.count)
        labels.append(value)
        bytes.append(contentsOf: value.utf8)
        ends.append(bytes.count)
        customers.append(0)
        revenue.append(.zero)
        var text = value
        hashes.append(text.withUTF8 { hash($0) })
        if hashes.count * 2 > table.count {
            table = [Int32](repeating: -1, count: table.count * 2)
            for (index, hash) in hashes.enumerated() { place(Int32(index), hash) }
        } else {
            place(slot, hashes[Int(slot)])
        }
        return slot
    }

    private mutating func place(_ slot: Int32, _ hash: UInt64) {
        let mask = table.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        while table[position] >= 0 { position = (position + 1) & mask }
        table[position] = slot
    }

    /// One tally per merged label.
    func tallies() -> [LedgerDigest.Tally] {
        var place: [String: Int] = [:]
        var tallies: [LedgerDigest.Tally] = []
        for (slot, label) in labels.enumerated() {
            let t = place[label] ?? tallies.count
            if t == tallies.count {
                place[label] = t
                tallies.append(LedgerDigest.Tally(label: label))
            }
            tallies[t].customers += customers[slot]
            tallies[t].revenue += revenue[slot]
        }
        return tallies
    }
}

/// How many customers of one group (a segment) have each slot of a ``LabelSlots``, and the
/// slots in the order the group met them.
struct SlotCounts {
    private var counts: [Int] = []
    private var order: [Int32] = []

    mutating func add(_ slot: Int32, slots: Int) {
        guard slot >= 0 else { return }
        if counts.isEmpty { counts = [Int](repeating: 0, count: slots) }
        if counts[Int(slot)] == 0 { order.append(slot) }
        counts[Int(slot)] += 1
    }

    /// The counts by label; of labels equal as `String`s, the first the group met names the entry.
    func dictionary(labels: [String]) -> [String: Int] {
        var table: [String: Int] = [:]
        for slot in order { table[labels[Int(slot)], default: 0] += counts[Int(slot)] }
        return table
    }
}
