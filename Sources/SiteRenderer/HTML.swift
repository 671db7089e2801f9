import Charts

/// Escaping for HTML and for JavaScript string literals: the one rule every value from the data
/// passes through on its way into a page.
package enum HTML {
    /// Escapes `& < > " '` so the text is safe in element content and in quoted attributes.
    package static func escape(_ text: String) -> String {
        @inline(__always) func special(_ byte: UInt8) -> Bool {
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
        }
        let needed = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? text.utf8.contains(where: special)
        guard needed else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// `text` escaped exactly as swift-mustache escapes a `{{value}}`: by `Character`, so a
    /// special character that begins a longer grapheme (`"` and a combining mark) is kept as is,
    /// where ``escape(_:)``, by scalar, escapes it. For text spliced into a page the templates
    /// would otherwise render. The charts escape their text the same way.
    package static func escapeAsTemplates(_ text: String) -> String { XML.escape(text) }

    /// The body of a double-quoted JavaScript string literal, safe inside a `<script>` file or
    /// element: `<`, `>` and `&` become `\u003c`… so neither `</script>` nor `<!--` can break
    /// out, and line terminators (including U+2028/2029) and other controls are escaped.
    package static func javaScriptString(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "'": result += "\\u0027"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
