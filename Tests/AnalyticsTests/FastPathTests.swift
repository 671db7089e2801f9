@testable import Analytics
import LedgerModel
import Testing

/// The analytics' shortcuts (histograms, radix sort, lookup tables, two threads) checked
/// against the plain definitions of metrics.md on generated data, ties and empty cases included.
@Suite("Fast paths agree with the plain definitions")
struct FastPathTests {
    /// Figures with only what the scores read: F, R and M drawn from small ranges, so ties abound.
    static func figures(seed: UInt64, count: Int) -> [CustomerFigures] {
        var random = RandomLedger(seed: seed)
        let rRange = [1, 3, 40, 2_000][random.int(4)]
        let fRange = [1, 2, 9, 300][random.int(4)]
        let mRange = [1, 5, 1_000, 1 << 40][random.int(4)]
        return (0..<count).map { _ in
            var f = CustomerFigures()
            guard random.chance(75) else { return f }
            f.orders = Int32(1 + random.int(fRange))
            f.recencyDays = Int32(random.int(rRange))
            f.revenue = Money(micros: Int64(1 + random.int(mRange)))
            return f
        }
    }

    @Test("RFM scores from histograms and the revenue order equal (5 × worse) div n counted pairwise",
          arguments: 0..<24)
    func rfmScores(seed: UInt64) {
        let count = [0, 1, 2, 7, 50, 400][Int(seed % 6)]
        var figures = Self.figures(seed: seed, count: count)
        let population = RFMSegments.population(figures)
        let scores = RFMSegments.score(population, byRevenue: RevenueOrder(population), customers: count)
        for i in figures.indices {
            RFMSegments.apply(scores, to: &figures[i], customer: i, model: .cn8)
        }

        let scored = figures.filter { $0.orders > 0 }
        let n = scored.count
        #expect(scores.summary.scored == n)
        func score(_ worse: Int) -> UInt8 { UInt8(min(5, 1 + (5 * worse) / max(n, 1))) }
        var sums = (r: 0, f: 0, m: 0)
        for f in figures {
            guard f.orders > 0 else {
                #expect(f.rScore == 0 && f.fScore == 0 && f.mScore == 0 && f.segment == .noPurchase)
                continue
            }
            let r = score(scored.filter { $0.recencyDays! > f.recencyDays! }.count)
            let fr = score(scored.filter { $0.orders < f.orders }.count)
            let m = score(scored.filter { $0.revenue < f.revenue }.count)
            #expect((f.rScore, f.fScore, f.mScore) == (r, fr, m))
            sums.r += Int(r); sums.f += Int(fr); sums.m += Int(m)
        }
        #expect((scores.summary.sumR, scores.summary.sumF, scores.summary.sumM) == sums)
        for f in scored {
            let high = (Int(f.rScore) * n >= sums.r, Int(f.fScore) * n >= sums.f, Int(f.mScore) * n >= sums.m)
            #expect(f.segment == RFMSegments.cn8(r: high.0, f: high.1, m: high.2))
        }
    }

    @Test("the radix sort orders keys like a stable comparison sort", arguments: 0..<12)
    func radixSort(seed: UInt64) {
        var random = RandomLedger(seed: seed)
        let count = [0, 1, 2, 100, 5_000][Int(seed % 5)]
        // Ranges that leave whole digits equal, one digit only, and the full positive Int64.
        let bound: UInt64 = [3, 2_047, 1 << 22, 1 << 44, UInt64(Int64.max)][random.int(5)]
        let keys = (0..<count).map { _ in Int64(1 + random.next() % bound) }
        let values = (0..<count).map { Int32($0) }
        let sorted = RevenueOrder.radixSort(keys, values)
        let expected = zip(keys, values).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        #expect(sorted.keys == expected.map(\.0))
        #expect(sorted.values == expected.map(\.1))
    }

    /// Whether ids ascend with the index, as the plain definition says.
    static func idsAscend(_ ledger: Ledger) -> Bool {
        zip(ledger.customers, ledger.customers.dropFirst()).allSatisfy { a, b in
            Array(a.id.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.id.unicodeScalars.map(\.value))
        }
    }

    /// Odd seeds keep the ids in random order, even seeds sort them (the shortcut of
    /// `CustomerColumns.idsAscending`).
    static func ids(_ count: Int, seed: UInt64, random: inout RandomLedger) -> [String] {
        // Ids that differ in length, case and script.
        let stems = ["C", "c", "客户", "C1", "", "Ｃ"]
        let ids = (0..<count).map { stems[random.int(stems.count)] + String(random.int(1_000)) + "-\($0)" }
        guard seed % 2 == 0 else { return ids }
        return ids.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
    }

