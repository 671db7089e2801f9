/// XML/HTML escaping for every text node and attribute value the charts write.
///
/// One function serves both contexts: escaping all five of `& < > " '` is valid in text and in
/// double- or single-quoted attributes, so no caller has to remember which one it is in.
package enum XML {
    /// Returns `text` with `& < > " '` replaced by entities, by `Character`, as swift-mustache
    /// escapes a `{{value}}` (`HTML.escapeAsTemplates` in SiteRenderer).
    ///
    /// - Complexity: O(n); returns the input untouched (no copy) when nothing needs escaping.
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A token safe for an `id` attribute: letters, digits, `-` and `_` kept, anything else `-`.
    ///
    /// Chart ids come from callers and end up inside `aria-labelledby`, which is a space-separated
    /// list, so a space or quote in an id would silently break the accessible name.
    static func identifier(_ raw: String) -> String {
        var result = ""
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x2D || v == 0x5F
            result.unicodeScalars.append(ok ? scalar : "-")
        }
        return result.isEmpty ? "chart" : result
    }
}
