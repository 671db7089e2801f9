import Benchmark
import Foundation
import LedgerIngest
import LedgerModel
import PortraitSample

/// One benchmark per ingest stage, on a ledger LedgerSampler writes once into a temporary folder.
///
/// `BENCH_CUSTOMERS` sets its size (default 20,000 customers: ~330,000 rows, 33 MB); the
/// interactions table, two thirds of the bytes of a real ledger, feeds the per-stage ones.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuUser, .mallocCountTotal, .peakMemoryResident, .throughput],
        timeUnits: .milliseconds,
        maxDuration: .seconds(20),
        maxIterations: 10
    )

    Benchmark("decode: read and validate interactions.csv") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try TextDecoding.decode([UInt8](try Data(contentsOf: Fixture.interactionsURL)), file: "interactions.csv"))
        }
    }

    // The hand-written GB18030 converter (a table of pairs taken from iconv) against one bulk
    // iconv call; the figures are in docs/performance.md and its doc comment.
    Benchmark("decode: GB18030 interactions.csv, TextDecoding (table of pairs)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try TextDecoding.decode(Fixture.interactionsGB18030, file: "interactions.csv"))
        }
    }

    Benchmark("decode: GB18030 interactions.csv, glibc iconv") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(IconvGB18030.convert(Fixture.interactionsGB18030))
        }
    }

    // The hand-written reader against the two packages it could be replaced by; the figures
    // are in docs/performance.md and CSVReader's doc comment.
    Benchmark("csv: records of interactions.csv, CSVReader (hand-written)") { benchmark in
        for _ in benchmark.scaledIterations {
            var reader = try CSVReader(utf8: Fixture.interactionsBytes, file: "interactions.csv")
            var fields = 0
            while let record = try reader.next() { fields += record.values.count }
            blackHole(fields)
        }
    }

    Benchmark("csv: records of interactions.csv, CSV.swift 2.5.2") { benchmark in
        for _ in benchmark.scaledIterations {
            let reader = try YaslabCSVReader(string: Fixture.interactionsText, hasHeaderRow: true)
            var fields = 0
            while let row = reader.next() { fields += row.count }
            blackHole(fields)
        }
    }

    Benchmark("csv: records of interactions.csv, SwiftCSV 0.10.0") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try swiftCSVFieldCount(Fixture.interactionsText))
        }
    }

    // XML goes record by record through libxml2's xmlTextReader (XMLRecordReader).
    Benchmark("xml: records of interactions.xml, XMLRecordReader") { benchmark in
        for _ in benchmark.scaledIterations {
            let reader = try XMLRecordReader(path: Fixture.xmlDirectory + "/interactions.xml", file: "interactions.xml",
                                             recordPath: nil)
            var fields = 0
            while let record = try reader.next() { fields += record.values.count }
            blackHole(fields)
        }
    }

    Benchmark("read: whole XML ledger (LedgerReader.read)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LedgerReader.read(IngestSettings(dataDirectory: Fixture.xmlDirectory, today: Fixture.today)))
        }
    }

    Benchmark("values: order dates and amounts") { benchmark in
        for _ in benchmark.scaledIterations {
            var total: Int64 = 0
            for (date, amount) in Fixture.orderCells {
                total &+= Int64(ValueParsers.date(date, order: .ymd)?.day.raw ?? 0)
                total &+= ValueParsers.amount(amount)?.micros ?? 0
            }
            blackHole(total)
        }
    }

    Benchmark("read: whole ledger (LedgerReader.read)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LedgerReader.read(IngestSettings(dataDirectory: Fixture.directory, today: Fixture.today)))
        }
    }

    // The same ledger with orders and interactions in 48 monthly files each, as exports by
    // month come: the tables grow file by file (Array+Growth.swift).
    Benchmark("read: whole ledger, orders and interactions in 48 files") { benchmark in
        var settings = IngestSettings(dataDirectory: Fixture.monthlyDirectory, today: Fixture.today)
        settings.tables[.orders] = TableSettings(file: "orders-*.csv")
        settings.tables[.interactions] = TableSettings(file: "interactions-*.csv")
        for _ in benchmark.scaledIterations {
            blackHole(try LedgerReader.read(settings))
        }
    }

    // Every customer with the same phone number and name (placeholders such as 13800000000 and
    // 未知客户): one duplicate group of them all, two findings each (DuplicateDetector.resolve).
    Benchmark("read: whole ledger, every customer with one phone number and name") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LedgerReader.read(IngestSettings(dataDirectory: Fixture.placeholderDirectory, today: Fixture.today)))
        }
    }

    // A stray quote on line 2 of orders.csv: the record it opens runs to the next quote and has
    // more cells than the header, which grows (decisions.md 63). The rest of the file is read in
    // chunks again with the grown headers; "as before" reads it one record at a time.
    Benchmark("read: whole ledger, a stray quote on line 2 of orders.csv") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LedgerReader.read(IngestSettings(dataDirectory: Fixture.strayQuoteDirectory, today: Fixture.today)))
        }
    }

    Benchmark("read: whole ledger, a stray quote on line 2 of orders.csv, the rest one record at a time (as before)") { benchmark in
        var settings = IngestSettings(dataDirectory: Fixture.strayQuoteDirectory, today: Fixture.today)
        settings.growthsReadInChunks = 0
        for _ in benchmark.scaledIterations {
            blackHole(try LedgerReader.read(settings))
        }
    }

    // A CRM export's custom columns: 150 more customers columns, a tenth of their cells filled,
    // kept as "other fields" (ExtraFields: only filled cells are stored).
    Benchmark("read: whole ledger, customers with 150 custom columns, a tenth filled") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LedgerReader.read(IngestSettings(dataDirectory: Fixture.wideDirectory, today: Fixture.today)))
        }
    }

    // The same on one thread: chunks parsed and committed in turn, what the cores add.
    Benchmark("read: whole ledger, one thread") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LedgerReader.read(IngestSettings(dataDirectory: Fixture.directory, today: Fixture.today,
                                                           workers: 1)))
        }
    }
}