    @Test("grades follow M descending, ties by id in code-point order", arguments: 0..<12)
    func grades(seed: UInt64) {
        var random = RandomLedger(seed: seed)
        var ledger = Ledger()
        let count = [0, 1, 3, 60, 300][Int(seed % 5)]
        // Few distinct revenues.
        var figures: [CustomerFigures] = []
        for (i, id) in Self.ids(count, seed: seed, random: &random).enumerated() {
            ledger.customers.append(Customer(id: id, name: "N", line: Int32(i + 2)))
            var f = CustomerFigures()
            if random.chance(80) {
                f.orders = 1
                f.revenue = Money(micros: Int64(1 + random.int(6)) * 1_000_000)
            }
            figures.append(f)
        }
        let thresholds = Thresholds()
        let columns = CustomerColumns(ledger: ledger, asOf: Day(raw: 0))
        #expect(columns.idsAscending == Self.idsAscend(ledger))
        let grading = ABCGrades.grade(RevenueOrder(RFMSegments.population(figures)), written: columns.grades,
                                      idsAscending: columns.idsAscending, ledger: ledger, thresholds: thresholds)

        let order = figures.indices.filter { figures[$0].revenue > .zero }.sorted { a, b in
            let ma = figures[a].revenue.micros, mb = figures[b].revenue.micros
            if ma != mb { return ma > mb }
            return Array(ledger.customers[a].id.unicodeScalars.map(\.value))
                .lexicographicallyPrecedes(ledger.customers[b].id.unicodeScalars.map(\.value))
        }
        let total = order.reduce(Int128(0)) { $0 + Int128(figures[$1].revenue.micros) }
        #expect(grading.summary.totalRevenue == total)
        var before: Int128 = 0
        var expected = [Grade?](repeating: nil, count: count)
        for i in order {
            expected[i] = before * 100 < total * 80 ? .a : before * 100 < total * 95 ? .b : .c
            #expect(grading.before[i] == before)
            before += Int128(figures[i].revenue.micros)
        }
        #expect(grading.grades == expected)
        #expect(grading.summary.counts == [Grade.a, .b, .c].map { g in expected.filter { $0 == g }.count })
    }

    @Test("grade mismatches: non-blank ledger grades that read otherwise, by id", arguments: 0..<8)
    func mismatches(seed: UInt64) {
        var random = RandomLedger(seed: seed)
        var ledger = Ledger()
        let cells: [String?] = [nil, "", "  ", "A", "a", "B", "C", "VIP", " b ", "A级", "D", "重要", "\u{3000}"]
        let count = [0, 1, 40, 400][Int(seed % 4)]
        var grades: [Grade?] = []
        for (i, id) in Self.ids(count, seed: seed, random: &random).enumerated() {
            var customer = Customer(id: id, name: "N", line: Int32(i + 2))
            customer.grade = cells[random.int(cells.count)]
            ledger.customers.append(customer)
            grades.append([Grade.a, .b, .c, nil][random.int(4)])
        }
        let columns = CustomerColumns(ledger: ledger, asOf: Day(raw: 0))
        #expect(columns.idsAscending == Self.idsAscend(ledger))
        let found = ABCGrades.mismatches(grades, written: columns.grades, idsAscending: columns.idsAscending,
                                         ledger: ledger)

        var expected: [GradeMismatch] = []
        for (i, customer) in ledger.customers.enumerated() {
            guard let text = customer.grade, !text.trimmingWhitespace().isEmpty else { continue }
            let read = Grade(ledgerValue: text)
            if read != grades[i] && !(read == nil && grades[i] == nil) {
                expected.append(GradeMismatch(customer: Int32(i), ledgerGrade: text, computed: grades[i]))
            }
        }
        expected.sort { ledger.customers[Int($0.customer)].id.unicodeScalars.map(\.value)
            .lexicographicallyPrecedes(ledger.customers[Int($1.customer)].id.unicodeScalars.map(\.value)) }
        #expect(found == expected)
    }

