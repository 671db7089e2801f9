import Analytics
import LedgerModel
@testable import SiteRenderer
import Testing

@Suite struct LocaleFormattingTests {
    let zh = LocaleFormatting(locale: .zhCN, currency: "CNY")
    let en = LocaleFormatting(locale: .en, currency: "CNY")

    static let money: [(micros: Int64, zh: String, en: String)] = [
        (1_234_500_000, "¥1,234.50", "CN¥1,234.50"),
        (0, "¥0.00", "CN¥0.00"),
        (-3_000_000, "-¥3.00", "-CN¥3.00"),
        (5, "¥0.00", "CN¥0.00"),
        (1_234_567_890_005, "¥1,234,567.89", "CN¥1,234,567.89"),
        (999_995_000, "¥1,000.00", "CN¥1,000.00"),
    ]

    @Test(arguments: money)
    func moneyIsWrittenWithSymbolGroupingAndTwoDecimals(_ row: (micros: Int64, zh: String, en: String)) {
        #expect(zh.money(Money(micros: row.micros)) == row.zh)
        #expect(en.money(Money(micros: row.micros)) == row.en)
    }

    static let compact: [(value: Double, zh: String, en: String)] = [
        (950, "950", "950"),
        (12_345, "1.2万", "12.3K"),
        (123_456, "12.3万", "123K"),
        (99_999_999, "1亿", "100M"),
        (123_000_000, "1.2亿", "123M"),
        (4_530_000_000, "45.3亿", "4.5B"),
        (-52_000, "-5.2万", "-52K"),
    ]

    @Test(arguments: compact)
    func largeNumbersUseWanAndYiInChineseAndKMBInEnglish(_ row: (value: Double, zh: String, en: String)) {
        #expect(zh.compact(row.value) == row.zh)
        #expect(en.compact(row.value) == row.en)
    }

    @Test func compactMoneyCarriesTheSymbol() {
        #expect(zh.moneyCompact(Money(units: 123_456)) == "¥12.3万")
        #expect(en.moneyCompact(Money(units: 453_000_000)) == "CN¥453M")
    }

    @Test func currencyCodesChooseTheirSymbols() {
        #expect(LocaleFormatting(locale: .en, currency: "USD").money(Money(units: 5)) == "$5.00")
        #expect(LocaleFormatting(locale: .zhCN, currency: "USD").money(Money(units: 5)) == "US$5.00")
        #expect(LocaleFormatting(locale: .en, currency: "JPY").money(Money(units: 1500)) == "¥1,500")
        #expect(LocaleFormatting(locale: .en, currency: "chf").money(Money(units: 5)) == "CHF 5.00")
        #expect(LocaleFormatting(locale: .en, currency: "<x>").money(Money(units: 5)) == "X 5.00")
    }

    @Test func datesAreWrittenAsEachLocaleReadsThem() {
        let day = Day(year: 2026, month: 10, day: 31)!
        #expect(zh.date(day) == "2026年10月31日")
        #expect(en.date(day) == "Oct 31, 2026")
        #expect(zh.date(nil) == "–")
        #expect(zh.month(day.monthIndex) == "2026年10月")
        #expect(en.month(day.monthIndex) == "Oct 2026")
        #expect(zh.shortMonth(day.monthIndex) == "26年10月")
        #expect(en.shortMonth(day.monthIndex) == "Oct '26")
        #expect(en.dateTime(LocalDateTime(day: day, secondOfDay: 14 * 3600 + 5 * 60, hasTime: true)) == "Oct 31, 2026 14:05")
    }

    @Test func sharesAndChangesArePercentagesWithOneDecimal() {
        #expect(zh.percent(Ratio(1, 3)) == "33.3%")
        #expect(zh.percent(nil) == "–")
        #expect(en.change(Ratio(1_396, 1_000)) == "+139.6%")
        #expect(en.change(Ratio(-1, 8)) == "−12.5%")
        #expect(en.percent(0.4523) == "45.2%")
        #expect(en.integer(1_234_567) == "1,234,567")
        #expect(en.decimal(Ratio(31, 10), decimals: 2) == "3.10")
    }
}
