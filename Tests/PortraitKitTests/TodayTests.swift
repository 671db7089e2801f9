import LedgerModel
import PortraitKit
import Testing

/// `SOURCE_DATE_EPOCH` gives "today" for reproducible builds; a value outside the years dates
/// are written in is refused (it crashed the build: found by fuzzing).
@Suite("Today from SOURCE_DATE_EPOCH")
struct TodayTests {
    @Test(arguments: [
        ("0", "1970-01-01"),
        ("86399", "1970-01-01"),
        ("-1", "1969-12-31"),
        (" 1795000000 ", "2026-11-18"),
        ("-62135596800", "0001-01-01"),
        ("253402300799", "9999-12-31"),
    ])
    func aTimeGivesItsUTCDate(value: String, date: String) throws {
        #expect(try Today.resolve(environment: ["SOURCE_DATE_EPOCH": value]) == Day(iso: date))
    }

    @Test(arguments: ["-62135596801", "-62140000000", "253402300800", "9223372036854775807", "-9223372036854775808",
                      "1e30", "abc", ""])
    func aTimeOutsideTheYears1To9999OrNoNumberIsRefused(value: String) {
        #expect(throws: PortraitError.self) { try Today.resolve(environment: ["SOURCE_DATE_EPOCH": value]) }
    }
}
