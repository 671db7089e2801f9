import Foundation
import PortraitTestSupport
import Testing

/// Amounts whose sums would not fit the exact `Money` type: refused with the line to check,
/// never a trap in analytics or a wrapped-around figure on a page.
@Suite("Amounts beyond exact sums")
struct MoneyBoundsTests {
    static let customers = "customer_id,name\nC1,甲公司\nC2,乙公司\n"

    static func run(_ command: String, orders: String) throws -> PortraitRun {
        let folder = TemporaryFolder("money")
        folder.write("data/customers.csv", bytes: Array(customers.utf8))
        folder.write("data/orders.csv", bytes: Array(orders.utf8))
        let output = command == "build" ? ["--out", "site"] : []
        return try runPortrait([command, "--data", "data", "--as-of", "2026-10-31"] + output, in: folder.path)
    }

    @Test("two orders of 9,000,000,000,000 for one customer: exit 2 naming the largest amount's line",
          arguments: ["build", "validate"])
    func twoHugeOrders(command: String) throws {
        let orders = "order_id,customer_id,order_date,amount\nO1,C1,2026-10-01,100\nO2,C1,2026-10-02,9000000000000\n"
            + "O3,C1,2026-10-03,9000000000000\n"
        let run = try Self.run(command, orders: orders)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("orders.csv:3: the orders amount values add up to more than 9223372036854.775807"))
        #expect(run.stderr.contains("the largest is 9000000000000.00"))
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test("huge amounts of opposite signs still count by their size")
    func oppositeSigns() throws {
        let orders = "order_id,customer_id,order_date,amount\nO1,C1,2026-10-01,9000000000000\nO2,C2,2026-10-02,-9000000000000\n"
        let run = try Self.run("build", orders: orders)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("orders.csv:2:"))
    }

    @Test("one order of 9,000,000,000,000 is within bounds and shows exactly")
    func oneHugeOrder() throws {
        let folder = TemporaryFolder("money-one")
        folder.write("data/customers.csv", bytes: Array(Self.customers.utf8))
        folder.write("data/orders.csv", bytes: Array(
            "order_id,customer_id,order_date,amount\nO1,C1,2026-10-01,9000000000000\nO2,C2,2026-10-02,223372036854.77\n".utf8))
        let run = try runPortrait(["build", "--data", "data", "--out", "site", "--as-of", "2026-10-31"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let customers = try String(contentsOfFile: folder.path + "/site/exports/customers.csv", encoding: .utf8)
        #expect(customers.contains("C1,甲公司,,1,9000000000000.00,"))
        let summary = try String(contentsOfFile: folder.path + "/site/exports/summary.json", encoding: .utf8)
        #expect(summary.contains("9223372036854.77"))
    }

    @Test("quotas and opportunity amounts are bounded the same way", arguments: [
        ("reps.csv", "rep_id,name,quota\nR1,张三,9000000000000\nR2,李四,9000000000000\n", "reps.csv:2: the reps quota values"),
        ("opportunities.csv", "opportunity_id,customer_id,stage,amount\nP1,C1,谈判,9000000000000\nP2,C2,谈判,9000000000000\n",
         "opportunities.csv:2: the opportunities amount values"),
    ])
    func otherTables(file: String, text: String, message: String) throws {
        let folder = TemporaryFolder("money-tables")
        folder.write("data/customers.csv", bytes: Array(Self.customers.utf8))
        folder.write("data/orders.csv", bytes: Array("order_id,customer_id,order_date,amount\nO1,C1,2026-10-01,100\n".utf8))
        folder.write("data/" + file, bytes: Array(text.utf8))
        let run = try runPortrait(["validate", "--data", "data"], in: folder.path)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
