import Foundation

/// The interface text of one locale, read from `templates/strings/<locale>.strings`.
///
/// The format is one `key = value` per line; `#` starts a comment line; `\n` in a value is a
/// line break. Templates reach the table as `{{s.key}}`; Swift code (chart titles, labels)
/// calls ``subscript(_:)`` and ``format(_:_:)``. A key missing from the table shows as the
/// key itself, so a typo is visible on the page instead of silently blank.
package struct Strings: Sendable {
    package private(set) var table: [String: String]

    package init(table: [String: String]) { self.table = table }

    /// Parses a strings file; `file` names it in the error for a line without `=`.
    package init(parsing text: String, file: String) throws {
        var table: [String: String] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw TemplateError(file: file, line: number + 1, column: 1,
                                    reason: "A line of the strings table has no `=`: \(line)",
                                    hint: "Write one `key = value` per line.")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            table[key] = value.replacingOccurrences(of: "\\n", with: "\n")
        }
        self.table = table
    }

    package subscript(_ key: String) -> String { table[key] ?? key }

    /// The text of `key` with `{0}`, `{1}`… replaced by `arguments`.
    package func format(_ key: String, _ arguments: String...) -> String {
        let text = self[key]
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), n >= 0, n < arguments.count {
                out += arguments[n]
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }
}
