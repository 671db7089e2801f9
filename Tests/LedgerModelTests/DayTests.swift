import LedgerModel
import Testing

@Suite("Calendar days")
struct DayTests {
    @Test("dates convert to days since 1970 and back", arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-02-29", 11_016), ("2026-10-31", 20_757),
        ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
    func roundTrip(text: String, raw: Int32) throws {
        let day = try #require(Day(iso: text))
        #expect(day.raw == raw)
        #expect(day.description == text)
    }

    @Test("every date from 1890 to 2210 is one day after the one before, in and out of the month table")
    func consecutiveDays() throws {
        var previous = try #require(Day(year: 1889, month: 12, day: 31))
        #expect(previous.description == "1889-12-31")
        for year in 1890...2210 {
            for month in 1...12 {
                for day in 1...Day.daysIn(month: month, year: year) {
                    let date = try #require(Day(year: year, month: month, day: day))
                    guard date.raw == previous.raw + 1, date.components == (year, month, day) else {
                        Issue.record("\(year)-\(month)-\(day) is \(date.raw), after \(previous.raw)")
                        return
                    }
                    previous = date
                }
            }
        }
        #expect(try #require(Day(year: 1970, month: 1, day: 1)).raw == 0)
    }

    @Test("impossible dates are refused", arguments: [
        "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01", "2026-1-5", "20261031",
    ])
    func impossibleDates(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("day arithmetic counts whole calendar days, across leap days")
    func arithmetic() throws {
        let start = try #require(Day(iso: "2024-02-28")), end = try #require(Day(iso: "2024-03-01"))
        #expect(end - start == 2)
        #expect((start + 365).description == "2025-02-27")
        #expect(try #require(Day(iso: "2026-10-31")).monthIndex - (try #require(Day(iso: "2025-11-01"))).monthIndex == 11)
    }

    @Test("a wall-clock time orders within its day")
    func localDateTime() throws {
        let day = try #require(Day(iso: "2026-10-10"))
        let morning = LocalDateTime(day: day, secondOfDay: 9 * 3600, hasTime: true)
        let midnight = LocalDateTime(day: day)
        #expect(midnight < morning)
        #expect(morning.seconds - midnight.seconds == 32_400)
    }
}

@Suite("Money")
struct MoneyTests {
    @Test("formatting rounds half away from zero on the exact value", arguments: [
        (1_234_565_000, 2, "1234.57"), (-1_234_565_000, 2, "-1234.57"), (1_234_564_999, 2, "1234.56"),
        (5_000, 2, "0.01"), (-5_000, 2, "-0.01"), (4_999, 2, "0.00"), (-4_999, 2, "0.00"),
        (0, 2, "0.00"), (1_500_000, 0, "2"), (50_974_500, 4, "50.9745"), (123, 6, "0.000123"),
    ])
    func formatting(micros: Int64, decimals: Int, text: String) {
        #expect(Money(micros: micros).formatted(decimals: decimals) == text)
    }

    @Test("sums and comparisons are exact")
    func arithmetic() {
        var total = Money.zero
        for _ in 0..<10 { total += Money(micros: 100_000) }
        #expect(total == Money(units: 1))
        #expect(Money(units: 2) - Money(micros: 1) < Money(units: 2))
        #expect((-Money(units: 3)).formatted() == "-3.00")
    }
}

@Suite("Text arena")
struct TextArenaTests {
    @Test("texts come back as stored; an empty text is no text")
    func storesTexts() {
        var arena = TextArena()
        let a = arena.append("客户咨询产品价格，已发送报价单")
        let b = arena.append("")
        let c = arena.append("follow up \"next week\"")
        #expect(arena[a] == "客户咨询产品价格，已发送报价单")
        #expect(b == .empty && arena[b] == nil)
        #expect(arena[c] == "follow up \"next week\"")
    }

    @Test("an arena taken in whole keeps its texts under moved refs, and texts appended after it")
    func takesArenas() {
        var whole = TextArena()
        let first = whole.append("第一批")
        var batches: [(TextArena, [(TextRef, String)])] = []
        for batch in 0..<3 {
            var arena = TextArena()
            var refs: [(TextRef, String)] = []
            for row in 0..<50 {
                let text = row % 7 == 0 ? "" : "批次 \(batch) 行 \(row) 内容"
                refs.append((arena.append(text), text))
            }
            batches.append((arena, refs))
        }
        var taken: [(TextRef, String)] = []
        for (arena, refs) in batches {
            let shift = whole.append(contentsOf: arena)
            for (ref, text) in refs {
                var moved = ref
                if !moved.isEmpty { moved.offset += shift }
                taken.append((moved, text))
            }
        }
        let last = whole.append("最后")
        #expect(whole[first] == "第一批")
        #expect(whole[last] == "最后")
        for (ref, text) in taken {
            #expect(whole[ref] == (text.isEmpty ? nil : text))
            let bytes = whole.withUTF8(ref) { Array($0) }
            #expect(bytes == Array(text.utf8))
        }
    }
}
