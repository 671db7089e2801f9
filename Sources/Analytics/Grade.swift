/// The computed ABC grade (客户分级); customers with M = 0 have none (shown as 潜在 / prospect).
package enum Grade: String, CaseIterable, Sendable, Comparable {
    case a = "A", b = "B", c = "C"

    package static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Reads the ledger's own grade column: `A`/`VIP` → A, `B` → B, `C` → C, nil otherwise.
    ///
    /// Case-insensitive after trimming, and a trailing `级` or `类` is ignored (`A级`), because
    /// ledgers write grades that way; anything else (`D`, `重要`) is not an ABC grade.
    package init?(ledgerValue: String) {
        var text = ledgerValue.trimmingWhitespace().uppercased()
        if text.hasSuffix("级") || text.hasSuffix("类") { text.removeLast() }
        switch text {
        case "A", "VIP": self = .a
        case "B": self = .b
        case "C": self = .c
        default: return nil
        }
    }

    /// What a ledger value made only of ASCII letters and digits reads as.
    enum PlainRead: Equatable {
        /// The value is such a word; its grade, or nil when it is none (`D`, `VIP1`).
        case word(Grade?)
        /// Empty, or holding any other character: ``init(ledgerValue:)`` decides.
        case other
    }

    /// Reads a plain ASCII word from its bytes: it has nothing to trim and no `级` or `类`, so
    /// this agrees with ``init(ledgerValue:)`` without making the trimmed and uppercased copies
    /// (a million customers' grade column).
    static func readPlain(_ value: String) -> PlainRead {
        var key: UInt32 = 0
        var length = 0
        for byte in value.utf8 {
            let upper: UInt8
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): upper = byte - 32
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): upper = byte
            default: return .other
            }
            key = key << 8 | UInt32(upper)
            length += 1
        }
        switch (length, key) {
        case (0, _): return .other
        case (1, UInt32(UInt8(ascii: "A"))): return .word(.a)
        case (1, UInt32(UInt8(ascii: "B"))): return .word(.b)
        case (1, UInt32(UInt8(ascii: "C"))): return .word(.c)
        case (3, UInt32(UInt8(ascii: "V")) << 16 | UInt32(UInt8(ascii: "I")) << 8 | UInt32(UInt8(ascii: "P"))):
            return .word(.a)
        default: return .word(nil)
        }
    }
}
