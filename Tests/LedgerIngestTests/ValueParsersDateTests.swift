import LedgerModel
import Testing
@testable import LedgerIngest

/// Every date form of precise-rules.md "Dates", accepted and rejected.
@Suite("Date parsing")
struct ValueParsersDateTests {
    /// `YYYY-MM-DD`, plus ` HH:MM:SS` when the cell had a time.
    static func render(_ value: LocalDateTime?) -> String? {
        guard let value else { return nil }
        guard value.hasTime else { return value.day.description }
        let s = Int(value.secondOfDay)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return value.day.description + " " + two(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60)
    }

    @Test("Accepted forms read as the wall date and time", arguments: [
        ("2025-03-01", "2025-03-01"),
        ("2025-3-1", "2025-03-01"),
        ("2025/3/1", "2025-03-01"),
        ("2025/03/01", "2025-03-01"),
        ("2025.03.01", "2025-03-01"),
        ("2025.3.1", "2025-03-01"),
        ("2025年3月1日", "2025-03-01"),
        ("2025年03月01日", "2025-03-01"),
        ("20250301", "2025-03-01"),
        ("03/01/2025", "2025-03-01"),
        ("3/1/2025", "2025-03-01"),
        ("12/31/2025", "2025-12-31"),
        (" 2025-03-01 ", "2025-03-01"),
        ("２０２５－０３－０１", "2025-03-01"),
        ("２０２５年３月１日", "2025-03-01"),
        ("2024-02-29", "2024-02-29"),
        ("2000-02-29", "2000-02-29"),
        ("0001-01-01", "0001-01-01"),
        ("9999-12-31", "9999-12-31"),
        ("2025-03-01 09:30", "2025-03-01 09:30:00"),
        ("2025-03-01 9:30", "2025-03-01 09:30:00"),
        ("2025-03-01T09:30:15", "2025-03-01 09:30:15"),
        ("2025-03-01T09:30:15.123", "2025-03-01 09:30:15"),
        ("2025-03-01T09:30:15.123456Z", "2025-03-01 09:30:15"),
        ("2025-03-01T09:30:15Z", "2025-03-01 09:30:15"),
        ("2025-03-01T09:30:15+08:00", "2025-03-01 09:30:15"),
        ("2025-03-01T23:30:00-05:00", "2025-03-01 23:30:00"),
        ("2025-03-01T09:30+0800", "2025-03-01 09:30:00"),
        ("2025-03-01 09:30:15 +08:00", "2025-03-01 09:30:15"),
        ("2025-03-01T09:30:15+08", "2025-03-01 09:30:15"),
        ("2025-03-01  00:00", "2025-03-01 00:00:00"),
        ("2025/3/1 23:59:59", "2025-03-01 23:59:59"),
        ("2025年3月1日 14:05", "2025-03-01 14:05:00"),
        ("20250301 08:00", "2025-03-01 08:00:00"),
        ("03/01/2025 10:00:00", "2025-03-01 10:00:00"),
        ("２０２５－０３－０１　１０：００", "2025-03-01 10:00:00"),
    ])
    func accepted(cell: String, expected: String) {
        #expect(Self.render(ValueParsers.date(cell, order: .ymd)) == expected)
    }

    @Test("A bare date has no time; a given midnight has one")
    func hasTime() {
        #expect(ValueParsers.date("2025-03-01", order: .ymd)?.hasTime == false)
        #expect(ValueParsers.date("2025-03-01 00:00", order: .ymd)?.hasTime == true)
        #expect(ValueParsers.date("2025-03-01 00:00", order: .ymd)?.secondOfDay == 0)
    }

    @Test("NN/NN/YYYY is month first unless the order is dmy", arguments: [
        ("03/04/2025", DateOrder.ymd, "2025-03-04"),
        ("03/04/2025", DateOrder.mdy, "2025-03-04"),
        ("03/04/2025", DateOrder.dmy, "2025-04-03"),
        ("13/04/2025", DateOrder.dmy, "2025-04-13"),
        ("1/2/2025", DateOrder.dmy, "2025-02-01"),
    ])
    func order(cell: String, order: DateOrder, expected: String) {
        #expect(Self.render(ValueParsers.date(cell, order: order)) == expected)
    }

    @Test("Rejected forms are nil (bad_date)", arguments: [
        "", "2025", "2025-03", "25-03-01", "03/01/25", "3/1/25", "0000-01-01", "0000-00-00",
        "2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-03-32",
        "2025-03-01 24:00", "2025-03-01 23:60", "2025-03-01 23:59:60", "2025-03-01 25:00",
        "45000", "45000.5", "4500", "123456789", "2025-3/1", "2025/03-01", "2025-003-01",
        "2025-03-001", "13/13/2025", "03/01/02025", "2025-03-01T", "2025-03-01 10",
        "2025-03-01 10:5", "2025-03-01 10:00:5", "2025-03-01 10:00:00.", "2025-03-01 10:00 PM",
        "2025-03-01Z", "2025-03-01T10:00+8", "2025-03-01T10:00+08:0", "2025-03-01T10:00+080", "2025-03-01T10:00+08:60", "2025-03-01T10:00+24:00", "2025-03-01 10:00 CST",
        "2025年3月1", "2025年3月", "2025年13月1日", "March 1, 2025", "1 Mar 2025", "today",
        "2025-03-01x", "+2025-03-01", "-2025-03-01", "2025--03-01", "10000-01-01", "99991231x",
        "20250229", "2025030", "202503011",
    ])
    func rejected(cell: String) {
        #expect(ValueParsers.date(cell, order: .ymd) == nil)
    }

    @Test("Trailing whitespace is trimmed, not an empty time")
    func trailingSpace() {
        #expect(ValueParsers.date("2025-03-01 ", order: .ymd) != nil)
        #expect(ValueParsers.date("2025-03-01\u{3000}", order: .ymd) != nil)
    }
}
