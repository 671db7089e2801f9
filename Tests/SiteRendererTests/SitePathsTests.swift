@testable import SiteRenderer
import Testing

@Suite struct SitePathsTests {
    static let hostile = ["../../etc/x", "a/b", "a\\b", "CON", "con.txt", "nul", "COM1", "LPT9", ".hidden", "", "..", ".",
                          "x\u{0}y", "line\nbreak", "tab\there", "trailing.", "index", "Index", "a?b#c%d", "名字 空格", "\u{202E}evil"]

    @Test(arguments: hostile)
    func hostileIdsBecomePlainFileNamesInsideTheFolder(_ id: String) {
        let stem = SitePaths.stem(for: id)
        #expect(!stem.isEmpty)
        #expect(!stem.hasPrefix("."))
        #expect(!stem.contains("/") && !stem.contains("\\") && !stem.contains(".."))
        #expect(!stem.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(!["CON", "NUL", "COM1", "LPT9", "INDEX"].contains(stem.uppercased().split(separator: ".").first.map(String.init) ?? ""))
        #expect(stem.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0) })
    }

    @Test func plainIdsAndNonASCIIAreKeptAsTheyAre() {
        #expect(SitePaths.stem(for: "C000123") == "C000123")
        #expect(SitePaths.stem(for: "客户-001") == "客户-001")
        #expect(SitePaths.stem(for: "a.b_c") == "a.b_c")
    }

    @Test func changedIdsGetAHashSoTheyCannotCollide() {
        let a = SitePaths.stem(for: "a/b"), b = SitePaths.stem(for: "a_b"), c = SitePaths.stem(for: "a\\b")
        #expect(b == "a_b")
        #expect(a != b && a != c && a.hasPrefix("a_b-"))
    }

    @Test func longIdsAreCutWithAHash() {
        let long = String(repeating: "客", count: 300)
        let stem = SitePaths.stem(for: long)
        #expect(stem.utf8.count <= SitePaths.maxBytes)
        #expect(stem != SitePaths.stem(for: long + "x"))
    }

    @Test func idsDifferingOnlyByCaseGetDistinctNamesOnCaseInsensitiveDisks() {
        let paths = SitePaths(ids: ["c001", "C001", "C002"])
        let names = ["c001", "C001", "C002"].map { paths.stem($0)!.lowercased() }
        #expect(Set(names).count == 3)
        #expect(paths.stem("C001") == "C001")  // first in code-point order keeps the plain name
        #expect(paths.stem("c001")!.hasPrefix("c001-"))
        // Deterministic whatever the input order.
        #expect(SitePaths(ids: ["C002", "C001", "c001"]).stem("c001") == paths.stem("c001"))
    }
}

@Suite struct SitePathsFastPathTests {
    /// An id the byte check passes as plain is one the character rules keep unchanged.
    @Test func plainIdsAreThoseTheRulesKeep() {
        var random = VariedLedger(seed: 8)
        let alphabet = Array("aZ09-_.COMNULPRTXINDEx$/ 长")
        var plain = 0
        for _ in 0..<100_000 {
            let id = String((0..<random.next(12)).map { _ in random.pick(alphabet) })
            for reserved in [Set(["index"]), Set<String>()] where SitePaths.isPlain(id, reserved: reserved) {
                plain += 1
                #expect(SitePaths.ruledStem(for: id, reserved: reserved) == id, "«\(id)»")
            }
        }
        #expect(plain > 1000)
        #expect(SitePaths.isPlain("C000001", reserved: ["index"]))
        #expect(!SitePaths.isPlain("COM1", reserved: []) && !SitePaths.isPlain("index", reserved: ["index"]))
    }

    /// The positional stems are the planned ones, whether the shortcut (plain ids, distinct up
    /// to case) applies or the ids go through `SitePaths(ids:)`.
    @Test func stemsByPositionAreThePlannedOnes() {
        var random = VariedLedger(seed: 10)
        let alphabets = [Array("abcAB01-_"), Array("abcAB01-_./长 "), Array("aAbB0")]
        var shortcuts = 0, planned = 0
        for round in 0..<600 {
            let alphabet = alphabets[round % alphabets.count]
            let count = 1 + random.next(round % 5 == 0 ? 400 : 30)
            let ids = (0..<count).map { _ in
                String((0..<((round % 2 == 0 ? 6 : 1) + random.next(5))).map { _ in random.pick(alphabet) })
            }
            let paths = SitePaths(ids: ids)
            #expect(SitePaths.stems(of: ids) == ids.map { paths.stem($0)! }, "\(ids)")
            if SitePaths.allPlainAndDistinct(ids, reserved: ["index"]) { shortcuts += 1 } else { planned += 1 }
        }
        #expect(shortcuts > 50 && planned > 50, "\(shortcuts) \(planned)")
        // Equal up to case, or repeated: never the shortcut.
        #expect(!SitePaths.allPlainAndDistinct(["C00001", "c00001"], reserved: []))
        #expect(!SitePaths.allPlainAndDistinct(["C00001", "C00001"], reserved: []))
        #expect(SitePaths.allPlainAndDistinct(["C00001", "C00002"], reserved: []))
        #expect(SitePaths.stems(of: ["C00002", "c00002"]) == ["C00002", SitePaths(ids: ["c00002", "C00002"]).stem("c00002")!])
    }

    @Test func codePointOrderIsTheOrderOfScalars() {
        var random = VariedLedger(seed: 9)
        let alphabet = Array("aA0\u{0}é😀长\u{FFFF}z")
        for _ in 0..<20_000 {
            let a = String((0..<random.next(5)).map { _ in random.pick(alphabet) })
            let b = String((0..<random.next(5)).map { _ in random.pick(alphabet) })
            #expect(SitePaths.codePointOrder(a, b) == a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars), "\(a) \(b)")
        }
    }
}
