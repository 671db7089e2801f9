/// One cell of an exported CSV: text from the data (guarded against formula injection) or a
/// value Portrait computed or coded itself (written as is).
package enum CSVCell: Hashable, Sendable {
    /// Text from the ledger: a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` in front, so a
    /// spreadsheet never runs it as a formula.
    case text(String)
    /// A number, date or code Portrait wrote: never altered (`-0.2500` stays negative).
    case value(String)
    /// A missing value: an empty cell.
    case empty

    package static func text(_ value: String?) -> CSVCell { value.map { .text($0) } ?? .empty }
    package static func value(_ value: String?) -> CSVCell { value.map { .value($0) } ?? .empty }

    /// The cell's content after the injection guard, before quoting.
    package var content: String {
        switch self {
        case .empty: return ""
        case .value(let s): return s
        case .text(let s):
            guard let first = s.utf8.first, CSVTable.isFormulaStart(first) else { return s }
            return "'" + s
        }
    }
}
