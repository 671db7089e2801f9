import Foundation
import Synchronization
import PortraitTestSupport
import Testing

/// Runs the real `portrait` binary against small folders and checks status, message and files.
@Suite("The portrait command line")
struct CommandLineTests {
    static let customers = "customer_id,name,phone\nC1,Alpha,13800138000\nC2,Beta,13900139000\n"
    static let orders = "order_id,customer_id,order_date,amount\nO1,C1,2026-10-01,100\nO2,C2,2026-10-02,50\n"

    /// A folder with `data/` holding `files` and an old site in `site/` that must survive.
    static func project(_ files: [String: [UInt8]]) -> TemporaryFolder {
        let folder = TemporaryFolder()
        for (name, bytes) in files { folder.write(name, bytes: bytes) }
        folder.write("site/.portrait-site", "old\n")
        folder.write("site/index.html", "OLD SITE")
        return folder
    }

    static func text(_ value: String) -> [UInt8] { Array(value.utf8) }

    static let unreadable: [(name: String, files: [String: [UInt8]], message: String)] = [
        ("missing data folder", [:], "data: The data folder does not exist."),
        ("no table at all", ["data/notes.txt": text("hello")], "Neither a customers table nor an orders table was found."),
        ("configured file missing", ["data/customers.csv": text(customers),
                                     "portrait.yml": text("tables:\n  orders:\n    file: sales.csv\n")],
         "sales.csv: The config names this file for the orders table"),
        ("a PNG named customers.csv", ["data/customers.csv": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]],
         "customers.csv"),
        ("a ZIP named customers.csv", ["data/customers.csv": [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0]], "customers.csv"),
        ("bytes neither UTF-8 nor GB18030", ["data/customers.csv": text("customer_id,name\n") + [0x43, 0x31, 0x2C, 0xFF, 0xFF, 0x0A]],
         "customers.csv:2"),
        ("malformed XML", ["data/customers.xml": text("<customers>\n<customer><customer_id>1</customer_id>\n</customers>\n")],
         "customers.xml:"),
        ("bad YAML", ["data/customers.csv": text(customers), "portrait.yml": text("title: [unclosed\n")],
         "portrait.yml"),
        ("unknown config key", ["data/customers.csv": text(customers), "portrait.yml": text("thresholds:\n  stale_day: 3\n")],
         "portrait.yml:2:3: Unknown key 'stale_day' under `thresholds`. Did you mean 'stale_days'?"),
        ("derive naming an unknown column", ["data/orders.csv": text("order_id,customer_id,order_date,quantity\nO1,C1,2026-10-01,2\n"),
                                             "portrait.yml": text("tables:\n  orders:\n    derive:\n      amount: quantity * price\n")],
         "derive.amount names \"price\", which is no column of orders.csv"),
        ("a required column missing", ["data/orders.csv": text("order_id,customer_id,order_date\nO1,C1,2026-10-01\n")],
         "orders.csv:1: The orders table has no amount column"),
        // Past these, order counts and day arithmetic overflowed: the build crashed.
        ("an order threshold past 32 bits", ["data/orders.csv": text(orders), "portrait.yml": text("thresholds:\n  loyal_orders: 2147483648\n")],
         "`thresholds.loyal_orders` must be a whole number from 1 to 1000000000, not “2147483648”."),
        ("a follow-up period past any date", ["data/orders.csv": text(orders), "portrait.yml": text("thresholds:\n  follow_up_days: 2147483649\n")],
         "`thresholds.follow_up_days` must be a whole number from 1 to 1000000, not “2147483649”."),
    ]

    @Test("unreadable input stops with exit 2, one message naming the file, and the old site untouched",
          arguments: unreadable.indices)
    func unreadableInputStops(case index: Int) throws {
        let item = Self.unreadable[index]
        let folder = Self.project(item.files)
        let run = try runPortrait(["build"], in: folder.path)
        #expect(run.status == 2, "\(item.name): \(run.stderr)")
        #expect(run.stderr.contains(item.message), "\(item.name): \(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(item.name): \(run.stderr)")
        #expect(folder.read("site/index.html") == "OLD SITE", "\(item.name)")
        #expect(!folder.exists(".site.staging"), "\(item.name)")
    }

    @Test("a command line Portrait refuses exits 2, like bad configuration, with the usage", arguments: [
        (["build", "--as-of", "2026-02-30"], "--as-of must be a date written YYYY-MM-DD, not 2026-02-30."),
        (["build", "--locale", "fr"], "--locale must be zh-CN or en, not fr."),
        (["build", "--partition", "region"], "--partition takes team, not region."),
        (["build", "--bogus"], "Unknown option '--bogus'"),
        (["validate", "--as-of", "2026-02-30"], "--as-of must be a date"),
        (["sample", "--customers", "x", "--out", "data"], "The value 'x' is invalid for '--customers <customers>'"),
        (["sample", "--customers", "5", "--out", "new", "--format", "xlsx"], "--format must be csv or xml, not xlsx."),
    ])
    func refusedCommandLine(arguments: [String], message: String) throws {
        let folder = Self.project(["data/orders.csv": Self.text(Self.orders)])
        let run = try runPortrait(arguments, in: folder.path)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("Usage: portrait"), "\(arguments): \(run.stderr)")
        #expect(folder.read("site/index.html") == "OLD SITE")
    }

    /// A build replaces its output folder whole: a data folder inside it was moved into the
    /// previous site and deleted two builds later (found by fuzzing).
    @Test("build refuses an output folder holding its data, configuration or templates", arguments: [
        (["build", "--data", "site/data", "--out", "site"], "holds the data folder site/data"),
        (["build", "--data", "site/data", "--out", "site/"], "holds the data folder site/data"),
        (["build", "--data", "data", "--config", "site/portrait.yml", "--out", "site"], "holds the configuration file site/portrait.yml"),
        (["build", "--data", "data", "--templates", "site/templates", "--out", "site"], "holds the templates folder site/templates"),
    ])
    func outputHoldingInputs(arguments: [String], message: String) throws {
        let folder = Self.project(["data/orders.csv": Self.text(Self.orders), "site/data/orders.csv": Self.text(Self.orders),
                                   "site/portrait.yml": Self.text("locale: en\n"), "site/templates/footer.mustache": Self.text("<footer>x</footer>")])
        let run = try runPortrait(arguments, in: folder.path)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        #expect(folder.read("site/data/orders.csv") == Self.orders && folder.read("site/index.html") == "OLD SITE")
    }

    @Test("help still exits 0")
    func helpExitsZero() throws {
        for arguments in [["--help"], ["build", "--help"], ["help", "validate"]] {
            let run = try runPortrait(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stdout.contains("USAGE: portrait"), "\(arguments)")
        }
    }

    /// A named pipe in place of a table: opening it for reading waited for a writer for ever.
    /// Should a build wait again, this test opens the write end from five seconds on (so the
    /// suite does not hang), which succeeds only while the build waits, and records that.
    @Test("a pipe in place of a table is refused at once as not a regular file", arguments: ["customers.csv", "customers.xml"])
    func namedPipe(name: String) throws {
        let folder = Self.project(["data/orders.csv": Self.text(Self.orders)])
        let pipe = folder.path + "/data/" + name
        #expect(mkfifo(pipe, 0o600) == 0)
        let state = Mutex((finished: false, waited: false))
        let writer = Thread {
            Thread.sleep(forTimeInterval: 5)
            // Each open of the write end releases one waiting open of the read end.
            while !state.withLock({ $0.finished }) {
                let fd = open(pipe, O_WRONLY | O_NONBLOCK)
                if fd >= 0 {
                    state.withLock { $0.waited = true }
                    close(fd)
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        writer.start()
        let run = try runPortrait(["build"], in: folder.path)
        state.withLock { $0.finished = true }
        #expect(!state.withLock { $0.waited }, "the build waited for a writer")
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(name) && run.stderr.contains("not a regular file"), "\(run.stderr)")
        #expect(folder.read("site/index.html") == "OLD SITE")
    }

    @Test("validate prints findings grouped by rule and exits 1 when there are errors")
    func validateReportsErrors() throws {
        let folder = Self.project(["data/customers.csv": Self.text(Self.customers + "C1,Again,\n"),
                                   "data/orders.csv": Self.text(Self.orders)])
        let run = try runPortrait(["validate"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("duplicate_id (error): 1"))
        #expect(run.stdout.contains("customers.csv:4 customer_id:"))
    }

    @Test("validate exits 0 on clean data, and 1 with --strict when there are warnings")
    func strictCountsWarnings() throws {
        let clean = Self.project(["data/customers.csv": Self.text(Self.customers), "data/orders.csv": Self.text(Self.orders)])
        #expect(try runPortrait(["validate"], in: clean.path).status == 0)
        let warned = Self.project(["data/customers.csv": Self.text(Self.customers + "C3,Gamma,12345\n"),
                                   "data/orders.csv": Self.text(Self.orders)])
        #expect(try runPortrait(["validate"], in: warned.path).status == 0)
        #expect(try runPortrait(["validate", "--strict"], in: warned.path).status == 1)
    }

    @Test("validate --format json lists every finding for CI")
    func validateJSON() throws {
        let folder = Self.project(["data/customers.csv": Self.text(Self.customers + "C3,Gamma,12345\n")])
        let run = try runPortrait(["validate", "--format", "json"], in: folder.path)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]]
        #expect(findings?.count == 1)
        #expect(findings?.first?["rule"] as? String == "bad_phone")
        #expect(findings?.first?["line"] as? Int == 4)
        #expect(object?["warnings"] as? Int == 1)
    }

    @Test("build writes findings.csv and an index into the output folder, replacing the old site")
    func buildWritesTheSite() throws {
        let folder = Self.project(["data/customers.csv": Self.text(Self.customers + "C3,Gamma,12345\n"),
                                   "data/orders.csv": Self.text(Self.orders)])
        let run = try runPortrait(["build"], in: folder.path, environment: ["SOURCE_DATE_EPOCH": "1795000000"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(folder.read("site/index.html")?.contains("<html") == true)
        let findings = folder.read("site/exports/findings.csv")
        #expect(findings?.hasPrefix("\u{FEFF}table,line,column,value,rule,severity,message\n") == true)
        #expect(findings?.contains("customers,4,phone,12345,bad_phone,warning,") == true)
        #expect(!folder.exists(".site.staging"))
    }

    @Test("build refuses to replace a folder it did not write")
    func buildRefusesForeignOutput() throws {
        let folder = Self.project(["data/customers.csv": Self.text(Self.customers)])
        folder.write("docs/important.txt", "keep me")
        let run = try runPortrait(["build", "--out", "docs"], in: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("holds files that Portrait did not write"))
        #expect(folder.read("docs/important.txt") == "keep me")
    }

    /// `portrait sample --out data` in a project would replace the real ledger's tables.
    @Test("sample refuses a folder that holds files, unless --force")
    func sampleRefusesAFolderInUse() throws {
        let folder = Self.project(["data/customers.csv": Self.text(Self.customers)])
        let ledger = folder.read("data/customers.csv")
        let refused = try runPortrait(["sample", "--customers", "20", "--out", "data"], in: folder.path)
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("data already holds files (customers.csv)"), "\(refused.stderr)")
        #expect(folder.read("data/customers.csv") == ledger)
        #expect(!folder.exists("data/orders.csv"), "nothing was written")

        // A new folder, or an empty one (a hidden file does not count), is written.
        folder.write("empty/.gitkeep", "")
        for out in ["new/ledger", "empty"] {
            let run = try runPortrait(["sample", "--customers", "20", "--out", out], in: folder.path)
            #expect(run.status == 0, "\(out): \(run.stderr)")
            #expect(folder.exists(out + "/orders.csv"), "\(out)")
        }
        let forced = try runPortrait(["sample", "--customers", "20", "--out", "data", "--force"], in: folder.path)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(folder.read("data/customers.csv") != ledger)
    }
}
