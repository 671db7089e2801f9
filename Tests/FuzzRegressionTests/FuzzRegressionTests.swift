import Foundation
import LedgerIngest
import LedgerModel
import PortraitFuzzTargets
import PortraitTestSupport
import Testing

/// Replays the saved fuzz inputs (seeds and every input that once crashed, hung or leaked)
/// through the same pure functions libFuzzer calls; a regression traps the test process.
///
/// Only files under `Tests/Fixtures/fuzz/TARGET/{seeds,regressions}` run, never a live corpus,
/// so the cost stays at a few hundred small inputs.
@Suite("Saved fuzz inputs")
struct FuzzRegressionTests {
    @Test("every saved input runs through its target without crashing", arguments: FuzzTarget.allCases)
    func savedInputsRun(target: FuzzTarget) throws {
        let inputs = Self.savedInputs(of: target)
        #expect(!inputs.isEmpty, "Tests/Fixtures/fuzz/\(target.rawValue)/seeds holds the seed corpus")
        for path in inputs {
            let data = try #require(FileManager.default.contents(atPath: path), "\(path) is readable")
            target.run(Array(data))
        }
    }

    @Test("a derive expression nested thousands deep is a syntax error, not a stack overflow",
          arguments: ["(", "-"])
    func deeplyNestedDeriveIsRefused(opening: String) {
        let text = opening == "("
            ? String(repeating: "(", count: 2000) + "1" + String(repeating: ")", count: 2000)
            : String(repeating: "-", count: 20000) + "1"
        let error = #expect(throws: DeriveExpression.SyntaxError.self) { try DeriveExpression(parsing: text) }
        #expect(error?.message == "the expression nests more than 100 levels deep")
        #expect(error?.position == 100)
    }

    @Test("a derive expression nested 99 deep still parses")
    func moderatelyNestedDeriveParses() throws {
        let text = String(repeating: "(", count: 99) + "unit_price" + String(repeating: ")", count: 99)
        #expect(try DeriveExpression(parsing: text).identifiers == ["unit_price"])
    }

    @Test("order lines summing beyond 9.2 trillion leave out the overflowing line as a bad number")
    func orderTotalOverflowIsAFinding() throws {
        let folder = TemporaryFolder()
        folder.write("customers.csv", "customer_id,name\nC1,Ann\n")
        folder.write("orders.csv", """
            order_id,customer_id,order_date,amount
            O1,C1,2026-01-02,9000000000000
            O1,C1,2026-01-02,9000000000000
            O1,C1,2026-01-02,1

            """)
        let ledger = try LedgerReader.read(IngestSettings(dataDirectory: folder.path, today: Day(iso: "2026-11-01")!))
        #expect(ledger.orders.map(\.amount) == [Money(units: 9_000_000_000_001)])
        #expect(ledger.findings.map { "\($0.line) \($0.rule.rawValue)" } == ["3 bad_number"])
        #expect(ledger.source(.orders).usedRows == 2)
    }

    /// Files under the target's `seeds` and `regressions` folders, in name order.
    static func savedInputs(of target: FuzzTarget) -> [String] {
        ["seeds", "regressions"].flatMap { kind -> [String] in
            let folder = fixturesDirectory + "/fuzz/\(target.rawValue)/\(kind)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
        }
    }
}
