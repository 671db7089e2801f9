import LedgerModel

/// Writes the five tables of one sample ledger in a single pass over the customers.
///
/// Each customer's row and its orders, interactions and opportunities are generated and written
/// together, so memory holds only the uniqueness sets (64-bit hashes of names, phones and
/// e-mails: about 40 bytes per customer) and the findings list, never the rows.
final class SampleGenerator {
    let options: SampleOptions
    let zh: Bool
    var rng: SeededRandom
    var dirt: SampleDirt
    var findings: [ExpectedFinding] = []
    let customersOut: LedgerTableWriter
    let ordersOut: LedgerTableWriter
    let interactionsOut: LedgerTableWriter
    let repsOut: LedgerTableWriter
    let opportunitiesOut: LedgerTableWriter

    var reps: [SampleRep] = []
    /// Cumulative rep weights per macro region (index into `repsOfMacro`).
    var repsOfMacro: [[Int]] = []
    var repWeightsOfMacro: [[Double]] = []
    let provinceCumulative: [Double]

    var companyKeys = Set<UInt64>()
    var personKeys = Set<UInt64>()
    var phoneKeys = Set<UInt64>()
    var emailKeys = Set<UInt64>()

    var lastClean: SampleCustomer?
    var lastCleanWithPhone: SampleCustomer?
    var lastCleanWithEmail: SampleCustomer?
    /// A clean order of an earlier customer: (order number, customer number).
    var earlierCleanOrder: Int?
    var currentCleanOrder: Int?
    var lastCleanOpportunity: Int?

    /// Pinyin of the latest person name drawn for an individual customer (e-mail local part).
    var personPinyinCache = ""
    var orderNumber = 0
    var interactionNumber = 0
    var opportunityNumber = 0
    let idWidth: Int

    private let dateBase: Day
    private var isoDates: [[UInt8]] = []
    private var slashDates: [[UInt8]] = []
    let times: [[UInt8]]

    init(options: SampleOptions, directory: String) throws {
        self.options = options
        self.zh = options.locale == .zhCN
        self.rng = SeededRandom(seed: options.seed)
        self.dirt = SampleDirt(rate: options.dirt)
        var writers: [TableName: LedgerTableWriter] = [:]
        let ext = options.format == .csv ? "csv" : "xml"
        for table in TableName.allCases {
            let names = SampleVocabulary.xmlNames(table)
            writers[table] = try LedgerTableWriter(
                path: directory + "/" + table.rawValue + "." + ext,
                headers: SampleVocabulary.headers(table, options.locale),
                root: names.root, record: names.record,
                format: options.format, encoding: options.encoding)
        }
        func take(_ table: TableName) throws -> LedgerTableWriter {
            guard let writer = writers[table] else { throw SampleError.invalidOptions("no writer for \(table)") }
            return writer
        }
        customersOut = try take(.customers)
        ordersOut = try take(.orders)
        interactionsOut = try take(.interactions)
        repsOut = try take(.reps)
        opportunitiesOut = try take(.opportunities)
        self.idWidth = max(6, String(options.customers + options.customers / 10 + 20).count)
        var total = 0.0
        provinceCumulative = SampleVocabulary.provinceWeights.map { total += $0; return total }
        dateBase = options.end - 4000
        times = (0..<1440).map { minute in
            Array(" \(minute / 60 < 10 ? "0" : "")\(minute / 60):\(minute % 60 < 10 ? "0" : "")\(minute % 60)".utf8)
        }
        for offset in 0...4000 {
            let day = dateBase + offset
            isoDates.append(Array(day.description.utf8))
            let c = day.components
            slashDates.append(Array("\(c.year)/\(c.month)/\(c.day)".utf8))
        }
    }

    /// Generates everything and returns the manifest.
    func run() throws -> SampleManifest {
        try writeReps()
        for index in 0..<options.customers {
            try writeCustomer(index)
            earlierCleanOrder = currentCleanOrder ?? earlierCleanOrder
            currentCleanOrder = nil
        }
        var rows: [TableName: Int] = [:]
        for (table, writer) in [(TableName.customers, customersOut), (.orders, ordersOut),
                                (.interactions, interactionsOut), (.reps, repsOut),
                                (.opportunities, opportunitiesOut)] {
            try writer.finish()
            rows[table] = writer.records
        }
        findings.sort()
        return SampleManifest(rows: rows, expected: findings)
    }

    // MARK: Shared helpers

    func record(_ defect: SampleDefect, line: Int) {
        let finding = defect.finding
        findings.append(ExpectedFinding(table: defect.table, line: line, column: finding.column, rule: finding.rule))
    }

    /// `YYYY-MM-DD`, or `YYYY/M/D` (how Chinese Excel shows dates) when `slash`.
    func dateBytes(_ day: Day, slash: Bool = false) -> [UInt8] {
        let offset = day - dateBase
        if offset >= 0 && offset < isoDates.count {
            return slash ? slashDates[offset] : isoDates[offset]
        }
        if slash {
            let c = day.components
            return Array("\(c.year)/\(c.month)/\(c.day)".utf8)
        }
        return Array(day.description.utf8)
    }

    /// A date that does not exist (`2025-02-30`, `2025-06-31`), as typed by hand.
    func impossibleDate(near day: Day) -> String {
        let year = day.components.year
        switch rng.below(3) {
        case 0: return "\(year)-02-30"
        case 1: return "\(year)-06-31"
        default: return "\(year)-13-0\(1 + rng.below(9))"
        }
    }

    /// A date after today from a typo in the year (2026 → 2062), else in 2099.
    ///
    /// Swapped years below 2040 would stop being future too soon, so they become 2099.
    func futureDate(near day: Day) -> String {
        let c = day.components
        let swapped = (c.year / 100) * 100 + (c.year % 10) * 10 + (c.year / 10) % 10
        let year = swapped >= 2040 ? swapped : 2099
        let dayOfMonth = min(c.day, 28)
        return "\(year)-\(c.month < 10 ? "0" : "")\(c.month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)"
    }

    /// A rep id the reps table does not define (a rep who left).
    func orphanRepID() -> String {
        "S" + Self.pad(reps.count + 1 + rng.below(30), 3)
    }

    /// A customer id no customer row defines (a deleted customer).
    func orphanCustomerID() -> [UInt8] {
        Array(("C" + Self.pad(options.customers + 1 + rng.below(max(10, options.customers / 10)), idWidth)).utf8)
    }

    func repID(_ index: Int) -> String { reps[index].id }

    /// A rep of the customer's macro region, weighted.
    func pickOwner(province: Int) -> Int {
        let macro = SampleVocabulary.provinces[province].macroRegion
        let candidates = repsOfMacro[macro]
        return candidates[rng.weighted(repWeightsOfMacro[macro])]
    }

    /// Any rep other than `owner` (a colleague who closed a deal or took a call).
    func otherRep(than owner: Int) -> Int {
        guard reps.count > 1 else { return owner }
        let other = rng.below(reps.count - 1)
        return other >= owner ? other + 1 : other
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// FNV-1a of the UTF-8 bytes: uniqueness sets keep 8 bytes per key instead of the string.
    ///
    /// A hash collision only makes the generator draw another name or phone; equal keys always
    /// collide, so no real duplicate can slip through.
    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
