import Charts
import LedgerModel

/// `assets/search-index.js`: every customer's id, name and (masked) phone digits for the search
/// box, as a script assigning a global, because `fetch` of a JSON file is blocked on `file://`.
///
/// One string, a record per line, fields separated by tabs: `id`, `name`, phone (masked as on
/// the pages, so the index holds no digit a page does not show), link.
/// The link is empty (no portrait), `=` (the file is `id.html`) or the file stem. About 40 bytes
/// per customer: 40 MB for a million, loaded only by the customers page.
enum SearchIndex {
    static func script(_ site: SiteBuild) -> String {
        var out = ByteBuffer()
        write(site, into: &out)
        return out.string
    }

    /// Writes the script as bytes: the records, then the records escaped as the body of a
    /// JavaScript string literal (``HTML/javaScriptString(_:)`` byte for byte).
    static func write(_ site: SiteBuild, into out: inout ByteBuffer) {
        var body = ByteBuffer(capacity: site.customers.count * 48 + 16)
        let stems = site.portraitStems
        // By index: iterating the customers themselves would copy each one (a retain per string).
        let customers = site.customers
        for index in customers.indices {
            if index > 0 { body.append(UInt8(ascii: "\n")) }
            appendClean(customers[index].id, to: &body)
            body.append(UInt8(ascii: "\t"))
            appendClean(customers[index].name, to: &body)
            body.append(UInt8(ascii: "\t"))
            if let phone = customers[index].phone {
                // A masked number holds only digits, `+`, `-`, `*` and spaces: nothing to clean.
                if site.content.maskContacts { ContactMask.append(phone: phone, to: &body) } else { appendClean(phone, to: &body) }
            }
            body.append(UInt8(ascii: "\t"))
            if site.hasPortrait[index], let stem = stems[index] {
                if stem == customers[index].id { body.append(UInt8(ascii: "=")) } else { appendClean(stem, to: &body) }
            }
        }
        out.reserve(body.count + body.count / 8 + 64)
        out.append("window.PORTRAIT_SEARCH=\"")
        body.withBytes { appendJavaScriptEscaped($0, to: &out) }
        out.append("\";\n")
    }

    /// Tabs and line breaks inside a value would break the record format: they become spaces
    /// (a CR LF pair, one character, one space).
    static func clean(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) else { return value }
        return String(value.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    static func appendClean(_ value: String, to out: inout ByteBuffer) {
        var value = value
        value.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 9 || byte == 10 || byte == 13 {
                    out.append(UInt8(ascii: " "))
                    if byte == 13, index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                } else {
                    out.append(byte)
                }
                index += 1
            }
        }
    }

    /// ``HTML/javaScriptString(_:)`` on UTF-8: every character it escapes is ASCII except
    /// U+2028 and U+2029 (E2 80 A8/A9), and no byte of another character is ASCII.
    static func appendJavaScriptEscaped(_ bytes: UnsafeRawBufferPointer, to out: inout ByteBuffer) {
        let hex: StaticString = "0123456789abcdef"
        var start = 0, index = 0
        func flush(_ out: inout ByteBuffer) {
            if index > start { out.append(UnsafeRawBufferPointer(rebasing: bytes[start..<index])) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            var width = 1
            let escape: StaticString?
            switch byte {
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\""): escape = "\\\""
            case 10: escape = "\\n"
            case 13: escape = "\\r"
            case 9: escape = "\\t"
            case UInt8(ascii: "<"): escape = "\\u003c"
            case UInt8(ascii: ">"): escape = "\\u003e"
            case UInt8(ascii: "&"): escape = "\\u0026"
            case UInt8(ascii: "'"): escape = "\\u0027"
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            case 0..<0x20, 0x7F:
                flush(&out)
                out.append("\\u00")
                out.append(hex.utf8Start[Int(byte >> 4)])
                out.append(hex.utf8Start[Int(byte & 0xF)])
                index += 1
                start = index
                continue
            default:
                escape = nil
            }
            if let escape {
                flush(&out)
                out.append(escape)
                index += width
                start = index
            } else {
                index += 1
            }
        }
        flush(&out)
    }
}
