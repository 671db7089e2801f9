import Foundation

/// Masks phone numbers and e-mail addresses for the pages (`138****5678`, `z***@example.com`).
///
/// Masking keeps just enough to recognise a contact on the phone with a customer, never enough
/// to dial or mail: the last four digits of a number, the first letter of a mailbox.
package enum ContactMask {
    /// `13812345678` → `138****5678`, `+86 13812345678` → `+86 138****5678`, landlines
    /// `0371-66267353` → `0371-****7353`; anything else keeps its first 3 and last 4 digits.
    /// Fewer than 7 digits show only `****`.
    package static func phone(_ raw: String) -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let digits = text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init)
        guard digits.count >= 7 else { return text.isEmpty ? "" : "****" }
        let tail = String(digits.suffix(4))
        if digits.count == 13, digits.starts(with: ["8", "6"]), digits[2] == "1", ("3"..."9").contains(digits[3]) {
            return (text.hasPrefix("+") ? "+86 " : "86 ") + String(digits[2..<5]) + "****" + tail
        }
        if digits.count == 11, digits[0] == "1", ("3"..."9").contains(digits[1]), !text.hasPrefix("+") {
            return String(digits[0..<3]) + "****" + tail
        }
        if digits[0] == "0", let dash = text.firstIndex(of: "-") {
            let area = text[..<dash].filter { $0.isASCII && $0.isNumber }
            if area.count >= 3, area.count <= 4 { return area + "-****" + tail }
        }
        return (text.hasPrefix("+") ? "+" : "") + String(digits[0..<3]) + "****" + tail
    }

    /// `zhang.wei@example.com` → `z***@example.com`; a value without `@` shows as `***`.
    package static func email(_ raw: String) -> String {
        guard let at = raw.firstIndex(of: "@"), at != raw.startIndex else { return raw.isEmpty ? "" : "***" }
        return String(raw[raw.startIndex]) + "***" + raw[at...]
    }

}
