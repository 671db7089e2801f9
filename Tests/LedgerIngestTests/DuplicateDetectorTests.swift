import LedgerModel
import PortraitTestSupport
import Testing
@testable import LedgerIngest

/// Duplicate keys matched by hashes in parts against the same keys in a `[String: Int32]`.
@Suite("Duplicate detection")
struct DuplicateDetectorTests {
    /// Customers drawn from small pools of phones, e-mails, names and cities, so that most keys
    /// repeat, with cells that normalise to the same key written differently.
    static func customers(count: Int, seed: UInt64, inexact: Bool = false) -> [Customer] {
        var generator = SplitMix64(seed: seed)
        let phones = ["13800138000", "138-0013-8000", "+86 138 0013 8000", "021-61234567", "(021) 6123-4567",
                      "13912345678", "bad phone", "0755-12345678", "+1 (415) 555-0100"]
        let emails = ["a@b.cn", "A@B.CN", "sales@x.com", "Sales@X.com", "not an address", "li@firm.com.cn"]
        var names = ["北京丰弘新材料有限公司", "北京丰弘新材料有限公司 ", "重庆兴荣物流", "Acme Ltd", "ACME LTD.", "acme",
                     "张三", "李四", "Zoë GmbH"]
        if inexact { names.append("Cafe\u{301} Ltd") }
        let cities = ["北京市", "上海", "", "Köln"]
        return (0..<count).map { index in
            var customer = Customer(id: "C\(index)", name: names[Int(generator.next() % UInt64(names.count))],
                                    line: Int32(index + 2))
            if generator.next() % 5 != 0 { customer.phone = phones[Int(generator.next() % UInt64(phones.count))] }
            if generator.next() % 4 != 0 { customer.email = emails[Int(generator.next() % UInt64(emails.count))] }
            if generator.next() % 3 == 0 {
                customer.type = .individual
                let city = cities[Int(generator.next() % UInt64(cities.count))]
                customer.city = city.isEmpty ? nil : city
            }
            return customer
        }
    }

    @Test("Hashes in parts find the matches of strings, in file order", arguments: [0, 1, 3, 7])
    func hashMatchesEqualStringMatches(partBits: Int) throws {
        for (count, seed) in [(0, 1), (1, 2), (2, 3), (50, 4), (3_000, 5)] as [(Int, UInt64)] {
            let list = Self.customers(count: count, seed: seed)
            for key in DuplicateDetector.Key.allCases {
                let expected = DuplicateDetector.matchesByStrings(key, in: list)
                let found = try #require(DuplicateDetector.matchesByHash(key, in: list, partBits: partBits))
                #expect(found.map(\.index) == expected.map(\.index), "\(key) \(count)")
                #expect(found.map(\.earlier) == expected.map(\.earlier), "\(key) \(count)")
                let chosen = DuplicateDetector.matches(key, in: list)
                #expect(chosen.map(\.index) == expected.map(\.index) && chosen.map(\.earlier) == expected.map(\.earlier))
            }
        }
    }

    @Test("A key that is not exact leaves the matching to strings")
    func inexactKeyFallsBack() {
        let list = Self.customers(count: 400, seed: 9, inexact: true)
        #expect(list.contains { $0.name.unicodeScalars.contains("\u{301}") && $0.type != .individual })
        #expect(DuplicateDetector.matchesByHash(.name, in: list) == nil)
        let expected = DuplicateDetector.matchesByStrings(.name, in: list)
        let chosen = DuplicateDetector.matches(.name, in: list)
        #expect(chosen.map(\.index) == expected.map(\.index) && chosen.map(\.earlier) == expected.map(\.earlier))
    }
}
