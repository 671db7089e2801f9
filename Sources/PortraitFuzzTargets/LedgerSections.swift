import LedgerIngest
import LedgerModel

/// Splits a `fuzzLedger` input into files and settings at its `--- ` lines.
enum LedgerSections {
    enum Header {
        case file(String)
        case derive(TableName, column: String, expression: String)
        /// The config's `columns:`: `name` is a header for `column`.
        case column(TableName, column: String, name: String)
        case dates(DateOrder)
    }

    struct Section {
        var header: Header
        var body: [UInt8]
    }

    /// The file names a section may be written to: the names `TableLocator` looks for.
    static let fileNames: Set<String> = Set(TableName.allCases.flatMap { ["\($0.rawValue).csv", "\($0.rawValue).xml"] })

    /// Sections in input order; a `--- ` line that names nothing known is kept as body text.
    /// Text before the first `--- ` line is `customers.csv`, written only when there is some.
    static func split(_ data: [UInt8]) -> [Section] {
        var sections = [Section(header: .file("customers.csv"), body: [])]
        var start = 0
        while start < data.count {
            let newline = data[start...].firstIndex(of: 0x0A)
            let end = newline.map { $0 + 1 } ?? data.count
            let line = data[start..<(newline ?? data.count)]
            if let header = header(of: line) {
                sections.append(Section(header: header, body: []))
            } else {
                sections[sections.count - 1].body += data[start..<end]
            }
            start = end
        }
        // An input that starts with a `--- ` line has no text for the implicit customers.csv;
        // writing it empty would shadow a customers.xml section (CSV wins over XML).
        if sections.count > 1, sections[0].body.isEmpty { sections.removeFirst() }
        return sections
    }

    static func header(of line: ArraySlice<UInt8>) -> Header? {
        guard line.starts(with: Array("--- ".utf8)) else { return nil }
        let text = String(decoding: line.dropFirst(4), as: UTF8.self)
        if fileNames.contains(text) { return .file(text) }
        let words = text.split(separator: " ", maxSplits: 2).map(String.init)
        if words.count == 2, words[0] == "dates", let order = DateOrder(rawValue: words[1]) {
            return .dates(order)
        }
        if words.count == 3, words[0] == "derive" || words[0] == "column" {
            let target = words[1].split(separator: ".", maxSplits: 1).map(String.init)
            if target.count == 2, let table = TableName(rawValue: target[0]) {
                return words[0] == "derive" ? .derive(table, column: target[1], expression: words[2])
                    : .column(table, column: target[1], name: words[2])
            }
        }
        return nil
    }
}
