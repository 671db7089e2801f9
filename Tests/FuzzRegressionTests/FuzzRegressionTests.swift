import Foundation
import LedgerIngest
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

    /// Files under the target's `seeds` and `regressions` folders, in name order.
    static func savedInputs(of target: FuzzTarget) -> [String] {
        ["seeds", "regressions"].flatMap { kind -> [String] in
            let folder = fixturesDirectory + "/fuzz/\(target.rawValue)/\(kind)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
        }
    }
}