/// The generated ledger, written on first use and shared by every benchmark.
enum Fixture {
    static let customers = ProcessInfo.processInfo.environment["BENCH_CUSTOMERS"].flatMap(Int.init) ?? 20_000
    static let today = SampleOptions.defaultEnd + 30

    static let directory: String = {
        let path = NSTemporaryDirectory() + "portrait-bench-\(customers)"
        if !FileManager.default.fileExists(atPath: path + "/interactions.csv") {
            _ = try! LedgerSampler.write(SampleOptions(customers: customers), to: path)
        }
        return path
    }()

    /// The same ledger as XML (`portrait sample --format xml`).
    static let xmlDirectory: String = {
        let path = NSTemporaryDirectory() + "portrait-bench-xml-\(customers)"
        if !FileManager.default.fileExists(atPath: path + "/interactions.xml") {
            _ = try! LedgerSampler.write(SampleOptions(customers: customers, format: .xml), to: path)
        }
        return path
    }()

    /// The ledger with orders and interactions each cut into 48 files at line ends (a header
    /// each), beside the whole customers, reps and opportunities.
    static let monthlyDirectory: String = {
        let path = NSTemporaryDirectory() + "portrait-bench-monthly-\(customers)"
        guard !FileManager.default.fileExists(atPath: path + "/orders-47.csv") else { return path }
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        copy(["customers", "reps", "opportunities"], to: path)
        for table in ["orders", "interactions"] {
            let text = try! String(contentsOfFile: directory + "/\(table).csv", encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let header = lines.first!, rows = lines.dropFirst()
            let size = (rows.count + 47) / 48
            for part in 0..<48 {
                let slice = rows.dropFirst(part * size).prefix(size)
                let body = ([header] + slice).joined(separator: "\n") + "\n"
                try! body.write(toFile: path + "/\(table)-\(String(format: "%02d", part)).csv", atomically: true, encoding: .utf8)
            }
        }
        return path
    }()

    /// The ledger with every customer's phone and name replaced by one placeholder each.
    static let placeholderDirectory: String = {
        let path = NSTemporaryDirectory() + "portrait-bench-placeholders-\(customers)"
        guard !FileManager.default.fileExists(atPath: path + "/customers.csv") else { return path }
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        copy(["reps", "orders", "interactions", "opportunities"], to: path)
        let text = try! String(contentsOfFile: directory + "/customers.csv", encoding: .utf8)
        var lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0].map { HeaderAliases.canonical($0, in: .customers) }
        let phone = header.firstIndex(of: "phone")!, name = header.firstIndex(of: "name")!
        for row in lines.indices.dropFirst() where lines[row].count == header.count {
            lines[row][phone] = "13800000000"
            lines[row][name] = "未知客户"
        }
        try! (lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n")
            .write(toFile: path + "/customers.csv", atomically: true, encoding: .utf8)
        return path
    }()

    /// The ledger with a quote put before the product name on line 2 of orders.csv.
    static let strayQuoteDirectory: String = {
        let path = NSTemporaryDirectory() + "portrait-bench-stray-quote-\(customers)"
        guard !FileManager.default.fileExists(atPath: path + "/orders.csv") else { return path }
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        copy(["customers", "reps", "interactions", "opportunities"], to: path)
        let text = try! String(contentsOfFile: directory + "/orders.csv", encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let product = lines[0].split(separator: ",").map { HeaderAliases.canonical(String($0), in: .orders) }
            .firstIndex(of: "product")!
        cells[product] = "\"" + cells[product]
        lines[1] = cells.joined(separator: ",")
        try! lines.joined(separator: "\n").write(toFile: path + "/orders.csv", atomically: true, encoding: .utf8)
        return path
    }()

    /// The ledger with 150 columns `custom_N` added to customers.csv, one cell in ten filled.
    static let wideDirectory: String = {
        let path = NSTemporaryDirectory() + "portrait-bench-wide-\(customers)"
        guard !FileManager.default.fileExists(atPath: path + "/customers.csv") else { return path }
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        copy(["reps", "orders", "interactions", "opportunities"], to: path)
        let text = try! String(contentsOfFile: directory + "/customers.csv", encoding: .utf8)
        let lines = text.split(separator: "\n")
        var out = String(lines[0]) + "," + (0..<150).map { "custom_\($0)" }.joined(separator: ",") + "\n"
        for (row, line) in lines.dropFirst().enumerated() {
            out += line
            for column in 0..<150 { out += (row * 7 + column * 13) % 10 == 0 ? ",值\(row % 1000)" : "," }
            out += "\n"
        }
        try! out.write(toFile: path + "/customers.csv", atomically: true, encoding: .utf8)
        return path
    }()

    /// Copies `tables` of the generated ledger into `path`, over any copy left by a run stopped
    /// half-way.
    private static func copy(_ tables: [String], to path: String) {
        for table in tables {
            try? FileManager.default.removeItem(atPath: path + "/\(table).csv")
            try! FileManager.default.copyItem(atPath: directory + "/\(table).csv", toPath: path + "/\(table).csv")
        }
    }

    static var interactionsURL: URL { URL(fileURLWithPath: directory + "/interactions.csv") }
    static let interactionsBytes: [UInt8] = [UInt8](try! Data(contentsOf: interactionsURL))
    static let interactionsText = String(decoding: interactionsBytes, as: UTF8.self)
    static let interactionsGB18030 = IconvGB18030.encode(interactionsBytes)

    /// The order_date and amount cells of orders.csv, as the loader sees them.
    static let orderCells: [(String, String)] = {
        let bytes = [UInt8](try! Data(contentsOf: URL(fileURLWithPath: directory + "/orders.csv")))
        var reader = try! CSVReader(utf8: bytes, file: "orders.csv")
        let folded = reader.headers.map(HeaderAliases.fold)
        let date = folded.firstIndex { HeaderAliases.canonical($0, in: .orders) == "order_date" } ?? 2
        let amount = folded.firstIndex { HeaderAliases.canonical($0, in: .orders) == "amount" } ?? 3
        var cells: [(String, String)] = []
        while let record = try! reader.next() {
            guard record.values.count > max(date, amount) else { continue }
            cells.append((record.values[date], record.values[amount]))
        }
        return cells
    }()
}
