import Analytics
import Foundation
import LedgerIngest
import LedgerModel
import SiteRenderer
import Yams

extension Configuration {
    /// Reads `portrait.yml` strictly: an unknown key, a wrong type or an impossible value is a
    /// `ConfigurationError` naming file, line and column, with a "did you mean" for keys.
    ///
    /// The file may be UTF-8 (with or without BOM) or GB18030/GBK, as the ledger's tables may:
    /// Notepad on a Chinese Windows saved "ANSI", that is GBK, for years.
    package static func load(file: String) throws -> Configuration {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ConfigurationError(file: file, problem: "This is a folder, not a configuration file.",
                                     hint: "Give --config the path of portrait.yml itself.")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigurationError(file: file, problem: "The configuration file cannot be read.",
                                     hint: "Check the path given with --config and the file's permissions.")
        }
        let utf8: [UInt8]
        do {
            utf8 = try TextDecoding.decode([UInt8](data), file: file).utf8
        } catch {
            throw ConfigurationError(file: file, problem: "The configuration file is not text in UTF-8 or GB18030.",
                                     hint: "Save it as UTF-8 text.")
        }
        return try parse(String(decoding: utf8, as: UTF8.self), file: file)
    }

    /// Parses YAML text; `file` names it in errors.
    package static func parse(_ text: String, file: String) throws -> Configuration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationError(file: file, problem: "This is not valid YAML: \(Self.summary(of: error))",
                                     hint: "Fix the syntax (indentation with spaces, `key: value`).")
        }
        var configuration = Configuration()
        guard let root else { return configuration }
        let reader = ConfigurationReader(file: file)
        try reader.read(root, into: &configuration)
        return configuration
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return "\(problem) at line \(mark.line), column \(mark.column)."
        default:
            return "\(error)"
        }
    }
}

/// Walks the YAML tree against the schema of config.md.
private struct ConfigurationReader {
    let file: String

    func error(_ node: Node, _ problem: String, hint: String = "") -> ConfigurationError {
        ConfigurationError(file: file, line: node.mark?.line, column: node.mark?.column, problem: problem, hint: hint)
    }

