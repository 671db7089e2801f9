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

    /// An arena and the texts its refs should read.
    private struct Filled {
        var arena = TextArena()
        var texts: [(TextRef, String)] = []

        mutating func add(_ text: String) { texts.append((arena.append(text), text)) }

        /// Adds `other`'s texts through `append(contentsOf:)`, moving its refs.
        mutating func take(_ other: Filled) {
            let shift = arena.append(contentsOf: other.arena)
            for (ref, text) in other.texts {
                var moved = ref
                if !moved.isEmpty { moved.offset += shift }
                texts.append((moved, text))
            }
        }

        func check() {
            for (ref, text) in texts {
                #expect(arena[ref] == (text.isEmpty ? nil : text))
                #expect(arena.withUTF8(ref) { Array($0) } == Array(text.utf8))
            }
        }
    }

    @Test("arenas merged into arenas, small ones copied and large ones taken, keep every text under moved refs")
    func takesArenas() {
        var random = SystemRandomNumberGenerator()
        /// An arena of about `bytes` bytes of texts (some empty), as a batch of a table would be.
        func batch(_ name: String, bytes: Int) -> Filled {
            var filled = Filled()
            var written = 0
            var row = 0
            while written < bytes {
                let text = row % 9 == 0 ? "" : "\(name) 行 \(row) " + String(repeating: "内容", count: Int.random(in: 0...40, using: &random))
                filled.add(text)
                written += text.utf8.count + 1
                row += 1
            }
            return filled
        }
        var whole = Filled()
        whole.add("第一批")
        for round in 0..<6 {
            // Batches of one text, a few hundred bytes, just under and over the copy limit,
            // several megabytes, and none.
            for size in [0, 1, 300, 60_000, 70_000, 2_500_000] {
                whole.take(batch("r\(round)-\(size)", bytes: size))
            }
            // An arena that took others is taken in turn.
            var nested = batch("n\(round)", bytes: 100_000)
            nested.take(batch("n\(round)a", bytes: 500))
            nested.take(batch("n\(round)b", bytes: 80_000))
            nested.add("嵌套之后")
            whole.take(nested)
            whole.add("第 \(round) 轮之后")
        }
        whole.check()
        var empty = TextArena()
        #expect(empty.append(contentsOf: TextArena()) == 0)
    }

    @Test("a hundred thousand one-text arenas merged one by one")
    func mergesManySmallArenas() {
        var whole = Filled()
        for row in 0..<100_000 {
            var one = Filled()
            one.add(row % 5 == 0 ? "" : "记录 \(row)")
            whole.take(one)
        }
        whole.check()
    }
}
