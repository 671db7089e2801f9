import Analytics
import Charts
import LedgerModel
@testable import SiteRenderer
import Testing

/// Each byte format gives the text of its `LocaleFormatting` twin (escaped, as pages write it).
@Suite struct ByteFormatterTests {
    static let formats = [(SiteLocale.zhCN, "CNY"), (.en, "CNY"), (.en, "JPY"), (.zhCN, "USD"), (.en, "xbt9"), (.en, "")]

    static func bytes(_ body: (inout ByteBuffer) -> Void) -> String {
        var buffer = ByteBuffer(capacity: 16)
        body(&buffer)
        return buffer.string
    }

    static var interestingMicros: [Int64] {
        var values: [Int64] = [0, 1, -1, 4_999, 5_000, -5_000, 9_999, 10_000, 994_999, 995_000, 999_999_999, 1_000_000_000_000,
                               Int64.max, Int64.min, Int64.min + 1, -1_234_567_890_123]
        var state: UInt64 = 99
        for _ in 0..<3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let magnitude = Int64(state >> (1 + state % 60))
            values.append(state & 1 == 0 ? magnitude : -magnitude)
        }
        return values
    }

    @Test(arguments: formats)
    func moneyIntegersAndRatiosMatch(locale: SiteLocale, currency: String) {
        let fmt = LocaleFormatting(locale: locale, currency: currency)
        let arena = ByteArena()
        defer { withExtendedLifetime(arena) {} }
        let bytes = ByteFormatter(fmt, arena: arena)
        for micros in Self.interestingMicros {
            let money = Money(micros: micros)
            #expect(Self.bytes { bytes.append(money: money, to: &$0) } == HTML.escape(fmt.money(money)), "\(micros)")
            #expect(Self.bytes { ByteFormatter.append(plainMoney: money, to: &$0) } == money.formatted(decimals: 2), "\(micros)")
            #expect(Self.bytes { bytes.append(integer: Int(micros), to: &$0) } == fmt.integer(Int(micros)), "\(micros)")
            for denominator in [Int64(1), 3, 7, -9, 1_000_000, 123_456_789] {
                let ratio = Ratio(Int128(micros), Int128(denominator))
                #expect(Self.bytes { bytes.append(money: ratio, to: &$0) } == HTML.escape(fmt.money(ratio)), "\(micros)/\(denominator)")
                #expect(Self.bytes { bytes.append(percent: ratio, to: &$0) } == fmt.percent(ratio), "\(micros)/\(denominator)")
                #expect(Self.bytes { bytes.append(decimal: ratio, decimals: 1, to: &$0) } == fmt.decimal(ratio, decimals: 1))
            }
        }
        #expect(Self.bytes { bytes.append(money: nil, to: &$0) } == fmt.money(nil))
        #expect(Self.bytes { bytes.append(percent: nil, to: &$0) } == fmt.percent(nil))
    }

    @Test(arguments: formats)
    func compactMoneyMatches(locale: SiteLocale, currency: String) {
        let fmt = LocaleFormatting(locale: locale, currency: currency)
        let arena = ByteArena()
        defer { withExtendedLifetime(arena) {} }
        let bytes = ByteFormatter(fmt, arena: arena)
        var values: [Double] = [0, -0.0, 0.04, 0.05, 0.5, 1, 99.94, 99.95, 99.96, 100, 999.4, 999.5, 9_999.4, 9_999.5, 9_999.6,
                                99_995, 999_949, 999_950, 1e8 * 0.99995, 1e12, 1e15, 1e16, 9e15, 1e300, .nan, .infinity, -.infinity]
        var state: UInt64 = 5
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let scale = Self.pow10(Int(state % 17))
            values.append((Double(state >> 11) / Double(1 << 53) - 0.3) * scale)
        }
        for value in values {
            #expect(Self.bytes { bytes.append(moneyCompact: value, to: &$0) } == HTML.escape(fmt.moneyCompact(value)), "\(value)")
        }
    }

    @Test(arguments: SiteLocale.allCases)
    func datesMatch(locale: SiteLocale) {
        let fmt = LocaleFormatting(locale: locale, currency: "CNY")
        let arena = ByteArena()
        defer { withExtendedLifetime(arena) {} }
        let bytes = ByteFormatter(fmt, arena: arena)
        for raw in stride(from: Int32(-719_162), through: 2_932_896, by: 997) + [0, 20_000, 20_757] {
            let day = Day(raw: raw)
            #expect(Self.bytes { bytes.append(date: day, to: &$0) } == fmt.date(day))
            #expect(Self.bytes { ByteFormatter.append(iso: day, to: &$0) } == day.description)
            for second in [Int32(0), 59, 60, 3_599, 3_600, 43_210, 86_399] {
                for hasTime in [true, false] {
                    let time = LocalDateTime(day: day, secondOfDay: second, hasTime: hasTime)
                    #expect(Self.bytes { bytes.append(dateTime: time, to: &$0) } == fmt.dateTime(time))
                }
            }
        }
        #expect(Self.bytes { bytes.append(date: nil, to: &$0) } == fmt.date(nil))
    }

    static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }
}