    /// What was found instead, to end a "must be" sentence: `, not “NOPE”`, `, not a list`.
    /// The value is trimmed, cut at its first line break (the message stays one line) and
    /// after 40 characters, with control characters shown as `\u{1B}`; a blank one says so.
    func not(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { return ", not empty" }
            let shown = text.prefix { !$0.isNewline }.prefix(40)
            let visible = shown.unicodeScalars.map { scalar in
                scalar.properties.generalCategory == .control ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" : String(scalar)
            }.joined()
            return ", not “" + visible + (shown.count < text.count ? "…" : "") + "”"
        case .mapping: return ", not a mapping"
        case .sequence: return ", not a list"
        case .alias: return "" // Yams resolves aliases before this reads them
        }
    }

    /// The mapping's entries, checking every key against `known`.
    func entries(_ node: Node, path: String, known: [String]) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node.mapping else {
            throw error(node, "\(path.isEmpty ? "The file" : "`\(path)`") must be a mapping of keys to values\(not(node)).")
        }
        return try mapping.map { pair in
            guard let key = pair.key.string else { throw error(pair.key, "Keys must be plain text.") }
            if !known.isEmpty && !known.contains(key) {
                let place = path.isEmpty ? "" : " under `\(path)`"
                throw error(pair.key, "Unknown key '\(key)'\(place).", hint: Suggestion.hint(for: key, among: known))
            }
            return (key, pair.key, pair.value)
        }
    }

    func string(_ node: Node, _ key: String) throws -> String {
        guard let value = node.string else { throw error(node, "`\(key)` must be text\(not(node)).") }
        return value
    }

    func integer(_ node: Node, _ key: String, minimum: Int = 0, maximum: Int? = nil) throws -> Int {
        guard let text = node.string, let value = Int(text), value >= minimum, value <= maximum ?? .max else {
            if let maximum { throw error(node, "`\(key)` must be a whole number from \(minimum) to \(maximum)\(not(node)).") }
            throw error(node, "`\(key)` must be a whole number of at least \(minimum)\(not(node)).")
        }
        return value
    }

    func bool(_ node: Node, _ key: String) throws -> Bool {
        switch node.string?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, "`\(key)` must be true or false\(not(node)).")
        }
    }

    func day(_ node: Node, _ key: String) throws -> Day {
        guard let text = node.string, let day = Day(iso: text) else {
            throw error(node, "`\(key)` must be a date written YYYY-MM-DD\(not(node)).")
        }
        return day
    }

    func choice<Value: RawRepresentable & CaseIterable>(_ node: Node, _ key: String, _: Value.Type) throws -> Value where Value.RawValue == String {
        let options = Value.allCases.map(\.rawValue)
        guard let text = node.string, let value = Value(rawValue: text) else {
            let word = node.string ?? ""
            throw error(node, "`\(key)` must be one of \(options.joined(separator: ", "))\(not(node)).",
                        hint: Suggestion.closest(to: word, among: options).map { "Did you mean '\($0)'?" } ?? "")
        }
        return value
    }

    /// A share 0–1 in basis points, read exactly from its decimal text (at most 4 decimals).
    func share(_ node: Node, _ key: String) throws -> Int {
        guard let text = node.string, let money = ValueParsers.amount(text), money.micros > 0,
              money.micros <= Money.scale, money.micros % 100 == 0 else {
            throw error(node, "`\(key)` must be a share between 0 and 1 with at most 4 decimals, such as 0.80\(not(node)).")
        }
        return Int(money.micros / 100)
    }

    func read(_ root: Node, into configuration: inout Configuration) throws {
        let keys = ["title", "locale", "currency", "as_of", "period", "date_order", "thresholds",
                    "segments", "privacy", "pages", "tables"]
        for (key, _, value) in try entries(root, path: "", known: keys) {
            switch key {
            case "title": configuration.title = try string(value, key)
            case "locale": configuration.locale = try choice(value, key, SiteLocale.self)
            case "currency":
                let code = try string(value, key).uppercased()
                guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                    throw error(value, "`currency` must be an ISO 4217 code such as CNY or USD\(not(value)).")
                }
                configuration.currency = code
            case "as_of": configuration.asOf = try day(value, key)
            case "period": configuration.period = try period(value)
            case "date_order": configuration.dateOrder = try choice(value, key, DateOrder.self)
            case "thresholds": configuration.thresholds = try thresholds(value)
            case "segments":
                for (key, _, value) in try entries(value, path: "segments", known: ["model"]) {
                    configuration.segmentModel = try choice(value, "segments.\(key)", SegmentModel.self)
                }
            case "privacy":
                for (key, _, value) in try entries(value, path: "privacy", known: ["mask_contacts"]) {
                    configuration.maskContacts = try bool(value, "privacy.\(key)")
                }
            case "pages":
                for (key, _, value) in try entries(value, path: "pages", known: ["portraits"]) {
                    configuration.portraits = try portraits(value, "pages.\(key)")
                }
            default:
                configuration.tables = try tables(value)
            }
        }
        if let period = configuration.period, let asOf = configuration.asOf, period.end > asOf {
            throw ConfigurationError(file: file, problem: "`period.end` (\(period.end)) is after `as_of` (\(asOf)).",
                                     hint: "End the period on or before the as-of date.")
        }
    }

    func period(_ node: Node) throws -> DayPeriod {
        var start: Day?, end: Day?
        for (key, _, value) in try entries(node, path: "period", known: ["start", "end"]) {
            if key == "start" { start = try day(value, "period.start") } else { end = try day(value, "period.end") }
        }
        guard let start, let end else { throw error(node, "`period` needs both `start` and `end`.") }
        guard start <= end else { throw error(node, "`period.start` (\(start)) is after `period.end` (\(end)).") }
        return DayPeriod(start: start, end: end)
    }

    /// The largest number of days a threshold may be.
    static let maximumDays = 1_000_000

    func thresholds(_ node: Node) throws -> Thresholds {
        var result = Thresholds()
        let known = ["at_risk_days", "churn_days", "loyal_orders", "follow_up_days", "stale_days",
                     "grade_a_share", "grade_b_share"]
        for (key, _, value) in try entries(node, path: "thresholds", known: known) {
            let name = "thresholds.\(key)"
            switch key {
            // Bounded so that day arithmetic and order counts (32-bit) cannot overflow: a
            // million days is 2,700 years, a billion orders more than any ledger holds.
            case "at_risk_days": result.atRiskDays = try integer(value, name, maximum: Self.maximumDays)
            case "churn_days": result.churnDays = try integer(value, name, maximum: Self.maximumDays)
            case "loyal_orders": result.loyalOrders = try integer(value, name, minimum: 1, maximum: 1_000_000_000)
            case "follow_up_days": result.followUpDays = try integer(value, name, minimum: 1, maximum: Self.maximumDays)
            case "stale_days": result.staleDays = try integer(value, name, maximum: Self.maximumDays)
            case "grade_a_share": result.gradeAShareBasisPoints = try share(value, name)
            default: result.gradeBShareBasisPoints = try share(value, name)
            }
        }
        guard result.gradeAShareBasisPoints <= result.gradeBShareBasisPoints else {
            throw error(node, "`thresholds.grade_a_share` must not be larger than `grade_b_share`.")
        }
        return result
    }

    func portraits(_ node: Node, _ key: String) throws -> PortraitSelection {
        let text = try string(node, key)
        switch text {
        case "all": return .all
        case "none": return .none
        default:
            if text.hasPrefix("top:"), let count = Int(text.dropFirst(4)), count >= 0 { return .top(count) }
            throw error(node, "`\(key)` must be all, none or top:N (for example top:500)\(not(node)).")
        }
    }

    func tables(_ node: Node) throws -> [TableName: TableSettings] {
        var result: [TableName: TableSettings] = [:]
        let names = TableName.allCases.map(\.rawValue)
        for (key, _, value) in try entries(node, path: "tables", known: names) {
            let table = TableName(rawValue: key)!
            result[table] = try tableSettings(value, table: table)
        }
        return result
    }

    func tableSettings(_ node: Node, table: TableName) throws -> TableSettings {
        var settings = TableSettings()
        let path = "tables.\(table.rawValue)"
        let columns = HeaderAliases.columns(of: table)
        for (key, _, value) in try entries(node, path: path, known: ["file", "record_path", "sheet", "columns", "values", "derive"]) {
            switch key {
            case "file":
                let file = try string(value, "\(path).file")
                guard !file.hasPrefix("/"), !file.split(separator: "/").contains("..") else {
                    throw error(value, "`\(path).file` must stay inside the data folder\(not(value)).", hint: "Use a path relative to the data folder.")
                }
                settings.file = file
            case "record_path": settings.recordPath = try string(value, "\(path).record_path")
            case "sheet": _ = try string(value, "\(path).sheet")
            case "columns":
                for (column, keyNode, header) in try entries(value, path: "\(path).columns", known: []) {
                    try checkColumn(column, keyNode, columns: columns, path: "\(path).columns", table: table)
                    if let list = header.sequence {
                        settings.columns[column] = try list.map { try string($0, "\(path).columns.\(column)") }
                    } else {
                        settings.columns[column] = [try string(header, "\(path).columns.\(column)")]
                    }
                }
            case "values":
                for (column, keyNode, mapping) in try entries(value, path: "\(path).values", known: []) {
                    try checkColumn(column, keyNode, columns: columns, path: "\(path).values", table: table)
                    var map: [String: String] = [:]
                    for (from, _, to) in try entries(mapping, path: "\(path).values.\(column)", known: []) {
                        map[from] = try string(to, "\(path).values.\(column).\(from)")
                    }
                    settings.values[column] = map
                }
            default:
                for (column, keyNode, expression) in try entries(value, path: "\(path).derive", known: []) {
                    try checkColumn(column, keyNode, columns: columns, path: "\(path).derive", table: table)
                    let text = try string(expression, "\(path).derive.\(column)")
                    do {
                        _ = try DeriveExpression(parsing: text)
                    } catch let syntax as DeriveExpression.SyntaxError {
                        throw error(expression, "`\(path).derive.\(column)` does not parse \(syntax).",
                                    hint: "Use column names, numbers, + - * / and parentheses.")
                    }
                    settings.derive[column] = text
                }
            }
        }
        return settings
    }

    func checkColumn(_ column: String, _ node: Node, columns: [String], path: String, table: TableName) throws {
        let extra = table == .orders ? ["name", "region", "city", "industry", "type"] : []
        guard columns.contains(column) || extra.contains(column) else {
            throw error(node, "'\(column)' under `\(path)` is not a column of the \(table.rawValue) table.",
                        hint: Suggestion.hint(for: column, among: columns))
        }
    }
}
