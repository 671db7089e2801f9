import LedgerModel
import Testing
@testable import LedgerIngest

/// The amount grammar of precise-rules.md "Numbers" and satisfaction scores.
@Suite("Amount and number parsing")
struct ValueParsersAmountTests {
    @Test("Accepted amounts read exactly, in micros", arguments: [
        ("0", 0),
        ("-0", 0),
        ("(0)", 0),
        ("1234.5", 1_234_500_000),
        ("1234.50", 1_234_500_000),
        ("1,234.50", 1_234_500_000),
        ("1,234,567", 1_234_567_000_000),
        ("12,345", 12_345_000_000),
        ("¥1,234.50", 1_234_500_000),
        ("￥1234", 1_234_000_000),
        ("$1,234", 1_234_000_000),
        ("¥ 5", 5_000_000),
        ("RMB 5", 5_000_000),
        ("rmb5", 5_000_000),
        ("CNY 1,000.00", 1_000_000_000),
        ("Cny5", 5_000_000),
        ("-¥5", -5_000_000),
        ("¥-5", -5_000_000),
        ("¥ -5", -5_000_000),
        ("-RMB 5", -5_000_000),
        ("RMB-5", -5_000_000),
        ("-120", -120_000_000),
        ("(120.00)", -120_000_000),
        ("(¥1,234.50)", -1_234_500_000),
        ("1.2万", 12_000_000_000),
        ("3亿", 300_000_000_000_000),
        ("1.23456789亿", 123_456_789_000_000),
        ("5元", 5_000_000),
        ("1.2万元", 12_000_000_000),
        ("¥1.2万元", 12_000_000_000),
        ("(1.2万)", -12_000_000_000),
        ("0.000001", 1),
        ("0.0000005", 1),
        ("0.0000004", 0),
        ("-0.0000005", -1),
        ("1.23456789", 1_234_568),
        ("0.00000001万", 100),
        ("007", 7_000_000),
        ("  42  ", 42_000_000),
        ("１２３４．５", 1_234_500_000),
        ("￥１，２３４", 1_234_000_000),
        ("（１２０）", -120_000_000),
        ("9223372036854.775807", Int64.max),
        ("-9223372036854.775808", Int64.min),
    ] as [(String, Int64)])
    func accepted(cell: String, micros: Int64) {
        #expect(ValueParsers.amount(cell) == Money(micros: micros))
    }

    @Test("Rejected amounts are nil (bad_number)", arguments: [
        "", "+5", "+¥5", "1 234", "1.234,50", "1,23", "1234,567", ",123", "1,,234", "1,234,56",
        "--5", "-¥-5", "(-5)", "-(5)", "(5", "5)", "( 5 )", "¥(5)", "1e309", "1e3", "1E3", "NaN",
        "nan", "Infinity", "-Infinity", "inf", ".5", "5.", "1.2.3", "¥", "¥ ", "¥  5", "- 5",
        "5 元", "1.2 万", "万", "5万亿", "5元万", "5 RMB", "USD 5", "€5", "US$5", "¥$5", "RMB¥5",
        "abc", "12a", "0x10", "1_000", "9223372036854.775808", "-9223372036854.775809",
        "100000000000000000000", "99999999999999999999999999999999999999999",
        "1000000000000万", "5-", "5%",
    ])
    func rejected(cell: String) {
        #expect(ValueParsers.amount(cell) == nil)
    }

    @Test("Satisfaction reads integers 1-5, flags others", arguments: [
        ("4", SatisfactionValue.score(4)),
        ("4.0", .score(4)),
        ("4.00", .score(4)),
        ("１", .score(1)),
        ("５", .score(5)),
        (" 3 ", .score(3)),
        ("0", .outOfRange(0)),
        ("6", .outOfRange(6)),
        ("-1", .outOfRange(-1)),
        ("10", .outOfRange(10)),
        ("4.5", .bad),
        ("4.", .bad),
        (".5", .bad),
        ("+4", .bad),
        ("four", .bad),
        ("4分", .bad),
        ("¥4", .bad),
        ("1,000", .bad),
        ("", .bad),
        ("99999999999999999999", .bad),
    ])
    func satisfaction(cell: String, expected: SatisfactionValue) {
        #expect(ValueParsers.satisfaction(cell) == expected)
    }
}