    @Test("a plain ASCII grade reads as Grade(ledgerValue:) reads it",
          arguments: ["A", "a", "B", "b", "C", "c", "VIP", "vip", "Vip", "D", "AB", "A1", "1", "VIPS", "CC",
                      "", " A", "A ", "A级", "b类", "Ａ", "\u{3000}C", "A\u{301}", "V-I-P", "vip\t"])
    func plainGrade(value: String) {
        switch Grade.readPlain(value) {
        case .word(let grade):
            #expect(grade == Grade(ledgerValue: value))
            #expect(value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        case .other:
            #expect(value.isEmpty || !value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        }
    }

    @Test("code-point order of ids, short and long, ASCII or not")
    func codePointOrder() {
        let samples = ["", "A", "B", "a", "AB", "A\u{0}", "é", "e\u{301}", "客户", "客", "😀", "\u{FFFF}",
                       String(repeating: "x", count: 15), String(repeating: "x", count: 16),
                       String(repeating: "x", count: 40) + "a", String(repeating: "x", count: 40) + "b"]
        for a in samples {
            for b in samples {
                let expected = Array(a.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
                #expect(a.codePointPrecedes(b) == expected, "\(a) < \(b)")
            }
        }
    }

    @Test("day counts sorted by counting equal a plain sort", arguments: 0..<8)
    func daySort(seed: UInt64) {
        var random = RandomLedger(seed: seed)
        let count = [0, 1, 10, 3_000][Int(seed % 4)]
        let span = [1, 30, 5_000, 3_000_000][random.int(4)]
        var values = (0..<count).map { _ in Int32(random.int(span)) - Int32(span / 3) }
        let expected = values.sorted()
        Lifecycle.sort(&values)
        #expect(values == expected)
    }

    @Test("the month table gives Day.monthIndex inside and outside its range")
    func monthTable() {
        let first = Day(iso: "2023-12-15") ?? Day(raw: 0)
        let table = MonthTable(from: first, through: first + 900)
        for offset in -40...940 { #expect(table.month(of: first + offset) == (first + offset).monthIndex) }
        let empty = MonthTable(from: first, through: first + MonthTable.maxDays + 1)
        #expect(empty.month(of: first + 10) == (first + 10).monthIndex)
    }

    @Test("top category: most revenue, positive, ties by code point, counted from the ledger",
          arguments: 0..<10)
    func topCategory(seed: UInt64) {
        var (ledger, _) = PropertyTests.report(seed: seed)
        // Whole thousands, so categories tie.
        for i in ledger.orderLines.indices {
            ledger.orderLines[i].amount = Money(micros: ledger.orderLines[i].amount.micros / 1_000_000_000 * 1_000_000_000)
        }
        let asOf = PropertyTests.asOf
        let report = AnalyticsReport.compute(ledger: ledger, settings: AnalysisSettings(asOf: asOf, today: asOf + 10))
        for c in ledger.customers.indices {
            var sums: [String: Int64] = [:]
            for order in ledger.orders where Int(order.customer) == c && order.status == .completed {
                let used = order.lines.map { ledger.orderLines[Int($0)] }.filter { $0.date <= asOf }
                guard !used.isEmpty, used.reduce(0, { $0 + $1.amount.micros }) > 0 else { continue }
                for line in used {
                    guard let name = ledger.strings[line.category] else { continue }
                    sums[name, default: 0] += line.amount.micros
                }
            }
            let best = sums.filter { $0.value > 0 }.max { a, b in
                a.value != b.value ? a.value < b.value : b.key.unicodeScalars.map(\.value)
                    .lexicographicallyPrecedes(a.key.unicodeScalars.map(\.value))
            }
            let top = report.customers[c].topCategory
            #expect((top >= 0 ? ledger.strings[top] : nil) == best?.key, "customer \(c)")
        }
    }

    @Test("two threads give the report one thread gives", arguments: 0..<10)
    func concurrency(seed: UInt64) {
        var random = RandomLedger(seed: seed)
        let asOf = PropertyTests.asOf
        let ledger = random.ledger(customers: [0, 1, 30, 300, 1_000][Int(seed % 5)], reps: Int(seed % 4), asOf: asOf)
        let settings = AnalysisSettings(asOf: asOf, today: asOf + 10, segmentModel: seed % 2 == 0 ? .cn8 : .rf10)
        let serial = AnalyticsReport.compute(ledger: ledger, settings: settings, concurrent: false)
        let concurrent = AnalyticsReport.compute(ledger: ledger, settings: settings, concurrent: true)
        #expect(String(describing: concurrent) == String(describing: serial))
    }
}
