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
            return Day(raw: Int32(clamping: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
        }
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? Day(raw: Int32(now / 86_400))
    }
}
