import LedgerModel

/// Each customer's rows of one table, as its portrait reads them, digested in ledger order: the
/// largest part of a portrait's fingerprint (``SiteBuild/portraitFingerprint(_:digests:using:)``).
///
/// A customer's digest of a table chains the digests of its rows (``Fingerprint/chain(_:_:)``),
/// starting from ``start``. It is made in one of two ways, to the same value:
/// - ``all(_:)``: for every customer at once, in one pass over the table in ledger order. A
///   build with a portrait for most customers does this, one table per job beside the other
///   pages. Reading each customer's rows by their indices instead missed the cache at nearly
///   every row: the fingerprints were a sixth of a 100k rebuild's CPU.
/// - ``digest(_:rows:using:)``: for one customer, from its rows' indices (``LedgerRowGroups``),
///   when few customers have a portrait (`top:N` of many), so that a pass over every row would
///   cost more than it saves.
struct PortraitRowDigests: Sendable {
    enum Table: Int, CaseIterable, Sendable {
        case orders, interactions, opportunities
    }

    /// The digest of a customer without rows in a table.
    static let start = Fingerprint(high: 0, low: 0)

    let orders: [Order]
    let orderLines: [OrderLine]
    let interactions: [Interaction]
    let opportunities: [Opportunity]
    let pool: StringPool
    let texts: TextArena
    let customerCount: Int

    /// Every customer's digest of `table`, in one pass over its rows in ledger order. A row
    /// whose customer is out of range (an orphan, -1) belongs to no one, as in
    /// ``LedgerRowGroups``.
    /// - Complexity: O(rows of the table).
    func all(_ table: Table) -> [Fingerprint] {
        var digests = [Fingerprint](repeating: Self.start, count: customerCount)
        var h = FingerprintBuilder()
        func fold(_ count: Int, customer: (Int) -> Int32) {
            for row in 0..<count {
                let owner = Int(customer(row))
                guard owner >= 0 && owner < customerCount else { continue }
                digests[owner] = .chain(digests[owner], digest(table, row: row, using: &h))
            }
        }
        switch table {
        case .orders: fold(orders.count) { orders[$0].customer }
        case .interactions: fold(interactions.count) { interactions[$0].customer }
        case .opportunities: fold(opportunities.count) { opportunities[$0].customer }
        }
        return digests
    }

    /// One customer's digest of `table`, from the indices of its rows in ledger order.
    /// - Complexity: O(the customer's rows).
    func digest(_ table: Table, rows: ArraySlice<Int32>, using h: inout FingerprintBuilder) -> Fingerprint {
        var digest = Self.start
        for row in rows { digest = .chain(digest, self.digest(table, row: Int(row), using: &h)) }
        return digest
    }

    /// One row, as a portrait reads it: an order with its lines, an interaction with its text,
    /// an opportunity. Pool strings are digested as text, not ids. `h` is scratch space.
    func digest(_ table: Table, row: Int, using h: inout FingerprintBuilder) -> Fingerprint {
        h.reset()
        switch table {
        case .orders:
            let o = orders[row]
            h.add(o.id)
            h.add(o.owner)
            h.add(Int(o.date.raw))
            h.add(Int(o.amount.micros))
            h.add(ordinal(o.status))
            h.add(o.lines.count)
            for line in o.lines {
                let l = orderLines[Int(line)]
                h.add(Int(l.date.raw))
                h.add(Int(l.amount.micros))
                h.add(pool[l.category])
                h.add(pool[l.product])
                h.add(l.quantity.map { Int($0.micros) })
            }
        case .interactions:
            let it = interactions[row]
            h.add(it.owner)
            h.add(it.date)
            h.add(ordinal(it.channel))
            h.add(ordinal(it.kind))
            h.add(Int(it.satisfaction))
            if let resolved = it.resolvedAt {
                h.add(true)
                h.add(resolved)
            } else {
                h.add(false)
            }
            texts.withUTF8(it.summary) { h.add(utf8: $0) }
        case .opportunities:
            let o = opportunities[row]
            h.add(o.id)
            h.add(o.owner)
            h.add(ordinal(o.stage))
            h.add(o.amount.map { Int($0.micros) })
            h.add(o.createdAt.map { Int($0.raw) })
            h.add(o.closedAt.map { Int($0.raw) })
        }
        return h.finish()
    }
}

extension FingerprintBuilder {
    /// A row's owner: its rep's index, or -1 (none) or -2 (an id matching no rep).
    mutating func add(_ owner: OwnerRef) {
        switch owner {
        case .none: add(-1)
        case .orphan: add(-2)
        case .rep(let index): add(Int(index))
        }
    }

    mutating func add(_ time: LocalDateTime) {
        add(Int(time.day.raw))
        add(Int(time.secondOfDay))
        add(time.hasTime)
    }
}

extension Fingerprint {
    /// The digest of `a`'s sixteen bytes followed by `b`'s: a sequence of row digests folded
    /// from the left, so their order counts.
    static func chain(_ a: Fingerprint, _ b: Fingerprint) -> Fingerprint {
        var words = (a.high.littleEndian, a.low.littleEndian, b.high.littleEndian, b.low.littleEndian)
        return withUnsafeBytes(of: &words) { Fingerprint.of($0) }
    }
}
