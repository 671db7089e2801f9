import Foundation
import LedgerModel

/// "Today": the date of `SOURCE_DATE_EPOCH` (UTC) when set, for reproducible builds; else the
/// system's local date (precise-rules.md).
package enum Today {
    package static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Day {
        if let text = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                throw PortraitError(stage: .loadConfiguration,
                                    message: "SOURCE_DATE_EPOCH=\(text) is not a whole number of seconds since 1970. Set it to e.g. $(git log -1 --format=%ct) or unset it.")
            }
            let days = seconds / 86_400 - (seconds % 86_400 < 0 ? 1 : 0)  // rounded down, without overflow
            // The years dates are written in (YYYY): further out, the pages' month names and the
            // day arithmetic left their range and the build crashed (found by fuzzing).
            guard let first = Day(year: 1, month: 1, day: 1), let last = Day(year: 9999, month: 12, day: 31),
                  days >= Int64(first.raw), days <= Int64(last.raw) else {
                throw PortraitError(stage: .loadConfiguration,
                                    message: "SOURCE_DATE_EPOCH=\(text) is not a time between the years 1 and 9999. Set it to e.g. $(git log -1 --format=%ct) or unset it.")
            }
            return Day(raw: Int32(days))
        }
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? Day(raw: Int32(now / 86_400))
    }
}
