import Foundation
import LedgerIngest
import LedgerModel
import PortraitKit
import PortraitTestSupport
import Testing

/// Memory grows with the ledger, not with the pages, and a ledger too big for the machine is
/// refused before it is read.
@Suite("Resource bounds")
struct ResourceBoundsTests {
    /// A customers.csv of exactly `bytes` bytes; a NUL byte in its last row would stop any read
    /// of it, so a message about memory proves the check came first.
    static func customersCSV(bytes: Int) -> [UInt8] {
        var text = Array("customer_id,name\n".utf8)
        var index = 0
        while text.count < bytes - 40 {
            text += Array(String(format: "C%07d,Customer %07d\n", index, index).utf8)
            index += 1
        }
        text += Array("C9999999,".utf8) + [0] + Array("\n".utf8)
        text += [UInt8](repeating: 0x61, count: bytes - text.count - 1) + [0x0A]
        return text
    }

    @Test("a ledger estimated beyond the memory available stops before reading, with exit 2 and what to do",
          arguments: ["validate", "build"])
    func tooBigForTheMemory(command: String) throws {
        let folder = TemporaryFolder("too-big")
        folder.write("data/customers.csv", bytes: Self.customersCSV(bytes: 1_000_000))
        let run = try runPortrait([command, "--data", "data"], in: folder.path,
                                  environment: ["PORTRAIT_MEMORY_LIMIT": "50M"])
        #expect(run.status == 2)
        #expect(run.stderr == """
            portrait: Cannot read the ledger: data: the ledger is too big for the memory available: its tables \
            hold 1.0 MB (the largest, customers.csv, 1.0 MB), and reading them needs about 136 MB while only \
            50 MB is available (PORTRAIT_MEMORY_LIMIT=50M). Build from a smaller ledger (split the tables, e.g. \
            by region or by year of orders and interactions) or on a machine with more memory. If more is free \
            than Portrait sees (swap, a container limit), set PORTRAIT_MEMORY_LIMIT to it, e.g. \
            PORTRAIT_MEMORY_LIMIT=1G, or to off to skip this check.

            """)
        #expect(!folder.exists("site"))
    }

    @Test("a ledger ten times the machine's memory is refused at once, without any override")
    func tenTimesTheMachine() throws {
        #if os(Linux)
        let meminfo = try String(contentsOfFile: "/proc/meminfo", encoding: .utf8)
        let totalLine = try #require(meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") })
        let total = try #require(Int(totalLine.split(separator: " ")[1])) * 1024
        let folder = TemporaryFolder("ten-times")
        // A sparse file: ten times the machine's memory in size, no disk used.
        let path = folder.write("data/customers.csv", "customer_id,name\n")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(total) * 10)
        try handle.close()
        let clock = ContinuousClock()
        let start = clock.now
        let run = try runPortrait(["validate", "--data", "data"], in: folder.path, environment: ["PORTRAIT_MEMORY_LIMIT": ""])
        #expect(run.status == 2)
        #expect(run.stderr.contains("the ledger is too big for the memory available"), "\(run.stderr)")
        #expect(run.stderr.contains("PORTRAIT_MEMORY_LIMIT="))
        #expect(clock.now - start < .seconds(10))
        #endif
    }

    @Test("PORTRAIT_MEMORY_LIMIT=off skips the check; a limit that fits lets the ledger through")
    func limitOverrides() throws {
        let folder = TemporaryFolder("memory-limit")
        folder.write("data/customers.csv", "customer_id,name\nC1,Ann\n")
        for limit in ["off", "OFF", "1G", "200MiB"] {
            let run = try runPortrait(["validate", "--data", "data"], in: folder.path,
                                      environment: ["PORTRAIT_MEMORY_LIMIT": limit])
            #expect(run.status == 0, "\(limit): \(run.stderr)")
        }
    }

    @Test("a PORTRAIT_MEMORY_LIMIT that is no size is a clear error")
    func limitThatIsNoSize() throws {
        let folder = TemporaryFolder("memory-limit")
        folder.write("data/customers.csv", "customer_id,name\nC1,Ann\n")
        let run = try runPortrait(["validate", "--data", "data"], in: folder.path,
                                  environment: ["PORTRAIT_MEMORY_LIMIT": "lots"])
        #expect(run.status == 2)
        #expect(run.stderr == """
            portrait: Cannot read the ledger: PORTRAIT_MEMORY_LIMIT=lots is not a size. Set it to a number of \
            bytes with an optional unit (K, M, G, T; KiB, MiB, GiB, TiB), e.g. 16G, or to off.

            """)
    }

    @Test("the estimate is a fixed base plus each table file's size times what a byte of its kind costs")
    func estimateByKind() throws {
        let folder = TemporaryFolder("estimate")
        folder.write("customers.csv", "customer_id,name\n" + String(repeating: "a,b\n", count: 2_496) + "c,d\n")
        folder.write("orders.csv", bytes: gb18030("订单编号,客户编号,下单日期,金额\n") + [UInt8](repeating: 0x31, count: 9_000))
        folder.write("interactions.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("customer_id,date\n".utf8))
        folder.write("reps.xml", "<reps><rep><rep_id>S1</rep_id></rep></reps>\n")
        let budget = try MemoryBudget(settings: IngestSettings(dataDirectory: folder.path, today: Day(iso: "2026-11-01")!))
        let kinds = Dictionary(uniqueKeysWithValues: budget.inputs.map { ($0.file, $0.kind) })
        #expect(kinds == ["customers.csv": .plainCSV, "orders.csv": .convertedCSV,
                          "interactions.csv": .plainCSV, "reps.xml": .xml])
        let expected = MemoryBudget.baseBytes + budget.inputs.reduce(0) {
            $0 + Int((Double($1.bytes) * $1.kind.bytesPerInputByte).rounded(.up))
        }
        #expect(budget.estimatedBytes == expected)
        #expect(budget.inputBytes == budget.inputs.reduce(0) { $0 + $1.bytes })
        #expect(budget.inputs.first { $0.file == "customers.csv" }?.bytes == 10_005)
    }

    /// Customers keep only their filled cells of unknown columns (decisions.md 64): a CSV of
    /// 20,000 rows and 1,000 empty such columns (20 MB) peaks at 69 MB in a build, where a slot
    /// per column took 470 MB. Its bytes alone are the estimate.
    @Test("customers' columns that no alias names cost no more than their bytes")
    func unknownCustomerColumns() throws {
        let folder = TemporaryFolder("estimate-wide")
        let header = "客户编号,客户名称," + (1...1_000).map { "x\($0)" }.joined(separator: ",") + ",ERP编号\n"
        let rows = (1...2_000).map { "C\($0),N" + String(repeating: ",", count: 1_001) + "\n" }.joined()
        folder.write("customers.csv", bytes: gb18030(header) + Array(rows.utf8))
        var settings = IngestSettings(dataDirectory: folder.path, today: Day(iso: "2026-11-01")!)
        settings.tables[.customers] = TableSettings(columns: ["external_id": ["ERP编号"]])
        let budget = try MemoryBudget(settings: settings)
        let customers = try #require(budget.inputs.first { $0.file == "customers.csv" })
        #expect(customers.kind == .convertedCSV)
        #expect(customers.estimatedBytes == Int((Double(customers.bytes) * MemoryBudget.InputKind.convertedCSV.bytesPerInputByte).rounded(.up)))
    }

    @Test("sizes parse with decimal and binary units", arguments: [
        ("1000", 1000), ("50M", 50_000_000), ("1.5GB", 1_500_000_000), ("2 GiB", 2_147_483_648),
        ("512mib", 536_870_912), ("1T", 1_000_000_000_000), ("0", 0),
    ])
    func sizesParse(text: String, bytes: Int) {
        #expect(MemoryBudget.parseSize(text) == bytes)
    }

    @Test("what is no size is refused", arguments: ["", "lots", "-1G", "1X", "1e3", "99999999999T"])
    func noSize(text: String) {
        #expect(MemoryBudget.parseSize(text) == nil)
    }

    @Test("the memory available is read from the kernel, and is no more than the machine has")
    func availableMemory() throws {
        #if os(Linux)
        let available = try #require(MemoryBudget.availableMemory())
        let meminfo = try String(contentsOfFile: "/proc/meminfo", encoding: .utf8)
        let totalLine = try #require(meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") })
        let total = try #require(Int(totalLine.split(separator: " ")[1])) * 1024
        #expect(available > 0)
        #expect(available <= total)
        #endif
    }

    @Test("memory grows with the data, not with the page count: 4,000 portraits cost what none cost")
    func memoryDoesNotGrowWithPages() throws {
        let folder = TemporaryFolder("pages-memory")
        _ = try LedgerSampler.write(SampleOptions(customers: 4_000, seed: 5), to: folder.path + "/data")
        folder.write("none.yml", "pages:\n  portraits: none\n")
        folder.write("all.yml", "pages:\n  portraits: all\n")
        var peaks: [String: Int] = [:]
        for pages in ["none", "all"] {
            let root = folder.path
            let run = try runPortraitMeasuringMemory(
                ["build", "--data", "\(root)/data", "--config", "\(root)/\(pages).yml", "--out", "\(root)/site-\(pages)"],
                outputIn: root, environment: ["SOURCE_DATE_EPOCH": "1795000000"])
            #expect(run.status == 0, "\(run.stderr)")
            peaks[pages] = run.peakBytes
        }
        let portraits = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/site-all/customers")
            .filter { $0 != "index.html" }
        let pageBytes = try portraits.reduce(0) {
            $0 + (try FileManager.default.attributesOfItem(atPath: folder.path + "/site-all/customers/" + $1)[.size] as? Int ?? 0)
        }
        #expect(portraits.count == 4_000)
        #expect(pageBytes > 20_000_000, "the portraits are big enough for the bound to mean something")
        // Holding the pages in memory would add at least their bytes; rendering them in parallel
        // costs a few megabytes of buffers per thread (1.7 MB measured for these 4,000 pages, 47 MB).
        // The figures are the child's own: a 4,000-customer build needs about 60 MB (debug
        // build), less than the test process holds while other tests run beside it.
        #expect(try #require(peaks["none"]) < 100_000_000, "none: \(peaks["none"] ?? 0) bytes")
        let growth = try #require(peaks["all"]) - (try #require(peaks["none"]))
        #expect(growth < pageBytes / 2, "all: \(peaks["all"] ?? 0), none: \(peaks["none"] ?? 0), pages: \(pageBytes) bytes")
    }
}
